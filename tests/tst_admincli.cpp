#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// gongji-admin as a user runs it: the built binary, sample files, exit codes and output.
class TestAdminCli : public QObject
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
    void notUtf8Registry();
    void checkFilingsDryRun();
    void checkFilingsCommit();
    void malformedFilings();
    void wrongHeader();
    void garbageDatabaseIsRefusedAndUntouched_data();
    void garbageDatabaseIsRefusedAndUntouched();
    void loadDemo();
    void household();
    void householdRefusals_data();
    void householdRefusals();
    void revoke();
    void revokeKinship();
    void checkKinshipDryRun();
    void checkKinshipCommit();
    void malformedKinship();
    void previewPayment_data();
    void previewPayment();
    void rulesRoundTrip();
    void rulesImportNewRegion();
    void rulesConflictImportsNothing();
    void rulesDryRun();
    void rulesBadFiles_data();
    void rulesBadFiles();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run admin(const QStringList &arguments);
    QString db() const { return m_dir->filePath(QStringLiteral("cli.sqlite")); }
    static QString data(const char *name) { return QStringLiteral(GONGJI_TEST_DATA "/") + QLatin1String(name); }
    static QStringList lines(const QString &text) { return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    // registry-good.csv, then the Zhejiang filings (warnings accepted) and kinship rows stored.
    void loadSamples();
    // `rules export` of the database at `database` ("" for db()) into a new file; its bytes.
    QByteArray exportRules(const QString &database = {}, const QString &region = {});
    static QByteArray readFile(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAdminCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TestAdminCli::Run TestAdminCli::admin(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The default database (shown in --help) then lies in the temporary directory, not $HOME.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(GONGJI_ADMIN_BIN), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestAdminCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage"); // expected first line

    const QString global = QStringLiteral("Usage: gongji-admin [--db PATH] COMMAND [ARGUMENTS]");
    const QString import = QStringLiteral("Usage: gongji-admin [--db PATH] import-registry FILE.csv");
    const QString check = QStringLiteral(
        "Usage: gongji-admin [--db PATH] check-filings [--commit] [--accept-warnings] [--clerk NAME] FILE.csv");
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
    QTest::newRow("help check-kinship") << QStringList{"help", "check-kinship"}
                                        << QStringLiteral("Usage: gongji-admin [--db PATH] check-kinship [--commit] [--clerk NAME] FILE.csv");
    QTest::newRow("household --help") << QStringList{"household", "--help"}
                                      << QStringLiteral("Usage: gongji-admin [--db PATH] household TYPE:NUMBER");
    QTest::newRow("help revoke") << QStringList{"help", "revoke"}
                                 << QStringLiteral("Usage: gongji-admin [--db PATH] revoke --authorizer TYPE:NUMBER --target "
                                                   "TYPE:NUMBER --reason TEXT [--requested-by authorizer|target] [--clerk NAME]");
    QTest::newRow("help revoke-kinship") << QStringList{"help", "revoke-kinship"}
                                         << QStringLiteral("Usage: gongji-admin [--db PATH] revoke-kinship --holder TYPE:NUMBER "
                                                           "--member TYPE:NUMBER --reason TEXT [--requested-by holder|member] [--clerk NAME]");
    QTest::newRow("preview-payment --help") << QStringList{"preview-payment", "--help"}
                                            << QStringLiteral("Usage: gongji-admin [--db PATH] preview-payment TYPE:NUMBER AMOUNT");
    QTest::newRow("help rules") << QStringList{"help", "rules"}
                                << QStringLiteral("Usage: gongji-admin [--db PATH] rules export [--region CODE] FILE.json | "
                                                  "import [--dry-run] FILE.json");
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
        for (const char *command : {"import-registry", "check-filings", "check-kinship", "household", "revoke ",
                                    "revoke-kinship", "preview-payment", "rules", "load-demo"})
            QVERIFY2(run.out.contains(QStringLiteral("\n  ") + QLatin1String(command)), command);
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
    QTest::newRow("help for unknown command") << QStringList{"help", "frobnicate"}
                                              << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("missing file") << QStringList{"import-registry"} << QStringLiteral("the registry file is missing");
    QTest::newRow("two files") << QStringList{"check-filings", "a.csv", "b.csv"}
                               << QStringLiteral("give exactly one filings file");
    QTest::newRow("unknown option") << QStringList{"check-filings", "--comit", "a.csv"}
                                    << QStringLiteral("Unknown option 'comit'");
    QTest::newRow("empty clerk") << QStringList{"check-filings", "--clerk", " ", "a.csv"}
                                 << QStringLiteral("--clerk needs a name");
    QTest::newRow("load-demo argument") << QStringList{"load-demo", "now"}
                                        << QStringLiteral("load-demo takes no arguments");
    QTest::newRow("household without person") << QStringList{"household"} << QStringLiteral("the person is missing");
    QTest::newRow("household without type") << QStringList{"household", "330102198003151236"}
                                            << QStringLiteral("the person \"330102198003151236\" is not TYPE:NUMBER");
    QTest::newRow("revoke without target") << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--reason", "x"}
                                           << QStringLiteral("--target is missing");
    QTest::newRow("revoke without reason")
        << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--target", "01:330102201005011354"}
        << QStringLiteral("--reason needs a text");
    QTest::newRow("revoke requested by holder")
        << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--target", "01:330102201005011354",
                       "--reason", "x", "--requested-by", "holder"}
        << QStringLiteral("--requested-by must be authorizer or target, found \"holder\"");
    QTest::newRow("revoke-kinship member without type")
        << QStringList{"revoke-kinship", "--holder", "01:330102198003151236", "--member", "330102201005011354:",
                       "--reason", "x"}
        << QStringLiteral("--member \"330102201005011354:\" is not TYPE:NUMBER");
    QTest::newRow("revoke-kinship requested by target")
        << QStringList{"revoke-kinship", "--holder", "01:330102198003151236", "--member", "01:330102201005011354",
                       "--reason", "x", "--requested-by", "target"}
        << QStringLiteral("--requested-by must be holder or member");
    QTest::newRow("check-kinship without file") << QStringList{"check-kinship", "--commit"}
                                                << QStringLiteral("the kinship file is missing");
    QTest::newRow("preview-payment without amount") << QStringList{"preview-payment", "01:330102198003151236"}
                                                    << QStringLiteral("found 1 argument(s)");
    QTest::newRow("preview-payment three decimals") << QStringList{"preview-payment", "01:330102198003151236", "12.345"}
                                                    << QStringLiteral("the amount \"12.345\" is not an amount in yuan");
    QTest::newRow("preview-payment negative") << QStringList{"preview-payment", "01:330102198003151236", "-5"}
                                              << QStringLiteral("Unknown option '5'");
    QTest::newRow("rules without action") << QStringList{"rules"} << QStringLiteral("say what to do: rules export");
    QTest::newRow("rules unknown action") << QStringList{"rules", "show", "a.json"}
                                          << QStringLiteral("unknown rules action \"show\"");
    QTest::newRow("rules export without file") << QStringList{"rules", "export"}
                                               << QStringLiteral("rules export needs exactly one file, found 0");
    QTest::newRow("rules import with region") << QStringList{"rules", "import", "a.json", "--region", "330000"}
                                              << QStringLiteral("--region is for export");
    QTest::newRow("rules export dry run") << QStringList{"rules", "export", "--dry-run", "a.json"}
                                          << QStringLiteral("--dry-run is for import");
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
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("8 added, 0 updated, 0 unchanged\n"));
    QVERIFY(run.err.isEmpty());
    // --db after the command works too.
    run = admin({QStringLiteral("import-registry"), data("registry-update.csv"), QStringLiteral("--db"), db()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("1 added, 1 updated, 1 unchanged\n"));
}

void TestAdminCli::badRegistryStoresNothing()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-bad.csv")});
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
    const Run again = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")});
    QCOMPARE(again.out, QStringLiteral("0 added, 0 updated, 8 unchanged\n"));
}

