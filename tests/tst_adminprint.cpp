// gongji-admin print and copy-to, as a user runs them: the built binary on a real database.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "AdminCli.h"
#include "TestDatabase.h"

class TestAdminPrint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void printsFilingThenReprint();
    void refusesUnknownFilingAndBadUsage();
    void copyToEmptyDatabaseOnly();

private:
    QString pdfText(const QString &path) const;
    QTemporaryDir m_home;
};

void TestAdminPrint::initTestCase() { QVERIFY(m_home.isValid()); }

QString TestAdminPrint::pdfText(const QString &path) const
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestAdminPrint::printsFilingThenReprint()
{
    TestDatabase db;
    const AdminCli cli(m_home.path());
    QVERIFY(cli.loadSamples(db.path(), db.passwordFile()));
    const QString pdf = m_home.filePath(QStringLiteral("first.pdf"));
    const QStringList clerk = AdminCli::signIn(db.passwordFile(), QStringLiteral("tester")); // prints are audited
    const AdminCli::Run first
        = cli.run(clerk
                  + QStringList{"--db", db.path(), "print",
                                QStringLiteral("GJ%1-0001").arg(QDate::currentDate().toString("yyyyMMdd")), "--pdf",
                                pdf, "--office", "杭州市医疗保障服务中心"});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("个人账户家庭共济备案确认单")));
    QVERIFY(text.contains(QStringLiteral("杭州市医疗保障服务中心")));
    QVERIFY(!text.contains(QStringLiteral("补打")));
    const QString again = m_home.filePath(QStringLiteral("again.pdf"));
    const AdminCli::Run second = cli.run(
        clerk
        + QStringList{"--db", db.path(), "print",
                      QStringLiteral("GJ%1-0001").arg(QDate::currentDate().toString("yyyyMMdd")), "--pdf", again});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.contains(QStringLiteral("reprint")));
    QVERIFY(pdfText(again).contains(QStringLiteral("补打")));
}

void TestAdminPrint::refusesUnknownFilingAndBadUsage()
{
    TestDatabase db;
    const AdminCli cli(m_home.path());
    const QString pdf = m_home.filePath(QStringLiteral("none.pdf"));
    const QStringList clerk = AdminCli::signIn(db.passwordFile(), QStringLiteral("tester"));
    const AdminCli::Run unknown
        = cli.run(clerk + QStringList{"--db", db.path(), "print", "GJ20000101-0001", "--pdf", pdf});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(!unknown.err.isEmpty());
    QVERIFY(!QFile::exists(pdf));
    QCOMPARE(cli.run({"--db", db.path(), "print", "GJ20000101-0001"}).exitCode, 64); // no --pdf
    QCOMPARE(cli.run({"--db", db.path(), "print", "--revocation", "x", "--pdf", pdf}).exitCode, 64);
    QVERIFY(cli.run({"print", "--help"}).out.contains(QStringLiteral("补打")));
}

void TestAdminPrint::copyToEmptyDatabaseOnly()
{
    if (TestDatabase::usesServer())
        QSKIP("the server copy is tested in tst_databasecopy_postgres");
    TestDatabase db;
    const AdminCli cli(m_home.path());
    QVERIFY(cli.loadSamples(db.path(), db.passwordFile()));
    const QString copy = m_home.filePath(QStringLiteral("copy.sqlite"));
    const QStringList supervisor = AdminCli::signIn(db.passwordFile());
    const AdminCli::Run run = cli.run(supervisor + QStringList{"--db", db.path(), "copy-to", copy});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("row count matches")));
    // Same rules, same filings: the copy answers like the original.
    QCOMPARE(cli.run({"--db", copy, "rules", "export", "-"}).out,
             cli.run({"--db", db.path(), "rules", "export", "-"}).out);
    const QString number = QStringLiteral("GJ%1-0001").arg(QDate::currentDate().toString("yyyyMMdd"));
    // The accounts came along: the clerk signs in on the copy.
    const AdminCli::Run print
        = cli.run(AdminCli::signIn(db.passwordFile(), QStringLiteral("tester"))
                  + QStringList{"--db", copy, "print", number, "--pdf", m_home.filePath("c.pdf")});
    QVERIFY2(print.exitCode == 0, qPrintable(print.err));
    const AdminCli::Run twice = cli.run(supervisor + QStringList{"--db", db.path(), "copy-to", copy});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY(twice.err.contains(QStringLiteral("not empty")));
}

QTEST_GUILESS_MAIN(TestAdminPrint)
#include "tst_adminprint.moc"
