#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "AdminCliTest.h"

// gongji-admin as a user runs it: the built binary, sample files, exit codes and output. The
// commands for households, kinship accounts and payments are in tst_adminhousehold, rules in
// tst_adminrules; help and usage errors of every command are here.
class TestAdminCli : public AdminCliTest
{
    Q_OBJECT

private slots:
    void init();

    void help_data();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void importRegistry();
    void badRegistryStoresNothing();
    void registryInEveryEncoding();
    void unreadableBytesAreNamed();
    void checkFilingsDryRun();
    void checkFilingsCommit();
    void malformedFilings();
    void checkFilingsRelationshipsAndPeriods();
    void malformedPeriodStopsTheFile();
    void wrongHeader();
    void garbageDatabaseIsRefusedAndUntouched_data();
    void garbageDatabaseIsRefusedAndUntouched();
    void loadDemo();

private:
    bool withAccounts(const QString &database) const { return cli().initAccounts(database, passwordFile()); }
};

void TestAdminCli::init() { QVERIFY(freshFolder()); }

void TestAdminCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage"); // expected first line

    const QString global
        = QStringLiteral("Usage: gongji-admin [--db PATH] [--clerk LOGIN [--password-file FILE]] COMMAND [ARGUMENTS]");
    const QString import = QStringLiteral("Usage: gongji-admin [--db PATH] import-registry FILE.csv");
    const QString check
        = QStringLiteral("Usage: gongji-admin [--db PATH] check-filings [--commit] [--accept-warnings] FILE.csv");
    const QString demo = QStringLiteral("Usage: gongji-admin [--db PATH] load-demo ");

    QTest::newRow("--help") << QStringList{"--help"} << global;
    QTest::newRow("help") << QStringList{"help"} << global;
    QTest::newRow("help import-registry") << QStringList{"help", "import-registry"} << import;
    QTest::newRow("import-registry --help") << QStringList{"import-registry", "--help"} << import;
    QTest::newRow("help check-filings") << QStringList{"help", "check-filings"} << check;
    QTest::newRow("check-filings --help") << QStringList{"check-filings", "--help"} << check;
    QTest::newRow("--help check-filings") << QStringList{"--help", "check-filings"} << check;
    QTest::newRow("help load-demo") << QStringList{"help", "load-demo"} << demo;
    QTest::newRow("load-demo -h") << QStringList{"load-demo", "-h"} << demo;
    QTest::newRow("help check-kinship") << QStringList{
        "help", "check-kinship"} << QStringLiteral("Usage: gongji-admin [--db PATH] check-kinship [--commit] FILE.csv");
    QTest::newRow("household --help") << QStringList{"household", "--help"}
                                      << QStringLiteral("Usage: gongji-admin [--db PATH] household TYPE:NUMBER");
    QTest::newRow("help revoke") << QStringList{"help", "revoke"}
                                 << QStringLiteral(
                                        "Usage: gongji-admin [--db PATH] revoke --authorizer TYPE:NUMBER --target "
                                        "TYPE:NUMBER --reason TEXT [--requested-by authorizer|target]");
    QTest::newRow("help revoke-kinship") << QStringList{"help", "revoke-kinship"}
                                         << QStringLiteral(
                                                "Usage: gongji-admin [--db PATH] revoke-kinship --holder TYPE:NUMBER "
                                                "--member TYPE:NUMBER --reason TEXT [--requested-by holder|member]");
    QTest::newRow("preview-payment --help")
        << QStringList{"preview-payment", "--help"}
        << QStringLiteral("Usage: gongji-admin [--db PATH] preview-payment TYPE:NUMBER AMOUNT");
    QTest::newRow("help rules") << QStringList{"help", "rules"}
                                << QStringLiteral(
                                       "Usage: gongji-admin [--db PATH] rules export [--region CODE] FILE.json | "
                                       "import [--dry-run] FILE.json");
    QTest::newRow("help init") << QStringList{
        "help", "init"} << QStringLiteral("Usage: gongji-admin [--db PATH] init --supervisor LOGIN [--name NAME]");
    QTest::newRow("add-clerk --help")
        << QStringList{"add-clerk", "--help"}
        << QStringLiteral("Usage: gongji-admin [--db PATH] add-clerk LOGIN [--role clerk|supervisor] "
                          "[--name NAME] [--new-password-file FILE]");
    QTest::newRow("help reset-password")
        << QStringList{"help", "reset-password"}
        << QStringLiteral("Usage: gongji-admin [--db PATH] reset-password LOGIN [--new-password-file FILE]");
    QTest::newRow("help unlock-clerk") << QStringList{"help", "unlock-clerk"}
                                       << QStringLiteral("Usage: gongji-admin [--db PATH] unlock-clerk LOGIN");
}

void TestAdminCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out).value(0), usage);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("--db <PATH>")));
    // The list names every command; a command's help explains it beyond the usage line.
    if (usage.contains(QStringLiteral("COMMAND [ARGUMENTS]"))) {
        for (const char *command :
             {"import-registry", "check-filings", "check-kinship", "household", "revoke ", "revoke-kinship",
              "preview-payment", "rules", "load-demo", "init ", "add-clerk", "clerks", "disable-clerk", "enable-clerk",
              "unlock-clerk", "reset-password", "change-password"})
            QVERIFY2(run.out.contains(QStringLiteral("\n  ") + QLatin1String(command)), command);
        // The sign-in and its exit code are explained.
        QVERIFY(run.out.contains(QStringLiteral("--password-file <FILE>")));
        QVERIFY(run.out.contains(QStringLiteral("Sign-in:")));
        QVERIFY(run.out.contains(QStringLiteral("\n  4   no valid sign-in")));
    } else {
        QVERIFY(lines(run.out).size() > 8);
    }
    // Help opens no database.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("xdg/gongji/gongji-desk/gongji-desk.sqlite"))));
}

void TestAdminCli::version()
{
    const Run run = admin({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^gongji-admin \\d+\\.\\d+\\.\\d+\\n$")).match(run.out).hasMatch(),
             qPrintable(run.out));
}

void TestAdminCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage: gongji-admin");
    QTest::newRow("unknown command") << QStringList{"import"} << QStringLiteral("unknown command \"import\"");
    QTest::newRow("help for unknown command")
        << QStringList{"help", "frobnicate"} << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("missing file") << QStringList{"import-registry"} << QStringLiteral("the registry file is missing");
    QTest::newRow("two files") << QStringList{"check-filings", "a.csv", "b.csv"}
                               << QStringLiteral("give exactly one filings file");
    QTest::newRow("unknown option") << QStringList{"check-filings", "--comit", "a.csv"}
                                    << QStringLiteral("Unknown option 'comit'");
    QTest::newRow("init without supervisor") << QStringList{"init"} << QStringLiteral("--supervisor LOGIN is missing");
    QTest::newRow("add-clerk without login") << QStringList{"add-clerk"} << QStringLiteral("give exactly one LOGIN");
    QTest::newRow("add-clerk unknown role") << QStringList{"add-clerk", "wang", "--role", "boss"}
                                            << QStringLiteral("--role is clerk or supervisor, found \"boss\"");
    QTest::newRow("disable-clerk two logins")
        << QStringList{"disable-clerk", "a", "b"} << QStringLiteral("give exactly one LOGIN, the account's, found 2");
    QTest::newRow("clerks argument") << QStringList{"clerks", "all"} << QStringLiteral("clerks takes no arguments");
    QTest::newRow("load-demo argument") << QStringList{"load-demo", "now"}
                                        << QStringLiteral("load-demo takes no arguments");
    QTest::newRow("household without person") << QStringList{"household"} << QStringLiteral("the person is missing");
    QTest::newRow("household without type") << QStringList{"household", "330102198003151236"}
                                            << QStringLiteral("the person \"330102198003151236\" is not TYPE:NUMBER");
    QTest::newRow("revoke without target")
        << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--reason", "x"}
        << QStringLiteral("--target is missing");
    QTest::newRow("revoke without reason")
        << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--target", "01:330102201005011354"}
        << QStringLiteral("--reason needs a text");
    QTest::newRow("revoke requested by holder") << QStringList{
        "revoke",         "--authorizer", "01:330102198003151236", "--target", "01:330102201005011354", "--reason", "x",
        "--requested-by", "holder"} << QStringLiteral("--requested-by must be authorizer or target, found \"holder\"");
    QTest::newRow("revoke-kinship member without type")
        << QStringList{"revoke-kinship", "--holder", "01:330102198003151236", "--member", "330102201005011354:",
                       "--reason",       "x"}
        << QStringLiteral("--member \"330102201005011354:\" is not TYPE:NUMBER");
    QTest::newRow("revoke-kinship requested by target")
        << QStringList{"revoke-kinship", "--holder", "01:330102198003151236", "--member", "01:330102201005011354",
                       "--reason",       "x",        "--requested-by",        "target"}
        << QStringLiteral("--requested-by must be holder or member");
    QTest::newRow("check-kinship without file")
        << QStringList{"check-kinship", "--commit"} << QStringLiteral("the kinship file is missing");
    QTest::newRow("preview-payment without amount")
        << QStringList{"preview-payment", "01:330102198003151236"} << QStringLiteral("found 1 argument(s)");
    QTest::newRow("preview-payment three decimals") << QStringList{"preview-payment", "01:330102198003151236", "12.345"}
                                                    << QStringLiteral("the amount \"12.345\" is not an amount in yuan");
    QTest::newRow("preview-payment negative")
        << QStringList{"preview-payment", "01:330102198003151236", "-5"} << QStringLiteral("Unknown option '5'");
    QTest::newRow("rules without action") << QStringList{"rules"} << QStringLiteral("say what to do: rules export");
    QTest::newRow("rules unknown action")
        << QStringList{"rules", "show", "a.json"} << QStringLiteral("unknown rules action \"show\"");
    QTest::newRow("rules export without file")
        << QStringList{"rules", "export"} << QStringLiteral("rules export needs exactly one file, found 0");
    QTest::newRow("rules import with region")
        << QStringList{"rules", "import", "a.json", "--region", "330000"} << QStringLiteral("--region is for export");
    QTest::newRow("rules export dry run")
        << QStringList{"rules", "export", "--dry-run", "a.json"} << QStringLiteral("--dry-run is for import");
    QTest::newRow("rules export bad region") << QStringList{"rules", "export", "--region", "33", "a.json"}
                                             << QStringLiteral("--region \"33\" is not a region code");
}

void TestAdminCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = admin(QStringList{QStringLiteral("--db"), db()} + arguments);
    QCOMPARE(run.exitCode, 64);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(db())); // refused before the database is opened
}

void TestAdminCli::importRegistry()
{
    QVERIFY(withAccounts(db()));
    Run run = admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("8 added, 0 updated, 0 unchanged\n"));
    QCOMPARE(run.err, QStringLiteral("Read registry-good.csv as UTF-8.\n"));
    // The global options after the command work too.
    run = admin(
        QStringList{QStringLiteral("import-registry"), data("registry-update.csv"), QStringLiteral("--db"), db()}
        + AdminCli::signIn(passwordFile()));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("1 added, 1 updated, 1 unchanged\n"));
}

void TestAdminCli::badRegistryStoresNothing()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-bad.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err);
    QList<int> reported;
    const QRegularExpression lineRe(QStringLiteral("^line (\\d+): \\S"));
    for (const QString &error : errors) {
        const QRegularExpressionMatch match = lineRe.match(error);
        if (match.hasMatch())
            reported.append(match.captured(1).toInt());
    }
    QList<int> expected;
    for (int line = 3; line <= 18; ++line)
        expected.append(line);
    expected.append(18);
    QCOMPARE(reported, expected);
    QVERIFY(errors.last().startsWith(QStringLiteral("Nothing was imported")));

    // Not even the good row 2 (a changed balance would have shown as "updated").
    const Run again = admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")});
    QCOMPARE(again.out, QStringLiteral("0 added, 0 updated, 8 unchanged\n"));
}

void TestAdminCli::registryInEveryEncoding()
{
    QVERIFY(withAccounts(db()));
    // Made with iconv -f utf-8 -t gb18030, CRLF: what Excel on Chinese Windows saves.
    Run run = admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good-gb18030.csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("8 added, 0 updated, 0 unchanged\n"));
    QCOMPARE(run.err, QStringLiteral("Read registry-good-gb18030.csv as GB18030 (GBK).\n"));
    // The same persons as the UTF-8 file: nothing changes when it is imported after.
    run = admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")});
    QCOMPARE(run.out, QStringLiteral("0 added, 0 updated, 8 unchanged\n"));
    QCOMPARE(run.err, QStringLiteral("Read registry-good.csv as UTF-8.\n"));
}