void TestAdminCli::notUtf8Registry()
{
    const QString path = m_dir->filePath(QStringLiteral("gbk.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile good(data("registry-good.csv"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    file.write(good.readLine()); // the header
    file.write("\xD5\xC5\xCE\xB0,01,330102198003151236,,,310,working,active,330100,5000.00,0\n"); // 张伟 in GBK
    file.close();
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Line 2: the file is not UTF-8; save it as UTF-8 CSV")), qPrintable(run.err));

    const Run missing = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), path + QStringLiteral(".nope")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("Cannot read")));
}

void TestAdminCli::checkFilingsDryRun()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const QStringList arguments{QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv")};
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
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
}

void TestAdminCli::checkFilingsCommit()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv"),
                           QStringLiteral("--commit"), QStringLiteral("--accept-warnings"), QStringLiteral("--clerk"),
                           QStringLiteral("王五")});
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
    const Run after = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv")});
    QCOMPARE(lines(after.out).value(0),
             QStringLiteral(R"({"row": 1, "verdict": "refused", "codes": ["ALREADY_BOUND"], "warnings": [], "filing_no": null})"));

    // The registry says 张伟 died: his three bindings end with the import.
    const QString deceased = m_dir->filePath(QStringLiteral("deceased.csv"));
    QFile file(deceased);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,id_type,id_number,sex,birth_date,insurance_type,employment,status,pooling_region,balance,public_medical\n"
               "张伟,01,330102198003151236,,,310,working,deceased,330100,5000.00,0\n");
    file.close();
    const Run import = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), deceased});
    QCOMPARE(import.exitCode, 0);
    QCOMPARE(lines(import.out).value(0), QStringLiteral("0 added, 1 updated, 0 unchanged"));
    QVERIFY2(lines(import.out).value(1).startsWith(QStringLiteral("3 binding(s) ended automatically")),
             qPrintable(import.out));
}

