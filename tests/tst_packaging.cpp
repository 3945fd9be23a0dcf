// What the Debian package installs beside the programs stays true to them: the man pages are
// what help2man makes of the current --help, the bash completion offers every command and every
// option the help lists, both programs and the package changelog carry the project's version,
// and the AppStream file validates.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestPackaging : public QObject
{
    Q_OBJECT

private slots:
    void manPageMatchesHelp_data();
    void manPageMatchesHelp();
    void oneVersion_data();
    void oneVersion();
    void completionOffersEveryCommand();
    void completionOffersEveryOption_data();
    void completionOffersEveryOption();
    void metainfoValidates();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &arguments);
    static QStringList adminCommands();
    static QStringList complete(const QStringList &words);
    static QString source(const char *path) { return QStringLiteral(GONGJI_SOURCE_DIR "/") + QLatin1String(path); }
};

TestPackaging::Run TestPackaging::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("PATH"),
               QFileInfo(QStringLiteral(GONGJI_ADMIN_BIN)).absolutePath() + QLatin1Char(':')
                   + env.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The commands `gongji-admin --help` lists, without "help" itself.
QStringList TestPackaging::adminCommands()
{
    const QString help = run(QStringLiteral(GONGJI_ADMIN_BIN), {QStringLiteral("--help")}).out;
    const qsizetype start = help.indexOf(QLatin1String("\nCommands:\n"));
    const qsizetype end = help.indexOf(QLatin1String("\n\n"), start + 1);
    QStringList commands;
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]*) "));
    for (const QString &text : help.mid(start, end - start).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch() && match.captured(1) != QLatin1String("help"))
            commands << match.captured(1);
    }
    return commands;
}

// What the completion function offers for a command line whose last word is being typed.
QStringList TestPackaging::complete(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted << QLatin1Char('\'') + word + QLatin1Char('\'');
    const QString script = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _gongji_admin; "
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"")
                               .arg(source("packaging/completion/gongji-admin"), quoted.join(QLatin1Char(' ')))
                               .arg(words.size() - 1);
    return run(QStringLiteral("bash"), {QStringLiteral("-c"), script}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestPackaging::manPageMatchesHelp_data()
{
    QTest::addColumn<QString>("page");
    QTest::newRow("gongji-desk(1)") << QStringLiteral("gongji-desk.1");
    QTest::newRow("gongji-admin(1)") << QStringLiteral("gongji-admin.1");
}

void TestPackaging::manPageMatchesHelp()
{
    QFETCH(QString, page);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run made = run(QStringLiteral("bash"),
                         {source("packaging/man/make-man-pages.sh"), QStringLiteral(GONGJI_BUILD_DIR), dir.path()});
    if (made.exitCode == 77)
        QSKIP("help2man is not installed");
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QFile fresh(dir.filePath(page));
    QFile committed(source("packaging/man/") + page);
    QVERIFY(fresh.open(QIODevice::ReadOnly));
    QVERIFY(committed.open(QIODevice::ReadOnly));
    // The .TH line holds the month the page was made; everything else must agree line by line.
    const QStringList freshLines = QString::fromUtf8(fresh.readAll()).split(QLatin1Char('\n'));
    const QStringList committedLines = QString::fromUtf8(committed.readAll()).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < qMax(freshLines.size(), committedLines.size()); ++i) {
        const QString now = freshLines.value(i);
        if (now.startsWith(QLatin1String(".TH ")))
            continue;
        QVERIFY2(
            now == committedLines.value(i),
            qPrintable(QStringLiteral(
                           "packaging/man/%1 line %2 is no longer what --help says:\n  committed: %3\n  now:       %4\n"
                           "Run packaging/man/make-man-pages.sh BUILD_DIR and commit the pages.")
                           .arg(page)
                           .arg(i + 1)
                           .arg(committedLines.value(i), now)));
    }
}

void TestPackaging::oneVersion_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("gongji-desk") << QStringLiteral(GONGJI_DESK_BIN);
    QTest::newRow("gongji-admin") << QStringLiteral(GONGJI_ADMIN_BIN);
}

void TestPackaging::oneVersion()
{
    QFETCH(QString, program);
    const Run version = run(program, {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QFileInfo(program).fileName() + QStringLiteral(" " GONGJI_VERSION "\n"));
    // The package's changelog names the same version in its first entry.
    QFile changelog(source("packaging/debian/changelog"));
    QVERIFY(changelog.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(changelog.readLine()).section(QLatin1Char(' '), 0, 1),
             QStringLiteral("gongji-desk (" GONGJI_VERSION ")"));
}

void TestPackaging::completionOffersEveryCommand()
{
    const QStringList commands = adminCommands();
    QVERIFY(commands.size() >= 20);
    QStringList offered = complete({QStringLiteral("gongji-admin"), QString()});
    offered.removeAll(QStringLiteral("help"));
    QCOMPARE(offered, commands);
    // After the global options, and after "help".
    QCOMPARE(complete({QStringLiteral("gongji-admin"), QStringLiteral("--db"), QStringLiteral("x.sqlite"),
                       QStringLiteral("check-")}),
             (QStringList{QStringLiteral("check-filings"), QStringLiteral("check-kinship")}));
    QCOMPARE(complete({QStringLiteral("gongji-admin"), QStringLiteral("help"), QStringLiteral("revoke")}),
             (QStringList{QStringLiteral("revoke"), QStringLiteral("revoke-kinship")}));
}

void TestPackaging::completionOffersEveryOption_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : adminCommands())
        QTest::newRow(qPrintable(command)) << command;
}

void TestPackaging::completionOffersEveryOption()
{
    QFETCH(QString, command);
    const QString help = run(QStringLiteral(GONGJI_ADMIN_BIN), {QStringLiteral("help"), command}).out;
    // The options section: "  -x, --name <VALUE>   text" or "  --name   text".
    QStringList options;
    static const QRegularExpression option(QStringLiteral("^  (?:-\\w, )?(--[a-z][a-z-]*)"),
                                           QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();)
        options << it.next().captured(1);
    QVERIFY2(options.contains(QStringLiteral("--db")), qPrintable(help));
    const QStringList offered = complete({QStringLiteral("gongji-admin"), command, QStringLiteral("--")});
    for (const QString &name : options)
        QVERIFY2(offered.contains(name),
                 qPrintable(name + QStringLiteral(" not offered: ") + offered.join(QLatin1Char(' '))));
}

void TestPackaging::metainfoValidates()
{
    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
        QSKIP("appstreamcli is not installed (Debian: appstream)");
    const Run validate = run(QStringLiteral("appstreamcli"),
                             {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral(GONGJI_METAINFO)});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    QFile metainfo(QStringLiteral(GONGJI_METAINFO));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QVERIFY(metainfo.readAll().contains("<release version=\"" GONGJI_VERSION "\""));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