void TestAdminCli::unreadableBytesAreNamed()
{
    QVERIFY(withAccounts(db()));
    const QString path = m_dir->filePath(QStringLiteral("damaged.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile good(data("registry-good.csv"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    file.write(good.readLine()); // the header
    file.write(
        "\xD5\xC5\xFF\xFF,01,330102198003151236,,,310,working,active,330100,5000.00,0\n"); // 张, then bytes no encoding has
    file.close();
    const Run run = admin(as() + QStringList{QStringLiteral("import-registry"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Line 2: the bytes FF FF are neither UTF-8 nor GB18030 (GBK)")),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    const Run missing = admin(as() + QStringList{QStringLiteral("import-registry"), path + QStringLiteral(".nope")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("Cannot read")));
}

void TestAdminCli::checkFilingsDryRun()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const QStringList arguments{QStringLiteral("--db"), db(), QStringLiteral("check-filings"),
                                data("filings-zhejiang.csv")};
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QStringLiteral("Read filings-zhejiang.csv as UTF-8.\n"));
    const QStringList expected{
        R"({"row": 1, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})",
        R"({"row": 2, "verdict": "refused", "codes": ["TARGET_BOUND_ELSEWHERE"], "warnings": [], "filing_no": null})",
        R"({"row": 3, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})",
        R"({"row": 4, "verdict": "needs_confirmation", "codes": [], "warnings": ["AGE_IMPLAUSIBLE"], "filing_no": null})",
        R"({"row": 5, "verdict": "refused", "codes": ["AUTHORIZER_NOT_EMPLOYEE", "TARGET_BOUND_ELSEWHERE"], "warnings": [], "filing_no": null})",
        R"({"row": 6, "verdict": "refused", "codes": ["COMMITMENT_MISSING"], "warnings": [], "filing_no": null})",
    };
    QCOMPARE(lines(run.out), expected);
    // A dry run writes nothing: the same verdicts again.
    QCOMPARE(lines(admin(arguments).out), expected);
    // The file as Excel saves it on Chinese Windows (iconv -f utf-8 -t gbk, CRLF): the same verdicts.
    const Run gbk
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang-gbk.csv")});
    QCOMPARE(gbk.exitCode, 0);
    QCOMPARE(gbk.err, QStringLiteral("Read filings-zhejiang-gbk.csv as GB18030 (GBK).\n"));
    QCOMPARE(lines(gbk.out), expected);
}

void TestAdminCli::checkFilingsCommit()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin(as(QStringLiteral("tester"))
                          + QStringList{QStringLiteral("check-filings"), data("filings-zhejiang.csv"),
                                        QStringLiteral("--commit"), QStringLiteral("--accept-warnings")});
    QCOMPARE(run.exitCode, 0);
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 6);
    const QRegularExpression stored(QStringLiteral(R"re(^\{"row": (\d), "verdict": "accepted", "codes": \[\], )re"
                                                   R"re("warnings": \[(.*)\], "filing_no": "(GJ\d{8}-\d{4})"\}$)re"));
    QStringList numbers;
    for (int i : {0, 2, 3}) {
        const QRegularExpressionMatch match = stored.match(out.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(out.at(i)));
        numbers.append(match.captured(3));
    }
    QCOMPARE(stored.match(out.at(3)).captured(2), QStringLiteral("\"AGE_IMPLAUSIBLE\""));
    // Same authorizer and filed_on: one filing.
    QCOMPARE(numbers.at(1), numbers.at(0));
    QCOMPARE(numbers.at(2), numbers.at(0));
    for (int i : {1, 4, 5})
        QVERIFY2(out.at(i).endsWith(QStringLiteral("\"filing_no\": null}")), qPrintable(out.at(i)));

    // Now stored: the first row is refused as already bound.
    const Run after
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv")});
    QCOMPARE(lines(after.out).value(0),
             QStringLiteral(
                 R"({"row": 1, "verdict": "refused", "codes": ["ALREADY_BOUND"], "warnings": [], "filing_no": null})"));

    // The registry says 张伟 died: his three bindings end with the import.
    const QString deceased = m_dir->filePath(QStringLiteral("deceased.csv"));
    QFile file(deceased);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "name,id_type,id_number,sex,birth_date,insurance_type,employment,status,pooling_region,balance,public_medical\n"
        "张伟,01,330102198003151236,,,310,working,deceased,330100,5000.00,0\n");
    file.close();
    const Run import = admin(as() + QStringList{QStringLiteral("import-registry"), deceased});
    QCOMPARE(import.exitCode, 0);
    QCOMPARE(lines(import.out).value(0), QStringLiteral("0 added, 1 updated, 0 unchanged"));
    QVERIFY2(lines(import.out).value(1).startsWith(QStringLiteral("3 binding(s) ended automatically")),
             qPrintable(import.out));
}

