// gongji-admin rules export / import [--dry-run] through RuleSetExchange: round trip, a new
// region, conflicts that import nothing, the impact report, bad files.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "AdminCliTest.h"

class TestAdminRules : public AdminCliTest
{
    Q_OBJECT

private slots:
    void init();

    void rulesRoundTrip();
    void rulesImportNewRegion();
    void rulesConflictImportsNothing();
    void rulesDryRun();
    void rulesBadFiles_data();
    void rulesBadFiles();

private:
    // A rules import (not a dry run) needs a supervisor's sign-in.
    QStringList supervisor() const { return AdminCli::signIn(passwordFile()); }
    // `rules export` of the database at `database` ("" for db()) into a new file; its bytes.
    QByteArray exportRules(const QString &database = {}, const QString &region = {}) const;
};

void TestAdminRules::init()
{
    QVERIFY(freshFolder());
    QVERIFY(cli().initAccounts(db(), passwordFile()));
}

QByteArray TestAdminRules::exportRules(const QString &database, const QString &region) const
{
    static int serial = 0;
    const QString path = m_dir->filePath(QStringLiteral("export-%1.json").arg(++serial));
    QStringList arguments{QStringLiteral("--db"), database.isEmpty() ? db() : database, QStringLiteral("rules"),
                          QStringLiteral("export"), path};
    if (!region.isEmpty())
        arguments << QStringLiteral("--region") << region;
    const Run run = admin(arguments);
    if (run.exitCode != 0 || !run.err.isEmpty())
        qWarning("rules export failed (%d): %s", run.exitCode, qPrintable(run.err));
    return AdminCli::readFile(path);
}

void TestAdminRules::rulesRoundTrip()
{
    // Export → import into a fresh database → export gives the same bytes. A fresh database holds
    // the shipped defaults, so every set of the file is identical and nothing changes.
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("export"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ rule set\\(s\\) written to .*rules\\.json\\.\\n$"))
                 .match(run.out)
                 .hasMatch(),
             qPrintable(run.out));
    const QByteArray exported = AdminCli::readFile(path);
    const qsizetype sets = QJsonDocument::fromJson(exported).array().size();
    QVERIFY(sets >= 5); // the shipped defaults

    const QString fresh = m_dir->filePath(QStringLiteral("fresh.sqlite"));
    QVERIFY(cli().initAccounts(fresh, passwordFile()));
    run = admin(QStringList{QStringLiteral("--db"), fresh, QStringLiteral("rules"), QStringLiteral("import"), path}
                + supervisor());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("0 added, %1 identical (unchanged)\n").arg(sets));
    QCOMPARE(exportRules(fresh), exported);

    // "-" writes to stdout, the same bytes.
    run = admin(
        {QStringLiteral("--db"), fresh, QStringLiteral("rules"), QStringLiteral("export"), QStringLiteral("-")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.toUtf8(), exported);
}

void TestAdminRules::rulesImportNewRegion()
{
    const QByteArray before = exportRules();
    Run run = admin(QStringList{QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"),
                                data("rules-jiangsu.json")}
                    + supervisor());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("1 added, 0 identical (unchanged)\n"));

    // Exported again with every parameter as in the file.
    const QByteArray jiangsu = exportRules({}, QStringLiteral("320000"));
    QCOMPARE(QJsonDocument::fromJson(jiangsu), QJsonDocument::fromJson(AdminCli::readFile(data("rules-jiangsu.json"))));
    const QByteArray after = exportRules();
    QCOMPARE(QJsonDocument::fromJson(after).array().size(), QJsonDocument::fromJson(before).array().size() + 1);

    // A second import of the same file changes nothing.
    run = admin(QStringList{QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"),
                            data("rules-jiangsu.json")}
                + supervisor());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("0 added, 1 identical (unchanged)\n"));
    QCOMPARE(exportRules(), after);

    // The region's export carried into another database exports to the same bytes there.
    const QString path = m_dir->filePath(QStringLiteral("jiangsu.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jiangsu);
    file.close();
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    QVERIFY(cli().initAccounts(other, passwordFile()));
    QCOMPARE(admin(QStringList{QStringLiteral("--db"), other, QStringLiteral("rules"), QStringLiteral("import"), path}
                   + supervisor())
                 .exitCode,
             0);
    QCOMPARE(exportRules(other, QStringLiteral("320000")), jiangsu);

    // A region with no set: said, and no file written.
    const QString none = m_dir->filePath(QStringLiteral("none.json"));
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("export"),
                 QStringLiteral("--region"), QStringLiteral("650000"), none});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("No rule set of region 650000 is stored; nothing was written.")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(none));
}