void TestAdminCli::malformedFilings()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-malformed.csv"),
                           QStringLiteral("--commit")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err);
    QVERIFY2(errors.value(0).startsWith(QStringLiteral("line 2: filed_on \"2025-06-31\"")), qPrintable(run.err));
    QVERIFY2(errors.value(1).startsWith(QStringLiteral("line 4: commitment must be yes or no")), qPrintable(run.err));
    // The good row 3 was not stored: a dry run still accepts it.
    const Run dry = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv")});
    QCOMPARE(lines(dry.out).value(2),
             QStringLiteral(R"({"row": 3, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null})"));
}

void TestAdminCli::wrongHeader()
{
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("registry-good.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains(QStringLiteral("Expected: authorizer_id_type,authorizer_id_number,")));
    QVERIFY(run.err.contains(QStringLiteral("Found:    name,id_type,id_number,")));

    const Run registry = admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("filings-zhejiang.csv")});
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
    QTest::newRow("revoke") << QStringList{"revoke", "--authorizer", "01:330102198003151236", "--target",
                                           "01:330102201005011354", "--reason", "x"};
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
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Demo data loaded: ")), qPrintable(run.out + run.err));
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Nothing was changed")));
    // Not into a registry that holds persons.
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    QCOMPARE(admin({QStringLiteral("--db"), other, QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    run = admin({QStringLiteral("--db"), other, QStringLiteral("load-demo")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("already holds 8 persons")));
}

void TestAdminCli::loadSamples()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("check-filings"), data("filings-zhejiang.csv"),
                    QStringLiteral("--commit"), QStringLiteral("--accept-warnings")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv"),
                    QStringLiteral("--commit")}).exitCode, 0);
}

