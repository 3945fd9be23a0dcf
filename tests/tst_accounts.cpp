// Clerk accounts: Argon2id hashes, lockout after five failures, the first supervisor, roles.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "accounts/ClerkAccounts.h"
#include "accounts/PasswordHash.h"
#include "accounts/SignIn.h"
#include "storage/AuditLog.h"

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
};

void TestAccounts::initTestCase()
{
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
}

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
    TestDatabase db;
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
    TestDatabase db;
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
    TestDatabase db;
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
    TestDatabase db;
    ClerkAccounts accounts(db.connection());
    QVERIFY(accounts.createFirstSupervisor("zhangli", "张丽", "password-1").ok);
    QVERIFY(accounts.add("zhangli", "lisi", "李四", "clerk", "password-2").ok);
    const ClerkAccounts::Result result = accounts.add(actor, "wangwu", "王五", "clerk", "password-3");
    QCOMPARE(result.ok, allowed);
    QCOMPARE(accounts.allows(actor, "supervisor"), allowed);
    QCOMPARE(accounts.allows("lisi", "clerk"), true);
}

void TestAccounts::auditHoldsNoPassword()
{
    TestDatabase db;
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

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