void TestAdminRules::rulesConflictImportsNothing()
{
    // Set 1 (江苏) is fine; set 2 overlaps the stored 浙江 set: neither is imported.
    const QByteArray before = exportRules();
    const Run run = admin(QStringList{QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"),
                                      data("rules-conflict.json")}
                          + supervisor());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("Rule set 2")), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(0).contains(QStringLiteral("overlaps the stored rule set 330000")), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("Nothing was imported: 1 problem(s).")), qPrintable(errors.at(1)));
    QCOMPARE(exportRules(), before);

    // A dry run changes nothing and needs no sign-in.
    const Run dry = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"),
                           QStringLiteral("--dry-run"), data("rules-conflict.json")});
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.err.contains(QStringLiteral("overlaps the stored rule set 330000")), qPrintable(dry.err));
    QVERIFY2(dry.err.contains(QStringLiteral("Dry run: the import would be refused: 1 problem(s).")),
             qPrintable(dry.err));
}

void TestAdminRules::rulesDryRun()
{
    // A 杭州 set allowing spouses only would refuse the three child/parent bindings of 张伟.
    QVERIFY(cli().loadSamples(db(), passwordFile()));
    const QByteArray before = exportRules();
    const QStringList arguments{QStringLiteral("--db"),      db(),
                                QStringLiteral("rules"),     QStringLiteral("import"),
                                QStringLiteral("--dry-run"), data("rules-hangzhou.json")};
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 5);
    QCOMPARE(out.at(0), QStringLiteral("Dry run: 1 would be added, 0 identical (unchanged); nothing was written."));
    QVERIFY2(out.at(1).startsWith(QStringLiteral("3 of 3 active bindings would be refused")), qPrintable(out.at(1)));
    QVERIFY2(out.at(1).contains(QStringLiteral("RELATIONSHIP_NOT_ALLOWED 3")), qPrintable(out.at(1)));
    QStringList targets;
    const QRegularExpression rowRe(QStringLiteral(
        R"(^  binding \d+: 张伟 \(330102\*{8}1236\) -> (\S+) \(\d{6}\*{8}\d{3}[\dX]\), (child|parent): RELATIONSHIP_NOT_ALLOWED$)"));
    for (int i = 2; i < 5; ++i) {
        const QRegularExpressionMatch match = rowRe.match(out.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(out.at(i)));
        targets << match.captured(1);
    }
    targets.sort();
    QCOMPARE(targets, (QStringList{"张小明", "张建国", "王芳"}));
    // Nothing written: the rules are as before, and the same dry run says the same.
    QCOMPARE(exportRules(), before);
    QCOMPARE(admin(arguments).out, run.out);
    // The bindings themselves are untouched by any rules import.
    const Run import = admin(QStringList{QStringLiteral("--db"), db(), QStringLiteral("rules"),
                                         QStringLiteral("import"), data("rules-hangzhou.json")}
                             + supervisor());
    QCOMPARE(import.out, QStringLiteral("1 added, 0 identical (unchanged)\n"));
    const Run household = admin(
        {QStringLiteral("--db"), db(), QStringLiteral("household"), QStringLiteral("01:330102198003151236")}); // 张伟
    QCOMPARE(AdminCli::bindingKeys(household.out).filter(QStringLiteral("mutual_aid/authorizes/active")).size(), 3);
}

void TestAdminRules::rulesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("Cannot read ");
    QTest::newRow("not JSON") << QByteArray("region,effective_from\n330000,2024-01-01\n")
                              << QStringLiteral("The file is not valid JSON");
    QTest::newRow("not an array") << QByteArray(R"({"region": "330000"})") << QStringLiteral("JSON array of rule sets");
    QByteArray badRegion = AdminCli::readFile(data("rules-jiangsu.json"));
    badRegion.replace("\"320000\"", "\"32\"");
    QTest::newRow("region of 2 digits") << badRegion << QStringLiteral("Rule set 1: ");
}

void TestAdminRules::rulesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = m_dir->filePath(QStringLiteral("bad.json"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = exportRules();
    const Run run
        = admin(QStringList{QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), path}
                + supervisor());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported")), qPrintable(run.err));
    QCOMPARE(exportRules(), before);
}

QTEST_GUILESS_MAIN(TestAdminRules)
#include "tst_adminrules.moc"