namespace {
const QString zhangWei = QStringLiteral("01:330102198003151236");     // 张伟, employee, 5000.00
const QString liNa = QStringLiteral("01:330102198207202461");         // 李娜, employee
const QString zhangXiaoming = QStringLiteral("01:330102201005011354"); // 张小明, resident
const QString wangFang = QStringLiteral("01:330102197509102226");     // 王芳, retired employee, 800.00
const QString zhangJianguo = QStringLiteral("01:330106195501013110"); // 张建国, resident

// "kind/direction/status" of every binding in a household JSON, sorted.
QStringList bindingKeys(const QJsonObject &household)
{
    QStringList keys;
    for (const QJsonValue &b : household.value(QStringLiteral("bindings")).toArray())
        keys << b[QStringLiteral("kind")].toString() + QLatin1Char('/') + b[QStringLiteral("direction")].toString()
                + QLatin1Char('/') + b[QStringLiteral("status")].toString();
    keys.sort();
    return keys;
}
} // namespace

void TestAdminCli::household()
{
    loadSamples();
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"), zhangWei,
                    QStringLiteral("--target"), zhangJianguo, QStringLiteral("--reason"), QStringLiteral("迁居外省"),
                    QStringLiteral("--requested-by"), QStringLiteral("target"), QStringLiteral("--clerk"),
                    QStringLiteral("王五")}).exitCode, 0);

    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QJsonParseError error;
    const QJsonObject household = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject person = household.value(QStringLiteral("person")).toObject();
    QCOMPARE(person.value(QStringLiteral("name")).toString(), QStringLiteral("张伟"));
    QCOMPARE(person.value(QStringLiteral("id_number")).toString(), QStringLiteral("330102********1236"));
    QCOMPARE(person.value(QStringLiteral("balance")).toString(), QStringLiteral("5000.00"));
    QCOMPARE(bindingKeys(household), (QStringList{"kinship/holds/active", "kinship/holds/active",
                                                  "mutual_aid/authorizes/active", "mutual_aid/authorizes/active",
                                                  "mutual_aid/authorizes/ended"}));
    for (const QJsonValue &b : household.value(QStringLiteral("bindings")).toArray()) {
        QVERIFY(!b[QStringLiteral("started_at")].toString().isEmpty());
        if (b[QStringLiteral("status")].toString() == QLatin1String("active")) {
            QVERIFY(b[QStringLiteral("ended_at")].isNull());
            continue;
        }
        QCOMPARE(b[QStringLiteral("other")][QStringLiteral("name")].toString(), QStringLiteral("张建国"));
        QCOMPARE(b[QStringLiteral("relationship")].toString(), QStringLiteral("parent"));
        QVERIFY(!b[QStringLiteral("ended_at")].toString().isEmpty());
        QCOMPARE(b[QStringLiteral("ended_by")].toString(), QStringLiteral("王五"));
        QCOMPARE(b[QStringLiteral("end_requested_by")].toString(), QStringLiteral("target"));
        QCOMPARE(b[QStringLiteral("end_reason")].toString(), QStringLiteral("迁居外省"));
    }
    // Masked everywhere: no full ID number in the output.
    QVERIFY(!QRegularExpression(QStringLiteral("\\d{18}")).match(run.out).hasMatch());

    // Seen from the child: one authorizer and two holders.
    const Run child = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangXiaoming});
    QCOMPARE(child.exitCode, 0);
    QCOMPARE(bindingKeys(QJsonDocument::fromJson(child.out.toUtf8()).object()),
             (QStringList{"kinship/held_by/active", "kinship/held_by/active", "mutual_aid/authorized_by/active"}));
}

