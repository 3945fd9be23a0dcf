// The clerks' password policy: set by a supervisor (audited), a level-2 default, applied to every
// new password by the model (so by the desk and gongji-admin alike), a maximum age that forces a
// change at the next sign-in, and no reuse of the last passwords. Real databases (TestDatabase).
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "AdminCli.h"
#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/SignIn.h"
#include "model/domain/PasswordPolicy.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/Timestamp.h"

using namespace gongji;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passwordAgainstPolicy_data();
    void passwordAgainstPolicy();
    void defaultMeetsLevelTwo();
    void newPasswordsFollowThePolicy_data();
    void newPasswordsFollowThePolicy();
    void lastPasswordsNotAgain();
    void maximumAgeForcesAChange_data();
    void maximumAgeForcesAChange();
    void supervisorSetsThePolicy_data();
    void supervisorSetsThePolicy();
    void adminAllowsOnlyChangePasswordWhenExpired();

private:
    // Makes the password of `login` `days` old, as if set that long ago.
    void ageThePassword(const QString &login, int days);

    std::unique_ptr<TestDatabase> m_db;
};

void TestPasswordPolicy::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
}

void TestPasswordPolicy::cleanup() { m_db.reset(); }

void TestPasswordPolicy::ageThePassword(const QString &login, int days)
{
    // Test set-up only: the clock of the password moved back, as time would.
    QSqlQuery query(QSqlDatabase::database(m_db->connection(), false));
    query.prepare(QStringLiteral("UPDATE clerk SET password_changed_at = :at WHERE login = :login"));
    query.bindValue(QStringLiteral(":at"), Timestamp::toText(QDateTime::currentDateTimeUtc().addDays(-days)));
    query.bindValue(QStringLiteral(":login"), login);
    QVERIFY(query.exec());
}

void TestPasswordPolicy::passwordAgainstPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("problem"); // a part of the message, or empty: meets the default policy

    QTest::newRow("7 characters of 4 kinds") << "aB3$xY9" << 4 << "at least 8 characters";
    QTest::newRow("only lower-case") << "counterclerk" << 1 << "at least 3 of these 4 kinds";
    QTest::newRow("lower and upper") << "CounterClerk" << 2 << "at least 3 of these 4 kinds";
    QTest::newRow("lower, digits") << "counter2026" << 2 << "at least 3 of these 4 kinds";
    QTest::newRow("lower, digits, other") << "counter-2026" << 3 << QString();
    QTest::newRow("upper, lower, digits") << "Counter2026" << 3 << QString();
    QTest::newRow("all four") << "Counter-2026" << 4 << QString();
    QTest::newRow("Chinese counts as other") << QStringLiteral("共济Clerk1") << 4 << QString();
}

