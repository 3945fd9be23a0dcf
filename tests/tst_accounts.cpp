// Clerk accounts: Argon2id hashes, lockout after five failures, the first supervisor, roles.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/accounts/SignIn.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"

using namespace gongji;

class TestAccounts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hashesAreArgon2idAndVerify();
    void olderParametersAreRehashedOnSignIn();
    void fiveFailuresLockForFiveMinutes();
    void firstSupervisorOnlyOnce();
    void onlySupervisorsCreateAccounts_data();
    void onlySupervisorsCreateAccounts();
    void auditHoldsNoPassword();
    void fixtureAccountsSignIn();
    void accountChangesBySupervisor_data();
    void accountChangesBySupervisor();
    void accountChangesRefusedForClerk_data();
    void accountChangesRefusedForClerk();
    void lastSupervisorStaysActive();
    void changeOwnPassword();
    void listHasNoHashes();
};

void TestAccounts::initTestCase() { PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum); }

void TestAccounts::hashesAreArgon2idAndVerify()
{
    const QString hash = PasswordHash::hash(QStringLiteral("共济-secret-1"));
    QVERIFY(hash.startsWith(QStringLiteral("$argon2id$")));
    QVERIFY(PasswordHash::verify(hash, QStringLiteral("共济-secret-1")));
    QVERIFY(!PasswordHash::verify(hash, QStringLiteral("共济-secret-2")));
    QVERIFY(PasswordHash::hash(QStringLiteral("共济-secret-1")) != hash); // salted
}