void TestAdminCli::malformedFilings()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin(
        as(QStringLiteral("tester"))
        + QStringList{QStringLiteral("check-filings"), data("filings-malformed.csv"), QStringLiteral("--commit")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err).mid(1); // after "Read filings-malformed.csv as UTF-8."
    QVERIFY2(errors.value(0).startsWith(QStringLiteral("line 2: filed_on \"2025-06-31\"")), qPrintable(run.err));
    QVERIFY2(errors.value(1).startsWith(QStringLiteral("line 4: commitment must be yes or no")), qPrintable(run.err));
    // The good row 3 was not stored: a dry run still accepts it.
    const Run dry
        = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv")});
    QCOMPARE(lines(dry.out).value(2),
             QStringLiteral(R"({"row": 3, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})"));
}

// The optional valid_until column, and each finding that names the binding it disagrees with.
void TestAdminCli::checkFilingsRelationshipsAndPeriods()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-2026.csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QStringLiteral("Read filings-2026.csv as UTF-8.\n"));
    const QStringList expected{
        R"({"row": 1, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})",
        R"({"row": 2, "verdict": "refused", "codes": ["SPOUSE_ALREADY_BOUND"], "warnings": [], "filing_no": null, )"
        R"("conflicts": [{"code": "SPOUSE_ALREADY_BOUND", "filing_no": null, "row": 1, "authorizer": "张伟", "target": "李娜", )"
        R"("relationship": "spouse", "other_name": "李娜", "other_id_number": "330102********2461"}]})",
        R"({"row": 3, "verdict": "refused", "codes": ["RELATIONSHIP_CONFLICT"], "warnings": [], "filing_no": null, )"
        R"("conflicts": [{"code": "RELATIONSHIP_CONFLICT", "filing_no": null, "row": 1, "authorizer": "张伟", "target": "李娜", )"
        R"("relationship": "spouse", "other_name": "张伟", "other_id_number": "330102********1236"}]})",
        R"({"row": 4, "verdict": "refused", "codes": ["PERIOD_INVALID"], "warnings": [], "filing_no": null})",
        R"({"row": 5, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})",
    };
    QCOMPARE(lines(run.out), expected);

    // Stored, the conflict names the filing instead of the row.
    const Run commit
        = admin(as(QStringLiteral("tester"))
                + QStringList{QStringLiteral("check-filings"), QStringLiteral("--commit"), data("filings-2026.csv")});
    QCOMPARE(commit.exitCode, 0);
    const QString filingNumber = QRegularExpression(QStringLiteral(R"re("filing_no": "(GJ\d{8}-\d{4})")re"))
                                     .match(lines(commit.out).value(0))
                                     .captured(1);
    QVERIFY2(!filingNumber.isEmpty(), qPrintable(commit.out));
    const Run again = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-2026.csv")});
    QVERIFY2(lines(again.out).value(1).contains(QStringLiteral(R"("filing_no": "%1", "row": null)").arg(filingNumber)),
             qPrintable(again.out));

    // The period is in the household JSON.
    const Run household
        = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), QStringLiteral("01:330106195501013110")});
    QCOMPARE(household.exitCode, 0);
    const QJsonArray bindings = QJsonDocument::fromJson(household.out.toUtf8()).object().value("bindings").toArray();
    QCOMPARE(bindings.size(), 1);
    QCOMPARE(bindings.first().toObject().value("valid_until").toString(), QStringLiteral("2030-12-31"));
}