void TestPasswordPolicy::passwordAgainstPolicy()
{
    QFETCH(QString, password);
    QFETCH(int, classes);
    QFETCH(QString, problem);
    QCOMPARE(PasswordPolicy::classesOf(password), classes);
    const QString found = PasswordPolicy().problem(password);
    if (problem.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestPasswordPolicy::defaultMeetsLevelTwo()
{
    const PasswordPolicy policy = ClerkAccounts(m_db->connection()).policy();
    QCOMPARE(policy.minLength, 8);
    QCOMPARE(policy.minClasses, 3);
    QCOMPARE(policy.maxAgeDays, 90);
    QCOMPARE(policy.historyCount, 5);
    QVERIFY(policy.invalidity().isEmpty());
}

void TestPasswordPolicy::newPasswordsFollowThePolicy_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("add-clerk") << "add";
    QTest::newRow("reset") << "reset";
    QTest::newRow("own change") << "change";
}

void TestPasswordPolicy::newPasswordsFollowThePolicy()
{
    QFETCH(QString, how);
    ClerkAccounts accounts(m_db->connection());
    const auto attempt = [&](const QString &password) {
        if (how == QLatin1String("add"))
            return accounts.add(TestDatabase::supervisor, QStringLiteral("wangwu"), QStringLiteral("王五"),
                                ClerkRole::Clerk, password);
        if (how == QLatin1String("reset"))
            return accounts.resetPassword(TestDatabase::supervisor, TestDatabase::clerk, password);
        return accounts.changeOwnPassword(TestDatabase::clerk, TestDatabase::password, password);
    };
    const qint64 audited = AuditLog(m_db->connection()).count();
    const ClerkAccounts::Result weak = attempt(QStringLiteral("counterclerk"));
    QVERIFY(!weak.ok);
    QVERIFY2(weak.error.contains(QStringLiteral("at least 3 of these 4 kinds")), qPrintable(weak.error));
    QCOMPARE(AuditLog(m_db->connection()).count(), audited); // nothing stored, nothing audited
    const ClerkAccounts::Result strong = attempt(QStringLiteral("Counter-2026"));
    QVERIFY2(strong.ok, qPrintable(strong.error));
}

void TestPasswordPolicy::lastPasswordsNotAgain()
{
    ClerkAccounts accounts(m_db->connection());
    QStringList passwords{QString::fromLatin1(TestDatabase::password)};
    for (int i = 1; i <= 5; ++i) {
        const QString next = QStringLiteral("Counter-%1a").arg(i);
        const ClerkAccounts::Result changed = accounts.changeOwnPassword(TestDatabase::clerk, passwords.last(), next);
        QVERIFY2(changed.ok, qPrintable(changed.error));
        passwords << next;
    }
    // The current one and the four before it are refused; the sixth-newest is allowed again.
    for (int i = passwords.size() - 1; i >= passwords.size() - 5; --i) {
        const ClerkAccounts::Result again
            = accounts.resetPassword(TestDatabase::supervisor, TestDatabase::clerk, passwords.at(i));
        QVERIFY(!again.ok);
        QVERIFY2(again.error.contains(QStringLiteral("one of the last 5")), qPrintable(again.error));
    }
    const ClerkAccounts::Result oldest
        = accounts.resetPassword(TestDatabase::supervisor, TestDatabase::clerk, passwords.first());
    QVERIFY2(oldest.ok, qPrintable(oldest.error));
}

void TestPasswordPolicy::maximumAgeForcesAChange_data()
{
    QTest::addColumn<int>("ageDays");
    QTest::addColumn<bool>("expired");
    QTest::newRow("new") << 0 << false;
    QTest::newRow("89 days") << 89 << false;
    QTest::newRow("90 days") << 90 << true;
    QTest::newRow("a year") << 365 << true;
}

void TestPasswordPolicy::maximumAgeForcesAChange()
{
    QFETCH(int, ageDays);
    QFETCH(bool, expired);
    ageThePassword(QString::fromLatin1(TestDatabase::clerk), ageDays);
    const SignIn::Result signedIn = SignIn(m_db->connection()).signIn(TestDatabase::clerk, TestDatabase::password);
    QVERIFY2(signedIn.ok, qPrintable(signedIn.error));
    QCOMPARE(signedIn.passwordExpired, expired);
    if (!expired)
        return;
    // Changing it starts the age again.
    QVERIFY(ClerkAccounts(m_db->connection())
                .changeOwnPassword(TestDatabase::clerk, TestDatabase::password, "Counter-2026")
                .ok);
    QCOMPARE(SignIn(m_db->connection()).signIn(TestDatabase::clerk, "Counter-2026").passwordExpired, false);
}

void TestPasswordPolicy::supervisorSetsThePolicy_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("minClasses");
    QTest::addColumn<int>("maxAgeDays");
    QTest::addColumn<int>("history");
    QTest::addColumn<QString>("refusal"); // empty: set

    QTest::newRow("stricter, by the supervisor") << TestDatabase::supervisor << 12 << 4 << 60 << 10 << QString();
    QTest::newRow("by a clerk") << TestDatabase::clerk << 12 << 4 << 60 << 10 << "supervisor";
    QTest::newRow("shorter than 8") << TestDatabase::supervisor << 6 << 3 << 90 << 5 << "minimum length is 8";
    QTest::newRow("5 kinds") << TestDatabase::supervisor << 8 << 5 << 90 << 5 << "1 to 4";
    QTest::newRow("two years") << TestDatabase::supervisor << 8 << 3 << 730 << 5 << "0 (never) to 365";
}