void TestAdminCli::householdRefusals_data()
{
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong check character") << QStringLiteral("01:330102198003151237")
                                           << QStringLiteral("The check character should be 6, not 7");
    QTest::newRow("too short") << QStringLiteral("01:33010219800315123") << QStringLiteral("(ID_FORMAT_INVALID)");
    QTest::newRow("unknown type") << QStringLiteral("99:AB123456") << QStringLiteral("(ID_TYPE_NOT_ACCEPTED)");
    QTest::newRow("not in the registry") << QStringLiteral("01:11010519491231002X")
                                         << QStringLiteral("(PERSON_NOT_FOUND). Check the number on the document");
}

void TestAdminCli::householdRefusals()
{
    QFETCH(QString, person);
    QFETCH(QString, message);
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), person});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QStringLiteral("The person ") + person + QStringLiteral(": ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestAdminCli::revoke()
{
    loadSamples();
    const QStringList revokeParent{QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"),
                                   zhangWei, QStringLiteral("--target"), zhangJianguo, QStringLiteral("--reason"),
                                   QStringLiteral(" 迁居外省 "), QStringLiteral("--requested-by"), QStringLiteral("target"),
                                   QStringLiteral("--clerk"), QStringLiteral("王五")};
    const Run run = admin(revokeParent);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 4);
    QVERIFY2(QRegularExpression(QStringLiteral("^Ended the mutual-aid binding \\(共济\\) \\d+ of filing GJ\\d{8}-\\d{4}:$"))
                 .match(out.at(0)).hasMatch(), qPrintable(out.at(0)));
    QCOMPARE(out.at(1), QStringLiteral("  authorizer: 张伟 (01 330102********1236)"));
    QCOMPARE(out.at(2), QStringLiteral("  target:     张建国 (01 330106********3110), parent"));
    QCOMPARE(out.at(3), QStringLiteral("  requested by target, reason: 迁居外省, clerk: 王五"));

    // Ended already: refused, and says when it ended.
    const Run again = admin(revokeParent);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.startsWith(QStringLiteral("There is no active mutual-aid binding in which 张伟 (01 330102********1236) "
                                                 "authorizes 张建国 (01 330106********3110); nothing was changed.")),
             qPrintable(again.err));
    QVERIFY2(again.err.contains(QStringLiteral("Their last mutual-aid binding ended at ")), qPrintable(again.err));

    // The pair the wrong way round: the message names the mix-ups.
    const Run swapped = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"),
                               zhangXiaoming, QStringLiteral("--target"), zhangWei, QStringLiteral("--reason"),
                               QStringLiteral("x")});
    QCOMPARE(swapped.exitCode, 1);
    QVERIFY2(swapped.err.contains(QStringLiteral("swap --authorizer and --target")), qPrintable(swapped.err));
    QVERIFY2(swapped.err.contains(QStringLiteral("end that with revoke-kinship")), qPrintable(swapped.err));

    // Someone not in the registry: nothing changes, and the other bindings stay active.
    const Run unknown = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke"), QStringLiteral("--authorizer"),
                               zhangWei, QStringLiteral("--target"), QStringLiteral("01:11010519491231002X"),
                               QStringLiteral("--reason"), QStringLiteral("x")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("The target 01:11010519491231002X: no person")), qPrintable(unknown.err));
    QVERIFY(unknown.err.contains(QStringLiteral("Nothing was changed.")));
    const Run household = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei});
    QCOMPARE(bindingKeys(QJsonDocument::fromJson(household.out.toUtf8()).object())
                 .filter(QStringLiteral("mutual_aid/authorizes/active")).size(), 2);
}

