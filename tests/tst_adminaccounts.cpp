// gongji-admin accounts and sign-in, run as a user runs them: init makes the first
// supervisor once; add-clerk and the account commands need a supervisor; every command that
// changes data refuses without a valid sign-in (exit code 4), changes nothing, never shows the
// password; five wrong passwords lock the login.
#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

#include "AdminCliTest.h"
#include "TestDatabase.h"
#include "model/storage/AuditLog.h"

// The tests on SQLite files made through the CLI skip under GONGJI_TEST_POSTGRES, where only
// signInOnTheDatabaseInUse runs (against the server): they would repeat the SQLite run.
#define SQLITE_FILES_ONLY() \
    if (TestDatabase::usesServer()) \
        QSKIP("runs on SQLite files; signInOnTheDatabaseInUse covers the server");

namespace {
const QString zhangWei = QStringLiteral("01:330102198003151236"); // 张伟
const QString liNa = QStringLiteral("01:330102198207202461"); // 李娜
const QString zhangXiaoming = QStringLiteral("01:330102201005011354"); // 张小明
const QString zhangJianguo = QStringLiteral("01:330106195501013110"); // 张建国
const QString wrongPassword = QStringLiteral("wrong-password-9");
} // namespace

class TestAdminAccounts : public AdminCliTest
{
    Q_OBJECT
public:
    TestAdminAccounts() : AdminCliTest(QStringLiteral("accounts.sqlite")) {}

private slots:
    void initTestCase();
    void init();

    void initCreatesTheFirstSupervisorOnce();
    void initRefusals_data();
    void initRefusals();
    void addClerkBySupervisor();
    void addClerkByClerkChangesNothing();
    void withoutValidSignInNothingChanges_data();
    void withoutValidSignInNothingChanges();
    void readOnlyCommandsNeedNoSignIn_data();
    void readOnlyCommandsNeedNoSignIn();
    void fiveWrongPasswordsLockTheLogin();
    void passwordFileProblems_data();
    void passwordFileProblems();
    void accountCommands();
    void restoreOfADamagedDatabaseAsksTheBackup();
    void signInOnTheDatabaseInUse();

private:
    QString passwordFile() const override { return m_shared.filePath(QStringLiteral("password.txt")); }
    QString wrongPasswordFile() const { return m_shared.filePath(QStringLiteral("wrong.txt")); }
    QStringList as(const QString &login, const QString &file = {}) const
    {
        return QStringList{QStringLiteral("--db"), db()}
        + AdminCli::signIn(file.isEmpty() ? passwordFile() : file, login);
    }
    // The samples' database (accounts supervisor and tester, registry, filings, kinship) as db().
    void copyTemplate();
    // What a refused command must leave as it was: every table, the accounts without their
    // sign-in bookkeeping (failed attempts, lock), the audit log without its sign-in entries
    // (counted apart: every attempt is audited).
    static QByteArray contentHash(const QString &path);
    static int auditCount(const QString &path, const QString &action);
    static void verifyNoPassword(const Run &run);

    QTemporaryDir m_shared; // the template database, password files, a backup
    QString m_template;
    QString m_backup;
};

void TestAdminAccounts::initTestCase()
{
    QVERIFY(m_shared.isValid());
    QVERIFY(AdminCli::writePasswordFile(passwordFile()));
    QVERIFY(AdminCli::writePasswordFile(wrongPasswordFile(), wrongPassword.toUtf8()));
    if (TestDatabase::usesServer())
        return;
    m_template = m_shared.filePath(QStringLiteral("template.sqlite"));
    const AdminCli setup(m_shared.filePath(QStringLiteral("xdg")));
    QVERIFY(setup.initAccounts(m_template, passwordFile()));
    QVERIFY(setup.loadSamples(m_template, passwordFile()));
    // A backup needs no sign-in: it changes nothing.
    m_backup = m_shared.filePath(QStringLiteral("backup.sqlite"));
    const Run backup = setup.run({QStringLiteral("--db"), m_template, QStringLiteral("backup"), m_backup});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
    QVERIFY(!QFile::exists(m_template + QStringLiteral("-wal"))
            || QFile(m_template + QStringLiteral("-wal")).size() == 0);
}

void TestAdminAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAdminAccounts::copyTemplate()
{
    QVERIFY(QFile::copy(m_template, db()));
    QFile::setPermissions(db(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QByteArray TestAdminAccounts::contentHash(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString connection = QStringLiteral("content");
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(path);
        if (!database.open())
            return {};
        QStringList tables;
        QSqlQuery list(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"), database);
        while (list.next())
            tables << list.value(0).toString();
        for (const QString &table : tables) {
            QString sql = QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table);
            if (table == QLatin1String("clerk"))
                sql = QStringLiteral(
                    "SELECT id, login, display_name, role, password_hash, active FROM clerk ORDER BY id");
            else if (table == QLatin1String("audit_log"))
                sql = QStringLiteral(
                    "SELECT * FROM audit_log WHERE action NOT IN ('sign_in', 'sign_in_failed') ORDER BY id");
            QSqlQuery rows(sql, database);
            hash.addData(table.toUtf8());
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i)
                    hash.addData(QByteArray(rows.value(i).toString().toUtf8() + "\x1f"));
                hash.addData("\x1e");
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return hash.result();
}

int TestAdminAccounts::auditCount(const QString &path, const QString &action)
{
    int count = -1;
    const QString connection = QStringLiteral("audit");
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(path);
        if (database.open()) {
            QSqlQuery query(database);
            query.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"));
            query.addBindValue(action);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}

void TestAdminAccounts::verifyNoPassword(const Run &run)
{
    for (const QString &secret : {QString::fromLatin1(AdminCli::password), wrongPassword}) {
        QVERIFY2(!run.out.contains(secret), qPrintable(run.out));
        QVERIFY2(!run.err.contains(secret), qPrintable(run.err));
    }
}

void TestAdminAccounts::initCreatesTheFirstSupervisorOnce()
{
    SQLITE_FILES_ONLY();
    Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("--password-file"), passwordFile(),
                     QStringLiteral("init"), QStringLiteral("--supervisor"), QStringLiteral("boss"),
                     QStringLiteral("--name"), QStringLiteral("王主管")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Supervisor boss created.")), qPrintable(run.out + run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    verifyNoPassword(run);
    QCOMPARE(auditCount(db(), QStringLiteral("account_add")), 1);

    // The supervisor signs in and sees the account.
    run = admin(as(QStringLiteral("boss")) + QStringList{QStringLiteral("clerks")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out), QStringList{QStringLiteral("boss\tsupervisor\tactive\t王主管")});

    // A second init is refused, before any password is read, and changes nothing.
    const QByteArray before = contentHash(db());
    run = admin({QStringLiteral("--db"), db(), QStringLiteral("init"), QStringLiteral("--supervisor"),
                 QStringLiteral("other")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("has a supervisor already")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("add-clerk")), qPrintable(run.err));
    QCOMPARE(contentHash(db()), before);
}

void TestAdminAccounts::initRefusals_data()
{
    QTest::addColumn<QStringList>("arguments"); // after --db
    QTest::addColumn<QString>("message");
    QTest::newRow("login with capitals") << QStringList{"--password-file", "PASSWORD", "init", "--supervisor", "Boss"}
                                         << QStringLiteral("A login is 2 to 32 lower-case letters");
    QTest::newRow("short password") << QStringList{"--password-file", "SHORT", "init", "--supervisor", "boss"}
                                    << QStringLiteral("at least 8 characters");
    QTest::newRow("no password file, no terminal")
        << QStringList{"init", "--supervisor", "boss"}
        << QStringLiteral("There is no terminal to ask for the password on; give it "
                          "with --password-file FILE");
    QTest::newRow("missing password file") << QStringList{"--password-file", "MISSING", "init", "--supervisor", "boss"}
                                           << QStringLiteral("does not exist");
}

void TestAdminAccounts::initRefusals()
{
    SQLITE_FILES_ONLY();
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString shortFile = m_dir->filePath(QStringLiteral("short.txt"));
    QVERIFY(AdminCli::writePasswordFile(shortFile, "abc"));
    arguments.replaceInStrings(QStringLiteral("PASSWORD"), passwordFile());
    arguments.replaceInStrings(QStringLiteral("SHORT"), shortFile);
    arguments.replaceInStrings(QStringLiteral("MISSING"), m_dir->filePath(QStringLiteral("nope.txt")));
    const Run run = admin(QStringList{QStringLiteral("--db"), db()} + arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    verifyNoPassword(run);
    QCOMPARE(auditCount(db(), QStringLiteral("account_add")), 0); // no account was made
}

void TestAdminAccounts::addClerkBySupervisor()
{
    SQLITE_FILES_ONLY();
    copyTemplate();
    const QString newPassword = m_dir->filePath(QStringLiteral("new.txt"));
    QVERIFY(AdminCli::writePasswordFile(newPassword, "clerk-wang-123"));
    Run run = admin(as(QStringLiteral("supervisor"))
                    + QStringList{QStringLiteral("add-clerk"), QStringLiteral("wang"), QStringLiteral("--name"),
                                  QStringLiteral("王小二"), QStringLiteral("--new-password-file"), newPassword});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("Added clerk wang.\n"));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    verifyNoPassword(run);
    QVERIFY(!run.out.contains(QStringLiteral("clerk-wang-123")));

    // wang signs in as a clerk: a clerk's command runs (the file is refused, not the sign-in) ...
    run = admin(as(QStringLiteral("wang"), newPassword)
                + QStringList{QStringLiteral("check-filings"), QStringLiteral("--commit"),
                              AdminCli::data("filings-malformed.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("\nline 2:")), qPrintable(run.err));
    // ... a supervisor's does not.
    run = admin(as(QStringLiteral("wang"), newPassword) + QStringList{QStringLiteral("clerks")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("Only a supervisor may do this")), qPrintable(run.err));

    // The same login twice: refused.
    run = admin(as(QStringLiteral("supervisor"))
                + QStringList{QStringLiteral("add-clerk"), QStringLiteral("wang"),
                              QStringLiteral("--new-password-file"), newPassword});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("exists already")), qPrintable(run.err));

    // A second supervisor.
    run = admin(as(QStringLiteral("supervisor"))
                + QStringList{QStringLiteral("add-clerk"), QStringLiteral("zhao"), QStringLiteral("--role"),
                              QStringLiteral("supervisor"), QStringLiteral("--new-password-file"), newPassword});
    QCOMPARE(run.exitCode, 0);
    run = admin(as(QStringLiteral("zhao"), newPassword) + QStringList{QStringLiteral("clerks")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out).size(), 4);
}

void TestAdminAccounts::addClerkByClerkChangesNothing()
{
    SQLITE_FILES_ONLY();
    copyTemplate();
    const QByteArray before = contentHash(db());
    const Run run = admin(as(QStringLiteral("tester"))
                          + QStringList{QStringLiteral("add-clerk"), QStringLiteral("li"),
                                        QStringLiteral("--new-password-file"), passwordFile()});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("Only a supervisor may do this; tester is a clerk.")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed.")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    verifyNoPassword(run);
    QCOMPARE(contentHash(db()), before);
}

void TestAdminAccounts::withoutValidSignInNothingChanges_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("role");

    const QString today = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    const QList<QPair<const char *, QStringList>> clerkCommands{
        {"check-filings --commit",
         {"check-filings", "--commit", "--accept-warnings", AdminCli::data("filings-zhejiang.csv")}},
        {"check-kinship --commit", {"check-kinship", "--commit", AdminCli::data("kinship-zhejiang.csv")}},
        {"revoke", {"revoke", "--authorizer", zhangWei, "--target", zhangJianguo, "--reason", "x"}},
        {"revoke-kinship", {"revoke-kinship", "--holder", liNa, "--member", zhangXiaoming, "--reason", "x"}},
        {"print", {"print", QStringLiteral("GJ%1-0001").arg(today), "--pdf", "OUT.pdf"}},
        {"change-password", {"change-password", "--new-password-file", "WRONG"}},
    };
    const QList<QPair<const char *, QStringList>> supervisorCommands{
        {"import-registry", {"import-registry", AdminCli::data("registry-update.csv")}},
        {"rules import", {"rules", "import", AdminCli::data("rules-jiangsu.json")}},
        {"restore", {"restore", "BACKUP"}},
        {"copy-to", {"copy-to", "TARGET"}},
        {"load-demo", {"load-demo"}},
        {"add-clerk", {"add-clerk", "newbie", "--new-password-file", "PASSWORD"}},
        {"clerks", {"clerks"}},
        {"disable-clerk", {"disable-clerk", "tester"}},
        {"enable-clerk", {"enable-clerk", "tester"}},
        {"unlock-clerk", {"unlock-clerk", "tester"}},
        {"reset-password", {"reset-password", "tester", "--new-password-file", "WRONG"}},
    };
    for (const auto &[name, arguments] : clerkCommands)
        QTest::newRow(name) << arguments << QStringLiteral("clerk");
    for (const auto &[name, arguments] : supervisorCommands)
        QTest::newRow(name) << arguments << QStringLiteral("supervisor");
}

// Every way a sign-in fails, for every command that needs one: exit code 4, a message on stderr
// that says what to do, nothing on stdout, no password anywhere, the database as it was.
void TestAdminAccounts::withoutValidSignInNothingChanges()
{
    SQLITE_FILES_ONLY();
    QFETCH(QStringList, command);
    QFETCH(QString, role);
    copyTemplate();
    const QString pdf = m_dir->filePath(QStringLiteral("out.pdf"));
    const QString target = m_dir->filePath(QStringLiteral("target.sqlite"));
    command.replaceInStrings(QStringLiteral("OUT.pdf"), pdf);
    command.replaceInStrings(QStringLiteral("BACKUP"), m_backup);
    command.replaceInStrings(QStringLiteral("TARGET"), target);
    command.replaceInStrings(QStringLiteral("PASSWORD"), passwordFile());
    command.replaceInStrings(QStringLiteral("WRONG"), wrongPasswordFile());

    struct Attempt
    {
        const char *what;
        QStringList signIn;
        QString message;
        int failedSignIns; // audited sign_in_failed entries it adds
    };
    const QString missing = m_dir->filePath(QStringLiteral("missing.txt"));
    QList<Attempt> attempts{
        {"no --clerk", {}, QStringLiteral("needs "), 0},
        {"wrong password", AdminCli::signIn(wrongPasswordFile(), QStringLiteral("tester")),
         QStringLiteral("sign-in as tester refused: Login or password is wrong."), 1},
        {"unknown login", AdminCli::signIn(passwordFile(), QStringLiteral("nobody")),
         QStringLiteral("sign-in as nobody refused: Login or password is wrong."), 1},
        {"password file missing",
         {QStringLiteral("--clerk"), QStringLiteral("tester"), QStringLiteral("--password-file"), missing},
         QStringLiteral("The password file %1 does not exist").arg(missing),
         0},
        {"no terminal",
         {QStringLiteral("--clerk"), QStringLiteral("tester")},
         QStringLiteral("There is no terminal to ask for the password on; give it with --password-file FILE"),
         0},
    };
    if (role == QLatin1String("supervisor"))
        attempts.append({"a clerk", AdminCli::signIn(passwordFile(), QStringLiteral("tester")),
                         QStringLiteral("Only a supervisor may do this; tester is a clerk."), 0});

    const QByteArray before = contentHash(db());
    QVERIFY(!before.isEmpty());
    int failedSignIns = auditCount(db(), QStringLiteral("sign_in_failed"));
    for (const Attempt &attempt : attempts) {
        const Run run = admin(QStringList{QStringLiteral("--db"), db()} + attempt.signIn + command);
        const QString context = QStringLiteral("%1: %2").arg(QLatin1String(attempt.what), run.err);
        QVERIFY2(run.exitCode == 4, qPrintable(QStringLiteral("exit code %1, %2").arg(run.exitCode).arg(context)));
        QVERIFY2(run.err.contains(attempt.message), qPrintable(context));
        QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed.")), qPrintable(context));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        verifyNoPassword(run);
        QVERIFY2(contentHash(db()) == before, qPrintable(context));
        failedSignIns += attempt.failedSignIns;
        QCOMPARE(auditCount(db(), QStringLiteral("sign_in_failed")), failedSignIns);
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(!QFile::exists(target));
    }
}

void TestAdminAccounts::readOnlyCommandsNeedNoSignIn_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("household") << QStringList{"household", zhangWei};
    QTest::newRow("preview-payment") << QStringList{"preview-payment", zhangXiaoming, "100"};
    QTest::newRow("check-filings") << QStringList{"check-filings", AdminCli::data("filings-zhejiang.csv")};
    QTest::newRow("check-kinship") << QStringList{"check-kinship", AdminCli::data("kinship-zhejiang.csv")};
    QTest::newRow("rules export") << QStringList{"rules", "export", "-"};
    QTest::newRow("rules import --dry-run")
        << QStringList{"rules", "import", "--dry-run", AdminCli::data("rules-jiangsu.json")};
    QTest::newRow("backup") << QStringList{"backup", "BACKUP"};
}

void TestAdminAccounts::readOnlyCommandsNeedNoSignIn()
{
    SQLITE_FILES_ONLY();
    QFETCH(QStringList, command);
    copyTemplate();
    command.replaceInStrings(QStringLiteral("BACKUP"), m_dir->filePath(QStringLiteral("copy.sqlite")));
    const QByteArray before = contentHash(db());
    const int audited = auditCount(db(), QStringLiteral("sign_in"));
    const Run run = admin(QStringList{QStringLiteral("--db"), db()} + command);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(!run.out.isEmpty());
    QCOMPARE(contentHash(db()), before);
    QCOMPARE(auditCount(db(), QStringLiteral("sign_in")), audited);
}

void TestAdminAccounts::fiveWrongPasswordsLockTheLogin()
{
    SQLITE_FILES_ONLY();
    copyTemplate();
    const QStringList revoke{
        QStringLiteral("revoke"),   QStringLiteral("--authorizer"), zhangWei, QStringLiteral("--target"), zhangJianguo,
        QStringLiteral("--reason"), QStringLiteral("迁居外省")};
    const QByteArray before = contentHash(db());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const Run run = admin(as(QStringLiteral("tester"), wrongPasswordFile()) + revoke);
        QCOMPARE(run.exitCode, 4);
        verifyNoPassword(run);
        if (attempt == 5)
            QVERIFY2(run.err.contains(QStringLiteral("The login is now locked for 5 minutes")), qPrintable(run.err));
    }
    // The right password no longer helps.
    Run run = admin(as(QStringLiteral("tester")) + revoke);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("This login is locked after 5 failed attempts")), qPrintable(run.err));
    QCOMPARE(contentHash(db()), before);
    QCOMPARE(auditCount(db(), QStringLiteral("sign_in_failed")), 6);
    // Other logins are not locked; the supervisor sees the lock and lifts it.
    run = admin(as(QStringLiteral("supervisor")) + QStringList{QStringLiteral("clerks")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("tester\tclerk\tlocked until ")), qPrintable(run.out));
    run = admin(as(QStringLiteral("supervisor"))
                + QStringList{QStringLiteral("unlock-clerk"), QStringLiteral("tester")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("Unlocked tester.\n"));
    run = admin(as(QStringLiteral("tester")) + revoke);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("clerk: tester")), qPrintable(run.out));
}