void TestPasswordPolicy::supervisorSetsThePolicy()
{
    QFETCH(QString, actor);
    QFETCH(int, minLength);
    QFETCH(int, minClasses);
    QFETCH(int, maxAgeDays);
    QFETCH(int, history);
    QFETCH(QString, refusal);
    ClerkAccounts accounts(m_db->connection());
    const PasswordPolicy before = accounts.policy();
    const qint64 audited = AuditLog(m_db->connection()).countFor(AuditAction::PasswordPolicySet, QStringLiteral(""));
    const ClerkAccounts::Result set
        = accounts.setPolicy(actor, PasswordPolicy{minLength, minClasses, maxAgeDays, history});
    if (!refusal.isEmpty()) {
        QVERIFY(!set.ok);
        QVERIFY2(set.error.contains(refusal), qPrintable(set.error));
        QVERIFY(accounts.policy() == before);
        QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::PasswordPolicySet, QStringLiteral("")), audited);
        return;
    }
    QVERIFY2(set.ok, qPrintable(set.error));
    QVERIFY(accounts.policy() == (PasswordPolicy{minLength, minClasses, maxAgeDays, history}));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::PasswordPolicySet, QStringLiteral("")), audited + 1);
    // Applied at once: 12 characters of 4 kinds now.
    const ClerkAccounts::Result weak
        = accounts.resetPassword(TestDatabase::supervisor, TestDatabase::clerk, "Counter-202"); // 11 characters
    QVERIFY(!weak.ok);
    QVERIFY2(weak.error.contains(QStringLiteral("at least 12 characters")), qPrintable(weak.error));
}

void TestPasswordPolicy::adminAllowsOnlyChangePasswordWhenExpired()
{
    const AdminCli cli(m_db->dir() + QStringLiteral("/xdg"));
    const QStringList signIn
        = QStringList{QStringLiteral("--db"), m_db->path()} + AdminCli::signIn(m_db->passwordFile());
    const AdminCli::Run shown = cli.run({QStringLiteral("--db"), m_db->path(), QStringLiteral("password-policy")});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(QStringLiteral("min-length: 8\nmin-classes: 3 of 4")), qPrintable(shown.out));
    const AdminCli::Run set = cli.run(
        signIn
        + QStringList{QStringLiteral("password-policy"), QStringLiteral("--max-age-days"), QStringLiteral("30")});
    QCOMPARE(set.exitCode, 0);
    QVERIFY(set.out.contains(QStringLiteral("max-age-days: 30")));
    ageThePassword(QString::fromLatin1(TestDatabase::supervisor), 31);
    const AdminCli::Run refused = cli.run(signIn + QStringList{QStringLiteral("clerks")});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains(QStringLiteral("is older than the password policy allows; change it first")),
             qPrintable(refused.err));
    const QString fresh = m_db->dir() + QStringLiteral("/fresh.txt");
    QVERIFY(AdminCli::writePasswordFile(fresh, "Supervisor-2026"));
    const AdminCli::Run changed = cli.run(
        signIn + QStringList{QStringLiteral("change-password"), QStringLiteral("--new-password-file"), fresh});
    QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
    const AdminCli::Run works = cli.run(QStringList{QStringLiteral("--db"), m_db->path()} + AdminCli::signIn(fresh)
                                        + QStringList{QStringLiteral("clerks")});
    QVERIFY2(works.exitCode == 0, qPrintable(works.err));
}

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