void TestAdminCli::revokeKinship()
{
    loadSamples();
    const QStringList revokeLiNa{QStringLiteral("--db"), db(), QStringLiteral("revoke-kinship"), QStringLiteral("--holder"),
                                 liNa, QStringLiteral("--member"), zhangXiaoming, QStringLiteral("--reason"),
                                 QStringLiteral("不再代办"), QStringLiteral("--requested-by"), QStringLiteral("member")};
    const Run run = admin(revokeLiNa);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 4);
    QVERIFY2(QRegularExpression(QStringLiteral("^Ended the kinship-account binding \\(亲情账户\\) QQ\\d{8}-\\d{4}:$"))
                 .match(out.at(0)).hasMatch(), qPrintable(out.at(0)));
    QCOMPARE(out.at(1), QStringLiteral("  holder: 李娜 (01 330102********2461)"));
    QCOMPARE(out.at(2), QStringLiteral("  member: 张小明 (01 330102********1354), child"));
    QVERIFY2(out.at(3).startsWith(QStringLiteral("  requested by member, reason: 不再代办, clerk: gongji-admin")),
             qPrintable(out.at(3)));

    const Run again = admin(revokeLiNa);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("There is no active kinship-account binding in which 李娜")), qPrintable(again.err));

    // 张伟 authorizes 王芳 (mutual aid) but holds no kinship account for her.
    const Run mixed = admin({QStringLiteral("--db"), db(), QStringLiteral("revoke-kinship"), QStringLiteral("--holder"),
                             zhangWei, QStringLiteral("--member"), wangFang, QStringLiteral("--reason"), QStringLiteral("x")});
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(mixed.err.contains(QStringLiteral("They share a mutual-aid binding (共济): end that with revoke.")),
             qPrintable(mixed.err));

    // The child keeps 张伟's kinship account; 李娜's is ended.
    const Run child = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangXiaoming});
    QCOMPARE(bindingKeys(QJsonDocument::fromJson(child.out.toUtf8()).object()),
             (QStringList{"kinship/held_by/active", "kinship/held_by/ended", "mutual_aid/authorized_by/active"}));
}

void TestAdminCli::checkKinshipDryRun()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const QStringList arguments{QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv")};
    const Run run = admin(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList expected{
        R"({"row": 1, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 2, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 3, "verdict": "refused", "codes": ["ALREADY_BOUND"], "binding_no": null})",
        R"({"row": 4, "verdict": "refused", "codes": ["FACE_VERIFICATION_REQUIRED"], "binding_no": null})",
        R"({"row": 5, "verdict": "refused", "codes": ["NAME_MISMATCH"], "binding_no": null})",
        R"({"row": 6, "verdict": "refused", "codes": ["SELF_BINDING"], "binding_no": null})",
        R"({"row": 7, "verdict": "accepted", "codes": [], "binding_no": null})",
        R"({"row": 8, "verdict": "refused", "codes": ["ID_CHECKSUM_INVALID"], "binding_no": null})",
    };
    QCOMPARE(lines(run.out), expected);
    QCOMPARE(lines(admin(arguments).out), expected); // a dry run wrote nothing
}

void TestAdminCli::checkKinshipCommit()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv"),
                           QStringLiteral("--commit"), QStringLiteral("--clerk"), QStringLiteral("王五")});
    QCOMPARE(run.exitCode, 0);
    const QStringList out = lines(run.out);
    QCOMPARE(out.size(), 8);
    const QRegularExpression stored(QStringLiteral(
        R"re(^\{"row": (\d), "verdict": "accepted", "codes": \[\], "binding_no": "(QQ\d{8}-\d{4})"\}$)re"));
    QSet<QString> numbers;
    for (int i : {0, 1, 6}) {
        const QRegularExpressionMatch match = stored.match(out.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(out.at(i)));
        numbers.insert(match.captured(2));
    }
    QCOMPARE(numbers.size(), 3); // one binding per row
    for (int i : {2, 3, 4, 5, 7})
        QVERIFY2(out.at(i).endsWith(QStringLiteral("\"binding_no\": null}")), qPrintable(out.at(i)));

    // Stored now: the accepted rows are refused as already bound.
    const QStringList after = lines(admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"),
                                           data("kinship-zhejiang.csv")}).out);
    for (int i : {0, 1, 6})
        QCOMPARE(after.value(i), QStringLiteral(R"({"row": %1, "verdict": "refused", "codes": ["ALREADY_BOUND"], "binding_no": null})")
                                     .arg(i + 1));
}