void TestAdminAccounts::passwordFileProblems_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("missing") << "missing"
                             << "does not exist; give the path of a file whose first line is the password" << 4;
    QTest::newRow("a folder") << "folder"
                              << "is a folder" << 4;
    QTest::newRow("empty") << "empty"
                           << "The first line of the password file" << 4;
    QTest::newRow("unreadable") << "unreadable"
                                << "Cannot read the password file" << 4;
    QTest::newRow("readable by others: a warning") << "shared"
                                                   << "may be read by other users; make it yours only (chmod 600" << 0;
    QTest::newRow("line break and CR stripped") << "crlf"
                                                << "" << 0;
}

void TestAdminAccounts::passwordFileProblems()
{
    SQLITE_FILES_ONLY();
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(int, exitCode);
    if (kind == QLatin1String("unreadable") && ::geteuid() == 0)
        QSKIP("root reads a file of mode 000");
    copyTemplate();
    QString path = m_dir->filePath(QStringLiteral("pw.txt"));
    if (kind == QLatin1String("folder")) {
        path = m_dir->path();
    } else if (kind != QLatin1String("missing")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == QLatin1String("crlf"))
            file.write(QByteArray(AdminCli::password) + "\r\nsecond line\n");
        else if (kind != QLatin1String("empty"))
            file.write(QByteArray(AdminCli::password) + '\n');
        file.close();
        const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QFile::setPermissions(path,
                              kind == QLatin1String("unreadable") ? QFileDevice::Permissions()
                                  : kind == QLatin1String("shared")
                                  ? owner | QFileDevice::ReadGroup | QFileDevice::ReadOther
                                  : owner);
    }
    const Run run = admin({QStringLiteral("--db"), db(), QStringLiteral("--clerk"), QStringLiteral("supervisor"),
                           QStringLiteral("--password-file"), path, QStringLiteral("clerks")});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.err));
    if (!message.isEmpty())
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    else
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.err.contains(path) || message.isEmpty());
    verifyNoPassword(run);
    if (exitCode == 0)
        QVERIFY(run.out.contains(QStringLiteral("supervisor\tsupervisor\tactive")));
}