void TestAdminCli::malformedPeriodStopsTheFile()
{
    QVERIFY(withAccounts(db()));
    QCOMPARE(admin(as() + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin(
        as(QStringLiteral("tester"))
        + QStringList{QStringLiteral("check-filings"), QStringLiteral("--commit"), data("filings-bad-period.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err).mid(1); // after "Read filings-bad-period.csv as UTF-8."
    QVERIFY2(errors.value(0).startsWith(QStringLiteral("line 2: valid_until \"2030-02-30\" (column 10)")),
             qPrintable(run.err));
}

void TestAdminCli::wrongHeader()
{
    QVERIFY(withAccounts(db()));
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("registry-good.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains(QStringLiteral("Expected: authorizer_id_type,authorizer_id_number,")));
    QVERIFY(run.err.contains(QStringLiteral("Found:    name,id_type,id_number,")));

    const Run registry = admin(as() + QStringList{QStringLiteral("import-registry"), data("filings-zhejiang.csv")});
    QCOMPARE(registry.exitCode, 1);
    QVERIFY(registry.err.contains(QStringLiteral("Expected: name,id_type,")));
}

void TestAdminCli::garbageDatabaseIsRefusedAndUntouched_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("import-registry") << QStringList{"import-registry", data("registry-good.csv")};
    QTest::newRow("check-filings") << QStringList{"check-filings", data("filings-zhejiang.csv"), "--commit"};
    QTest::newRow("load-demo") << QStringList{"load-demo"};
    QTest::newRow("check-kinship") << QStringList{"check-kinship", data("kinship-zhejiang.csv"), "--commit"};
    QTest::newRow("household") << QStringList{"household", "01:330102198003151236"};
    QTest::newRow("revoke") << QStringList{
        "revoke", "--authorizer", "01:330102198003151236", "--target", "01:330102201005011354", "--reason", "x"};
    QTest::newRow("preview-payment") << QStringList{"preview-payment", "01:330102198003151236", "10"};
    QTest::newRow("rules import") << QStringList{"rules", "import", data("rules-jiangsu.json")};
}

void TestAdminCli::garbageDatabaseIsRefusedAndUntouched()
{
    QFETCH(QStringList, arguments);
    const QString path = m_dir->filePath(QStringLiteral("garbage.sqlite"));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 131 + 7) % 251));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(garbage);
    file.close();

    const Run run = admin(QStringList{QStringLiteral("--db"), path} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("garbage.sqlite")), qPrintable(run.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(garbage, QCryptographicHash::Sha256));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestAdminCli::loadDemo()
{
    // A fresh database: no sign-in, and the demo brings its accounts (README).
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Demo data loaded: ")), qPrintable(run.out + run.err));
    // Now it has accounts and persons: a second load needs a supervisor, and then changes nothing.
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("needs a supervisor's sign-in")), qPrintable(run.err));
    const QString demoAdmin = m_dir->filePath(QStringLiteral("demo-admin.txt"));
    QVERIFY(AdminCli::writePasswordFile(demoAdmin, "demo-admin-1"));
    run = admin(QStringList{QStringLiteral("--db"), db()} + AdminCli::signIn(demoAdmin, QStringLiteral("admin"))
                + QStringList{QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Nothing was changed")), qPrintable(run.out + run.err));
    // The demo clerk signs in with the README's password.
    const QString demoClerk = m_dir->filePath(QStringLiteral("demo-clerk.txt"));
    QVERIFY(AdminCli::writePasswordFile(demoClerk, "demo-clerk-1"));
    run = admin(
        QStringList{QStringLiteral("--db"), db()} + AdminCli::signIn(demoClerk, QStringLiteral("demo"))
        + QStringList{QStringLiteral("check-filings"), QStringLiteral("--commit"), data("filings-malformed.csv")});
    QCOMPARE(run.exitCode, 1); // signed in; the file is refused
    QVERIFY2(!run.err.contains(QStringLiteral("sign-in")), qPrintable(run.err));
    // Not into a registry that holds persons.
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    QVERIFY(withAccounts(other));
    const QStringList supervisor = QStringList{QStringLiteral("--db"), other} + AdminCli::signIn(passwordFile());
    QCOMPARE(admin(supervisor + QStringList{QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    run = admin(supervisor + QStringList{QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("already holds 8 persons")));
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