void TestAdminCli::malformedKinship()
{
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("import-registry"), data("registry-good.csv")}).exitCode, 0);
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-malformed.csv"),
                           QStringLiteral("--commit")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err);
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0), QStringLiteral("line 2: household_register_seen must be yes or no, found \"done\"."));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("line 4: unknown relationship \"father\"; use one of spouse, ")),
             qPrintable(errors.at(1)));
    QCOMPARE(errors.at(2), QStringLiteral("Nothing was checked or stored. Correct the file and run it again."));
    // The good row 3 (李娜 holds 张小明) was not stored: a dry run still accepts it.
    const Run dry = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("kinship-zhejiang.csv")});
    QCOMPARE(lines(dry.out).value(1), QStringLiteral(R"({"row": 2, "verdict": "accepted", "codes": [], "binding_no": null})"));

    const Run header = admin({QStringLiteral("--db"), db(), QStringLiteral("check-kinship"), data("filings-zhejiang.csv")});
    QCOMPARE(header.exitCode, 1);
    QVERIFY(header.err.contains(QStringLiteral("Expected: holder_id_type,holder_id_number,")));
    QVERIFY(header.err.contains(QStringLiteral("Found:    authorizer_id_type,")));
}

void TestAdminCli::previewPayment_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("own account is enough") << zhangWei << QStringLiteral("100") << QStringList{
        R"({"payer": "own_account", "name": "张伟", "id_number": "330102********1236", "amount": "100.00"})",
        R"({"payer": "cash", "name": null, "id_number": null, "amount": "0.00"})"};
    QTest::newRow("resident: authorizer, then cash") << zhangXiaoming << QStringLiteral("6000") << QStringList{
        R"({"payer": "authorizer", "name": "张伟", "id_number": "330102********1236", "amount": "5000.00"})",
        R"({"payer": "cash", "name": null, "id_number": null, "amount": "1000.00"})"};
    QTest::newRow("own account first, then authorizer") << wangFang << QStringLiteral("1000.5") << QStringList{
        R"({"payer": "own_account", "name": "王芳", "id_number": "330102********2226", "amount": "800.00"})",
        R"({"payer": "authorizer", "name": "张伟", "id_number": "330102********1236", "amount": "200.50"})",
        R"({"payer": "cash", "name": null, "id_number": null, "amount": "0.00"})"};
}

void TestAdminCli::previewPayment()
{
    QFETCH(QString, target);
    QFETCH(QString, amount);
    QFETCH(QStringList, expected);
    loadSamples();
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("preview-payment"), target, amount});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(lines(run.out), expected);

    const Run unknown = admin({QStringLiteral("--db"), db(), QStringLiteral("preview-payment"),
                               QStringLiteral("01:11010519491231002X"), amount});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY2(unknown.err.contains(QStringLiteral("(PERSON_NOT_FOUND)")), qPrintable(unknown.err));
}

QByteArray TestAdminCli::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestAdminCli::exportRules(const QString &database, const QString &region)
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
    return readFile(path);
}