void TestAdminAccounts::accountCommands()
{
    SQLITE_FILES_ONLY();
    copyTemplate();
    const QStringList supervisor = as(QStringLiteral("supervisor"));
    const QStringList clerk = as(QStringLiteral("tester"));
    const QStringList clerkCommand{QStringLiteral("check-filings"), QStringLiteral("--commit"),
                                   AdminCli::data("filings-malformed.csv")}; // signed in: exit code 1 (the file)
    Run run = admin(supervisor + QStringList{QStringLiteral("clerks")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out),
             (QStringList{QStringLiteral("supervisor\tsupervisor\tactive\tsupervisor"),
                          QStringLiteral("tester\tclerk\tactive\ttester")}));

    run = admin(supervisor + QStringList{QStringLiteral("disable-clerk"), QStringLiteral("tester")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("Disabled tester: it can no longer sign in.\n"));
    QCOMPARE(admin(clerk + clerkCommand).exitCode, 4);
    QVERIFY(admin(supervisor + QStringList{QStringLiteral("clerks")})
                .out.contains(QStringLiteral("tester\tclerk\tdisabled")));

    run = admin(supervisor + QStringList{QStringLiteral("enable-clerk"), QStringLiteral("tester")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(admin(clerk + clerkCommand).exitCode, 1);

    // A new password: the old one no longer works, the new one does.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh.txt"));
    QVERIFY(AdminCli::writePasswordFile(fresh, "a-new-password-2"));
    run = admin(supervisor
                + QStringList{QStringLiteral("reset-password"), QStringLiteral("tester"),
                              QStringLiteral("--new-password-file"), fresh});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains(QStringLiteral("a-new-password-2")));
    QCOMPARE(admin(clerk + clerkCommand).exitCode, 4);
    QCOMPARE(admin(as(QStringLiteral("tester"), fresh) + clerkCommand).exitCode, 1);

    // Any account changes its own password, knowing the current one.
    const QString own = m_dir->filePath(QStringLiteral("own.txt"));
    QVERIFY(AdminCli::writePasswordFile(own, "my-own-password-3"));
    run = admin(as(QStringLiteral("tester"), fresh)
                + QStringList{QStringLiteral("change-password"), QStringLiteral("--new-password-file"), own});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("Password changed for tester.\n"));
    verifyNoPassword(run);
    QCOMPARE(admin(as(QStringLiteral("tester"), fresh) + clerkCommand).exitCode, 4);
    QCOMPARE(admin(as(QStringLiteral("tester"), own) + clerkCommand).exitCode, 1);
    run = admin(as(QStringLiteral("tester"), own)
                + QStringList{QStringLiteral("change-password"), QStringLiteral("--new-password-file"), own});
    QCOMPARE(run.exitCode, 1); // the same password again
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed.")), qPrintable(run.err));
    run = admin(as(QStringLiteral("tester"), own)
                + QStringList{QStringLiteral("change-password"), QStringLiteral("supervisor")});
    QCOMPARE(run.exitCode, 64);
    QVERIFY2(run.err.contains(QStringLiteral("reset-password")), qPrintable(run.err));

    // One's own account is disabled by another supervisor only; unknown logins are named.
    run = admin(supervisor + QStringList{QStringLiteral("disable-clerk"), QStringLiteral("supervisor")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was changed.")), qPrintable(run.err));
    run = admin(supervisor + QStringList{QStringLiteral("unlock-clerk"), QStringLiteral("nobody")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("nobody")), qPrintable(run.err));
}

void TestAdminAccounts::restoreOfADamagedDatabaseAsksTheBackup()
{
    SQLITE_FILES_ONLY();
    QFile damaged(db());
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(8192, 'x'));
    damaged.close();
    // A clerk of the backup is not enough; nothing changes.
    Run run = admin(as(QStringLiteral("tester")) + QStringList{QStringLiteral("restore"), m_backup});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("The sign-in is checked against the accounts in ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Only a supervisor")), qPrintable(run.err));
    QVERIFY(damaged.open(QIODevice::ReadOnly));
    QCOMPARE(damaged.readAll(), QByteArray(8192, 'x'));
    damaged.close();
    // The backup's supervisor restores it; the backup file itself is not touched by the sign-in.
    const QByteArray backupBefore = AdminCli::readFile(m_backup);
    run = admin(as(QStringLiteral("supervisor")) + QStringList{QStringLiteral("restore"), m_backup});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("Restored ")), qPrintable(run.out));
    QCOMPARE(AdminCli::readFile(m_backup), backupBefore);
    QCOMPARE(admin({QStringLiteral("--db"), db(), QStringLiteral("household"), zhangWei}).exitCode, 0);
}

