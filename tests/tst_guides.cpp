// The guides in docs/ keep up with the code: the clerk's guide explains every refusal code and
// warning (model/domain/RefusalCode), the administrator's guide every gongji-admin command (from
// its --help). A new code or command fails this test until the guides say what it is.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include "model/domain/RefusalCode.h"

using namespace gongji;

class TestGuides : public QObject
{
    Q_OBJECT

private slots:
    void clerkGuideExplainsEveryCode_data();
    void clerkGuideExplainsEveryCode();
    void adminGuideExplainsEveryCommand_data();
    void adminGuideExplainsEveryCommand();
    void readmeLinksTheGuides();

private:
    static QString read(const char *path);
};

QString TestGuides::read(const char *path)
{
    QFile file(QStringLiteral(GONGJI_SOURCE_DIR "/") + QLatin1String(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", path);
    return QString::fromUtf8(file.readAll());
}

void TestGuides::clerkGuideExplainsEveryCode_data()
{
    QTest::addColumn<QString>("code");
    for (const RefusalCode code : RefusalCodes::all())
        QTest::newRow(qPrintable(RefusalCodes::name(code))) << RefusalCodes::name(code);
}

void TestGuides::clerkGuideExplainsEveryCode()
{
    QFETCH(QString, code);
    // A heading or table row of its own: `CODE` in code style, not a passing mention in a word.
    const QString guide = read("docs/clerk-guide.md");
    QVERIFY2(guide.contains(QLatin1Char('`') + code + QLatin1Char('`')),
             qPrintable(QStringLiteral(
                            "docs/clerk-guide.md does not explain %1: add what it means and what to tell the citizen")
                            .arg(code)));
}

void TestGuides::adminGuideExplainsEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QProcess admin;
    admin.start(QStringLiteral(GONGJI_ADMIN_BIN), {QStringLiteral("--help")});
    QVERIFY(admin.waitForFinished(60000));
    const QString help = QString::fromUtf8(admin.readAllStandardOutput());
    const qsizetype start = help.indexOf(QLatin1String("\nCommands:\n"));
    QVERIFY(start > 0);
    const QString commands = help.mid(start, help.indexOf(QLatin1String("\n\n"), start + 1) - start);
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]*) "), QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = line.globalMatch(commands); it.hasNext();) {
        const QString command = it.next().captured(1);
        if (command != QLatin1String("help")) {
            QTest::newRow(qPrintable(command)) << command;
            ++count;
        }
    }
    QVERIFY(count >= 20);
}

void TestGuides::adminGuideExplainsEveryCommand()
{
    QFETCH(QString, command);
    const QString guide = read("docs/admin-guide.md");
    QVERIFY2(guide.contains(QStringLiteral("gongji-admin ") + command)
                 || guide.contains(QStringLiteral("`%1`").arg(command)),
             qPrintable(QStringLiteral("docs/admin-guide.md does not explain gongji-admin %1").arg(command)));
}

void TestGuides::readmeLinksTheGuides()
{
    const QString readme = read("README.md");
    QVERIFY(readme.contains(QLatin1String("(docs/clerk-guide.md)")));
    QVERIFY(readme.contains(QLatin1String("(docs/admin-guide.md)")));
}

QTEST_GUILESS_MAIN(TestGuides)
#include "tst_guides.moc"