void TestAdminCli::rulesRoundTrip()
{
    // Export → import into a fresh database → export gives the same bytes. A fresh database holds
    // the shipped defaults, so every set of the file is identical and nothing changes.
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("export"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ rule set\\(s\\) written to .*rules\\.json\\.\\n$")).match(run.out).hasMatch(),
             qPrintable(run.out));
    const QByteArray exported = readFile(path);
    const qsizetype sets = QJsonDocument::fromJson(exported).array().size();
    QVERIFY(sets >= 5); // the shipped defaults

    const QString fresh = m_dir->filePath(QStringLiteral("fresh.sqlite"));
    run = admin({QStringLiteral("--db"), fresh, QStringLiteral("rules"), QStringLiteral("import"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("0 added, %1 identical (unchanged)\n").arg(sets));
    QCOMPARE(exportRules(fresh), exported);

    // "-" writes to stdout, the same bytes.
    run = admin({QStringLiteral("--db"), fresh, QStringLiteral("rules"), QStringLiteral("export"), QStringLiteral("-")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.toUtf8(), exported);
}

void TestAdminCli::rulesImportNewRegion()
{
    const QByteArray before = exportRules();
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), data("rules-jiangsu.json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("1 added, 0 identical (unchanged)\n"));

    // Exported again with every parameter as in the file.
    const QByteArray jiangsu = exportRules({}, QStringLiteral("320000"));
    QCOMPARE(QJsonDocument::fromJson(jiangsu), QJsonDocument::fromJson(readFile(data("rules-jiangsu.json"))));
    const QByteArray after = exportRules();
    QCOMPARE(QJsonDocument::fromJson(after).array().size(), QJsonDocument::fromJson(before).array().size() + 1);

    // A second import of the same file changes nothing.
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), data("rules-jiangsu.json")});
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
    QCOMPARE(admin({QStringLiteral("--db"), other, QStringLiteral("rules"), QStringLiteral("import"), path}).exitCode, 0);
    QCOMPARE(exportRules(other, QStringLiteral("320000")), jiangsu);

    // A region with no set: said, and no file written.
    const QString none = m_dir->filePath(QStringLiteral("none.json"));
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("export"), QStringLiteral("--region"),
                 QStringLiteral("650000"), none});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("No rule set of region 650000 is stored; nothing was written.")), qPrintable(run.err));
    QVERIFY(!QFile::exists(none));
}

void TestAdminCli::rulesConflictImportsNothing()
{
    // Set 1 (江苏) is fine; set 2 overlaps the stored 浙江 set: neither is imported.
    const QByteArray before = exportRules();
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), data("rules-conflict.json")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList errors = lines(run.err);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("Rule set 2")), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(0).contains(QStringLiteral("overlaps the stored rule set 330000")), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("Nothing was imported: 1 problem(s).")), qPrintable(errors.at(1)));
    QCOMPARE(exportRules(), before);

    const Run dry = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), QStringLiteral("--dry-run"),
                           data("rules-conflict.json")});
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.err.contains(QStringLiteral("overlaps the stored rule set 330000")), qPrintable(dry.err));
    QVERIFY2(dry.err.contains(QStringLiteral("Dry run: the import would be refused: 1 problem(s).")), qPrintable(dry.err));
}

void TestAdminCli::rulesDryRun()
{
    // A 杭州 set allowing spouses only would refuse the three child/parent bindings of 张伟.
    loadSamples();
    const QByteArray before = exportRules();
    const QStringList arguments{QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"),
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
    const Run import = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), data("rules-hangzhou.json")});
    QCOMPARE(import.out, QStringLiteral("1 added, 0 identical (unchanged)\n"));
    const Run household = admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei});
    QCOMPARE(bindingKeys(QJsonDocument::fromJson(household.out.toUtf8()).object())
                 .filter(QStringLiteral("mutual_aid/authorizes/active")).size(), 3);
}

void TestAdminCli::rulesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("Cannot read ");
    QTest::newRow("not JSON") << QByteArray("region,effective_from\n330000,2024-01-01\n")
                              << QStringLiteral("The file is not valid JSON");
    QTest::newRow("not an array") << QByteArray(R"({"region": "330000"})") << QStringLiteral("JSON array of rule sets");
    QByteArray badRegion = readFile(data("rules-jiangsu.json"));
    badRegion.replace("\"320000\"", "\"32\"");
    QTest::newRow("region of 2 digits") << badRegion << QStringLiteral("Rule set 1: ");
}

void TestAdminCli::rulesBadFiles()
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
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("rules"), QStringLiteral("import"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported")), qPrintable(run.err));
    QCOMPARE(exportRules(), before);
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