// The database the tests use (a file, or with GONGJI_TEST_POSTGRES a database on the server),
// with TestDatabase's accounts: refused sign-ins change nothing and are audited; a supervisor's
// new clerk signs in and is named as who ended a binding.
void TestAdminAccounts::signInOnTheDatabaseInUse()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    const AdminCli cli(m_dir->filePath(QStringLiteral("xdg")));
    QVERIFY(cli.loadSamples(db.path(), db.passwordFile()));
    const QStringList revoke{
        QStringLiteral("--db"),     db.path(),    QStringLiteral("revoke"),   QStringLiteral("--authorizer"), zhangWei,
        QStringLiteral("--target"), zhangJianguo, QStringLiteral("--reason"), QStringLiteral("迁居外省")};
    const QStringList household{QStringLiteral("--db"), db.path(), QStringLiteral("household"), zhangWei};
    const QStringList active = AdminCli::bindingKeys(cli.run(household).out);
    QCOMPARE(active.count(QStringLiteral("mutual_aid/authorizes/active")), 3);
    gongji::AuditLog audit(db.connection());
    const qint64 entries = audit.count();

    Run run = cli.run(revoke + AdminCli::signIn(wrongPasswordFile(), QStringLiteral("tester")));
    QCOMPARE(run.exitCode, 4);
    verifyNoPassword(run);
    run = cli.run(revoke);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("needs a sign-in")), qPrintable(run.err));
    QCOMPARE(AdminCli::bindingKeys(cli.run(household).out), active);
    QCOMPARE(audit.countFor(gongji::AuditAction::SignInFailed, QStringLiteral("tester")), 1);
    QCOMPARE(audit.count(), entries + 1);

    const QString newPassword = m_dir->filePath(QStringLiteral("li.txt"));
    QVERIFY(AdminCli::writePasswordFile(newPassword, "clerk-li-4567"));
    run = cli.run(QStringList{QStringLiteral("--db"), db.path()} + AdminCli::signIn(db.passwordFile())
                  + QStringList{QStringLiteral("add-clerk"), QStringLiteral("li"),
                                QStringLiteral("--new-password-file"), newPassword});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli.run(revoke + AdminCli::signIn(newPassword, QStringLiteral("li")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("clerk: li\n")), qPrintable(run.out));
    QCOMPARE(AdminCli::bindingKeys(cli.run(household).out).count(QStringLiteral("mutual_aid/authorizes/active")), 2);
    QCOMPARE(audit.countFor(gongji::AuditAction::SignIn, QStringLiteral("li")), 1);
}

QTEST_GUILESS_MAIN(TestAdminAccounts)
#include "tst_adminaccounts.moc"