void TestAccounts::olderParametersAreRehashedOnSignIn()
{
    TestDatabase db(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(ClerkAccounts(db.connection()).createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    PasswordHash::setCost(PasswordHash::Cost::Interactive); // the office raised the cost since
    QVERIFY(SignIn(db.connection()).signIn("zhangli", "password-1").ok);
    QSqlQuery q(QSqlDatabase::database(db.connection()));
    QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM clerk")) && q.next());
    QVERIFY(!PasswordHash::needsRehash(q.value(0).toString()));
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
}

void TestAccounts::fiveFailuresLockForFiveMinutes()
{
    TestDatabase db(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(ClerkAccounts(db.connection()).createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    SignIn signIn(db.connection());
    const QDateTime t0(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);
    for (int i = 1; i < SignIn::maxFailures; ++i)
        QVERIFY(!signIn.signIn("zhangli", "wrong", t0.addSecs(i)).lockedUntil.isValid());
    const SignIn::Result fifth = signIn.signIn("zhangli", "wrong", t0.addSecs(10));
    QCOMPARE(fifth.lockedUntil, t0.addSecs(10 + 5 * 60));
    // Locked: even the right password is refused, and the message says until when.
    const SignIn::Result locked = signIn.signIn("zhangli", "password-1", t0.addSecs(60));
    QVERIFY(!locked.ok);
    QVERIFY(locked.error.contains(QStringLiteral("locked")));
    QVERIFY(signIn.signIn("zhangli", "password-1", t0.addSecs(10 + 5 * 60 + 1)).ok);
    // Unknown login and wrong password read the same.
    QCOMPARE(signIn.signIn("nobody", "x", t0).error, signIn.signIn("zhangli", "x", t0.addSecs(400)).error);
}

void TestAccounts::firstSupervisorOnlyOnce()
{
    TestDatabase db(QStringLiteral("test"), TestDatabase::Accounts::None);
    ClerkAccounts accounts(db.connection());
    QVERIFY(!accounts.createFirstSupervisor("zhangli", "张丽", "short").ok); // password too short
    QVERIFY(accounts.createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    const ClerkAccounts::Result second = accounts.createFirstSupervisor("wangwu", "王五", "password-2");
    QVERIFY(!second.ok);
    QVERIFY(second.error.contains(QStringLiteral("supervisor exists")));
}

void TestAccounts::onlySupervisorsCreateAccounts_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("supervisor") << "zhangli" << true;
    QTest::newRow("clerk") << "lisi" << false;
    QTest::newRow("unknown login") << "mallory" << false;
}

void TestAccounts::onlySupervisorsCreateAccounts()
{
    QFETCH(QString, actor);
    QFETCH(bool, allowed);
    TestDatabase db(QStringLiteral("test"), TestDatabase::Accounts::None);
    ClerkAccounts accounts(db.connection());
    QVERIFY(accounts.createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    QVERIFY(accounts.add("zhangli", "lisi", "李四", ClerkRole::Clerk, "password-2").ok);
    const ClerkAccounts::Result result = accounts.add(actor, "wangwu", "王五", ClerkRole::Clerk, "password-3");
    QCOMPARE(result.ok, allowed);
    QCOMPARE(accounts.allows(actor, ClerkRole::Supervisor), allowed);
    QCOMPARE(accounts.allows("lisi", ClerkRole::Clerk), true);
}

void TestAccounts::auditHoldsNoPassword()
{
    TestDatabase db(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(ClerkAccounts(db.connection()).createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    SignIn(db.connection()).signIn("zhangli", "wrong-password-9");
    SignIn(db.connection()).signIn("zhangli", "password-1");
    QSqlQuery q(QSqlDatabase::database(db.connection()));
    QVERIFY(q.exec(QStringLiteral("SELECT action, detail FROM audit_log ORDER BY id")));
    QStringList actions;
    while (q.next()) {
        actions << q.value(0).toString();
        QVERIFY(!q.value(1).toString().contains(QStringLiteral("password-")));
    }
    QCOMPARE(actions, (QStringList{"account_add", "sign_in_failed", "sign_in"}));
}

void TestAccounts::fixtureAccountsSignIn()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    SignIn signIn(db.connection());
    const SignIn::Result clerk = signIn.signIn(TestDatabase::clerk, TestDatabase::password);
    QVERIFY2(clerk.ok, qPrintable(clerk.error));
    QCOMPARE(clerk.account.role, ClerkRole::Clerk);
    QVERIFY(signIn.signIn(TestDatabase::supervisor, TestDatabase::password).account.isSupervisor());
    QFile file(db.passwordFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray(TestDatabase::password));
}

namespace {

std::optional<ClerkAccount> account(const TestDatabase &db, const QString &login)
{
    return ClerkStore(db.connection()).findByLogin(login);
}

QString lastAuditRow(const TestDatabase &db)
{
    QSqlQuery q(QSqlDatabase::database(db.connection()));
    if (!q.exec(QStringLiteral("SELECT actor, action, subject, detail FROM audit_log ORDER BY id DESC")) || !q.next())
        return {};
    return QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()}.join(
        u'|');
}

// Locks `login` by five wrong passwords.
void lockOut(const TestDatabase &db, const QString &login)
{
    for (int i = 0; i < SignIn::maxFailures; ++i)
        SignIn(db.connection()).signIn(login, QStringLiteral("wrong-password"));
}

} // namespace

void TestAccounts::accountChangesBySupervisor_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("action");
    QTest::newRow("disable") << "disable"
                             << "account_disable";
    QTest::newRow("enable") << "enable"
                            << "account_enable";
    QTest::newRow("reset password") << "reset"
                                    << "account_reset_password";
    QTest::newRow("unlock") << "unlock"
                            << "account_unlock";
}

void TestAccounts::accountChangesBySupervisor()
{
    QFETCH(QString, change);
    QFETCH(QString, action);
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    const QString tester = TestDatabase::clerk;
    if (change == QLatin1String("enable"))
        QVERIFY(accounts.setActive(TestDatabase::supervisor, tester, false).ok);
    if (change == QLatin1String("unlock") || change == QLatin1String("reset"))
        lockOut(db, tester);
    const qint64 before = AuditLog(db.connection()).count();
    ClerkAccounts::Result result;
    if (change == QLatin1String("disable"))
        result = accounts.setActive(TestDatabase::supervisor, tester, false);
    else if (change == QLatin1String("enable"))
        result = accounts.setActive(TestDatabase::supervisor, tester, true);
    else if (change == QLatin1String("reset"))
        result = accounts.resetPassword(TestDatabase::supervisor, tester, QStringLiteral("fresh-password-2"));
    else
        result = accounts.unlock(TestDatabase::supervisor, tester);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(AuditLog(db.connection()).count(), before + 1);
    QVERIFY(lastAuditRow(db).startsWith(QStringLiteral("supervisor|%1|tester|").arg(action)));
    QVERIFY(!lastAuditRow(db).contains(QStringLiteral("password-")));

    const std::optional<ClerkAccount> after = account(db, tester);
    QVERIFY(after);
    QCOMPARE(after->active, change != QLatin1String("disable"));
    if (change == QLatin1String("unlock") || change == QLatin1String("reset")) {
        QCOMPARE(after->failedAttempts, 0);
        QVERIFY(!after->lockedUntil.isValid());
    }
    const QString password = change == QLatin1String("reset") ? QStringLiteral("fresh-password-2")
                                                              : QString::fromLatin1(TestDatabase::password);
    QCOMPARE(SignIn(db.connection()).signIn(tester, password).ok, change != QLatin1String("disable"));
    // Doing it again says why nothing changes.
    if (change != QLatin1String("reset")) {
        const qint64 count = AuditLog(db.connection()).count();
        const ClerkAccounts::Result again = change == QLatin1String("unlock")
            ? accounts.unlock(TestDatabase::supervisor, tester)
            : accounts.setActive(TestDatabase::supervisor, tester, change == QLatin1String("enable"));
        QVERIFY(!again.ok);
        QVERIFY(!again.error.isEmpty());
        QCOMPARE(AuditLog(db.connection()).count(), count);
    }
}

void TestAccounts::accountChangesRefusedForClerk_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("change");
    const QStringList changes{"disable", "enable", "reset", "unlock"};
    for (const QString &actor : {QStringLiteral("tester"), QStringLiteral("mallory")})
        for (const QString &change : changes)
            QTest::addRow("%s %s", qPrintable(actor), qPrintable(change)) << actor << change;
    QTest::newRow("supervisor, unknown account") << "supervisor"
                                                 << "unknown target";
}

void TestAccounts::accountChangesRefusedForClerk()
{
    QFETCH(QString, actor);
    QFETCH(QString, change);
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    QVERIFY(accounts.add(TestDatabase::supervisor, "lisi", "李四", ClerkRole::Clerk, "password-2").ok);
    QVERIFY(accounts.setActive(TestDatabase::supervisor, "lisi", false).ok);
    const qint64 before = AuditLog(db.connection()).count();
    ClerkAccounts::Result result;
    if (change == QLatin1String("disable"))
        result = accounts.setActive(actor, TestDatabase::supervisor, false);
    else if (change == QLatin1String("enable"))
        result = accounts.setActive(actor, "lisi", true);
    else if (change == QLatin1String("reset"))
        result = accounts.resetPassword(actor, "lisi", "fresh-password-2");
    else if (change == QLatin1String("unlock"))
        result = accounts.unlock(actor, "lisi");
    else
        result = accounts.setActive(TestDatabase::supervisor, "nobody", false);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(AuditLog(db.connection()).count(), before);
    QVERIFY(!account(db, "lisi")->active);
    QVERIFY(account(db, TestDatabase::supervisor)->active);
    QVERIFY(PasswordHash::verify(account(db, TestDatabase::supervisor)->passwordHash, TestDatabase::password));
}

void TestAccounts::lastSupervisorStaysActive()
{
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    QVERIFY(accounts.add(TestDatabase::supervisor, "wangwu", "王五", ClerkRole::Supervisor, "password-2").ok);
    const ClerkAccounts::Result self = accounts.setActive(TestDatabase::supervisor, TestDatabase::supervisor, false);
    QVERIFY(!self.ok);
    QVERIFY(self.error.contains(QStringLiteral("own account")));
    QVERIFY(accounts.setActive("wangwu", TestDatabase::supervisor, false).ok);
    // A disabled supervisor changes nothing any more.
    QVERIFY(accounts.setActive(TestDatabase::supervisor, "wangwu", false).error.contains(QStringLiteral("disabled")));
    QVERIFY(accounts.setActive("wangwu", TestDatabase::supervisor, true).ok);
    QVERIFY(accounts.setActive(TestDatabase::supervisor, "wangwu", false).ok);
    // The only active supervisor left cannot disable itself, and nobody else can.
    QVERIFY(!accounts.setActive(TestDatabase::supervisor, TestDatabase::supervisor, false).ok);
    QVERIFY(!accounts.setActive("wangwu", TestDatabase::supervisor, false).ok);
    QVERIFY(account(db, TestDatabase::supervisor)->active);
    QCOMPARE(ClerkStore(db.connection()).countSupervisors(), 1);
}

void TestAccounts::changeOwnPassword()
{
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    const QString tester = TestDatabase::clerk;
    const qint64 before = AuditLog(db.connection()).count();
    QVERIFY(
        accounts.changeOwnPassword(tester, TestDatabase::password, "short").error.contains(QStringLiteral("at least")));
    QVERIFY(!accounts.changeOwnPassword(tester, TestDatabase::password, TestDatabase::password).ok);
    QCOMPARE(AuditLog(db.connection()).count(), before);
    const ClerkAccounts::Result wrong = accounts.changeOwnPassword(tester, "wrong-password", "new-password-3");
    QVERIFY(!wrong.ok);
    QVERIFY(wrong.error.contains(QStringLiteral("current password")));
    QCOMPARE(account(db, tester)->failedAttempts, 1); // counts towards the lockout
    const ClerkAccounts::Result ok = accounts.changeOwnPassword(tester, TestDatabase::password, "new-password-3");
    QVERIFY2(ok.ok, qPrintable(ok.error));
    QVERIFY(lastAuditRow(db).startsWith(QStringLiteral("tester|password_change|tester|")));
    QVERIFY(SignIn(db.connection()).signIn(tester, "new-password-3").ok);
    QVERIFY(!SignIn(db.connection()).signIn(tester, TestDatabase::password).ok);
    // A disabled account changes nothing; neither does one locked out.
    QVERIFY(accounts.setActive(TestDatabase::supervisor, tester, false).ok);
    QVERIFY(!accounts.changeOwnPassword(tester, "new-password-3", "new-password-4").ok);
    QVERIFY(accounts.setActive(TestDatabase::supervisor, tester, true).ok);
    lockOut(db, tester);
    const ClerkAccounts::Result locked = accounts.changeOwnPassword(tester, "new-password-3", "new-password-4");
    QVERIFY(locked.error.contains(QStringLiteral("locked")));
    QVERIFY(PasswordHash::verify(account(db, tester)->passwordHash, "new-password-3"));
}

void TestAccounts::listHasNoHashes()
{
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    QString error;
    const QList<ClerkAccount> all = accounts.list(TestDatabase::supervisor, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).login, QStringLiteral("supervisor"));
    QCOMPARE(all.at(1).login, QStringLiteral("tester"));
    QCOMPARE(all.at(1).displayName, QStringLiteral("李柜员"));
    for (const ClerkAccount &a : all)
        QVERIFY(a.passwordHash.isEmpty());
    QVERIFY(accounts.list(TestDatabase::clerk, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("supervisor")));
    QVERIFY(accounts.list(QStringLiteral("mallory")).isEmpty());
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
