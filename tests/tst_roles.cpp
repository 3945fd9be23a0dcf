// Roles are checked in the model, for every mutation, not only by hiding buttons: each
// supervisor-only mutation refuses a clerk, an unknown login and a disabled supervisor, each
// clerk mutation refuses an unknown login and a disabled account, and a refused call writes
// nothing at all (every table compared row by row). The same calls by the right role succeed,
// so that a refusal is never a failure for some other reason.
// (The office details, OfficeSettings, live in the desk's QSettings, not in the database: no row.)
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/IdReveal.h"
#include "model/accounts/RoleCheck.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/printing/PrintRecord.h"
#include "model/registry/RegistryImport.h"
#include "model/rules/RuleSetChange.h"
#include "model/rules/RuleSetExchange.h"
#include "model/storage/BindingStore.h"
#include "model/storage/ClerkStore.h"
#include "model/export/DatabaseCopy.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

struct Attempt
{
    bool ok = false;
    QString error;
    std::optional<FailureKind> failure; // for the mutations that return an Outcome

    static Attempt of(const Outcome &outcome) { return Attempt{outcome.ok, outcome.error, outcome.failure}; }
};

// What the database holds: every row of every table, as one digest per table.
QMap<QString, QByteArray> snapshot(const QString &connection)
{
    QMap<QString, QByteArray> tables;
    for (const QString &table : DatabaseCopy::tables()) {
        QSqlQuery q(QSqlDatabase::database(connection));
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table))) // test-only: our own table names
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
            hash.addData("\x1e");
        }
        tables.insert(table, hash.result().toHex());
    }
    return tables;
}

RuleSet jiangsu()
{
    RuleSet set = RuleSetStore::shippedDefaults().at(1);
    set.region = QStringLiteral("320000");
    set.title = QStringLiteral("江苏：测试");
    set.effectiveFrom = QDate(2025, 1, 1);
    set.effectiveTo = QDate();
    return set;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT
private slots:
    void supervisorOnly_data();
    void supervisorOnly();
    void clerkMutations_data();
    void clerkMutations();
    void databaseCopyNeedsASupervisorOfTheSource_data();
    void databaseCopyNeedsASupervisorOfTheSource();

private:
    // Accounts besides the fixture's: `lisi` (clerk, disabled), `wangwu` (clerk, locked out),
    // `zhaoliu` (supervisor, disabled); persons, an unreferenced rule set, a filing and a kinship
    // binding, all made by `supervisor`.
    void prepare(TestDatabase &db);
    Attempt perform(TestDatabase &db, const QString &mutation, const QString &actor);

    Person m_father, m_mother, m_son, m_daughter, m_holder, m_member, m_holder2, m_member2;
    qint64 m_ruleSetId = 0;
    qint64 m_bindingId = 0;
    qint64 m_kinshipId = 0;
    QString m_filingNumber;
};

void TestRoles::prepare(TestDatabase &db)
{
    QVERIFY(db.isOpen());
    ClerkAccounts accounts(db.connection());
    const QString supervisor = TestDatabase::supervisor;
    const QString pass = TestDatabase::password;
    QVERIFY(accounts.add(supervisor, "lisi", "李四", ClerkRole::Clerk, pass).ok);
    QVERIFY(accounts.setActive(supervisor, "lisi", false).ok);
    QVERIFY(accounts.add(supervisor, "wangwu", "王五", ClerkRole::Clerk, pass).ok);
    QVERIFY(accounts.add(supervisor, "zhaoliu", "赵六", ClerkRole::Supervisor, pass).ok);
    QVERIFY(accounts.setActive(supervisor, "zhaoliu", false).ok);
    {
        WriteTransaction transaction(db.connection());
        ClerkStore store(db.connection());
        store.setLockState(store.findByLogin("wangwu")->id, 0, QDateTime::currentDateTimeUtc().addSecs(300));
        transaction.commit();
    }

    m_father = db.addPerson("王建国", TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = db.addPerson("李秀英", TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = db.addPerson("王小明", TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    m_daughter = db.addPerson("王小红", TestDatabase::residentId("330102", QDate(2003, 4, 1), 42), "390");
    m_holder = db.addPerson("陈大山", TestDatabase::residentId("330102", QDate(1968, 2, 2), 51), "390");
    m_member = db.addPerson("陈小山", TestDatabase::residentId("330102", QDate(1995, 5, 5), 61), "390");
    m_holder2 = db.addPerson("周海", TestDatabase::residentId("330102", QDate(1966, 7, 7), 71), "390");
    m_member2 = db.addPerson("周小海", TestDatabase::residentId("330102", QDate(1993, 3, 3), 81), "390");

    const RuleSetChange::Result rules = RuleSetChange(db.connection()).add(jiangsu(), supervisor);
    QVERIFY2(rules.ok, qPrintable(rules.errors.join(' ')));
    m_ruleSetId = rules.id;

    const FilingDraft filing
        = TestDatabase::childFiling(m_mother, m_daughter, supervisor); // a supervisor may do what a clerk does
    const SubmissionResult filed = FilingSubmission(db.connection()).submit(filing);
    QVERIFY2(filed.stored(), qPrintable(filed.error));
    m_filingNumber = filed.filingNumber;
    m_bindingId = BindingStore(db.connection()).byFiling(filed.filingId).first().id;

    KinshipDraft kinship;
    kinship.holderIdType = kinship.memberIdType = QStringLiteral("01");
    kinship.holderIdNumber = m_holder2.idNumber;
    kinship.memberIdNumber = m_member2.idNumber;
    kinship.relationship = QStringLiteral("child");
    kinship.faceVerified = true;
    kinship.filedOn = QDate::currentDate();
    kinship.clerk = supervisor;
    const KinshipSubmission::Result bound = KinshipSubmission(db.connection()).submit(kinship);
    QVERIFY2(bound.stored(), qPrintable(bound.error));
    m_kinshipId = bound.bindingId;
}

Attempt TestRoles::perform(TestDatabase &db, const QString &mutation, const QString &actor)
{
    const QString c = db.connection();
    const auto rules = [](const RuleSetChange::Result &r) { return Attempt::of(r); };
    const auto accounts = [](const ClerkAccounts::Result &r) { return Attempt::of(r); };
    const auto registry = [](const RegistryImport::Result &r) { return Attempt::of(r); };
    const auto revocation = [](const BindingRevocation::Result &r) { return Attempt::of(r); };
    RuleSet edited = *RuleSetStore(c).findById(m_ruleSetId);

    if (mutation == QLatin1String("rules add")) {
        RuleSet other = jiangsu();
        other.region = QStringLiteral("320100");
        return rules(RuleSetChange(c).add(other, actor));
    }
    if (mutation == QLatin1String("rules import")) {
        RuleSet other = jiangsu();
        other.region = QStringLiteral("320200");
        const QByteArray json = QJsonDocument(QJsonArray{other.toJson()}).toJson();
        return Attempt::of(RuleSetExchange(c).importJson(json, actor, false));
    }
    if (mutation == QLatin1String("rules new version")) {
        edited.effectiveFrom = QDate(2026, 7, 1);
        return rules(RuleSetChange(c).newVersion(m_ruleSetId, edited, actor));
    }
    if (mutation == QLatin1String("rules update")) {
        edited.title = QStringLiteral("江苏：改");
        return rules(RuleSetChange(c).update(edited, actor));
    }
    if (mutation == QLatin1String("rules remove"))
        return rules(RuleSetChange(c).remove(m_ruleSetId, actor));
    if (mutation == QLatin1String("registry store")) {
        Person p = m_son;
        p.id = 0;
        p.idNumber = TestDatabase::residentId("330102", QDate(2001, 1, 1), 91);
        p.name = QStringLiteral("新人");
        return registry(RegistryImport(c).store({p}, actor, QStringLiteral("test")));
    }
    if (mutation == QLatin1String("registry import file"))
        return registry(RegistryImport(c).importFile(QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"), actor));
    if (mutation == QLatin1String("account add"))
        return accounts(ClerkAccounts(c).add(actor, "qianqi", "钱七", ClerkRole::Clerk, "password-7"));
    if (mutation == QLatin1String("account disable"))
        return accounts(ClerkAccounts(c).setActive(actor, "wangwu", false));
    if (mutation == QLatin1String("account enable"))
        return accounts(ClerkAccounts(c).setActive(actor, "lisi", true));
    if (mutation == QLatin1String("account reset password"))
        return accounts(ClerkAccounts(c).resetPassword(actor, "wangwu", "fresh-password-8"));
    if (mutation == QLatin1String("account unlock"))
        return accounts(ClerkAccounts(c).unlock(actor, "wangwu"));
    if (mutation == QLatin1String("account list")) {
        QString error;
        const QList<ClerkAccount> list = ClerkAccounts(c).list(actor, &error);
        return Attempt{!list.isEmpty(), error};
    }

    if (mutation == QLatin1String("filing")) {
        const FilingDraft d = TestDatabase::childFiling(m_father, m_son, actor);
        const SubmissionResult r = FilingSubmission(c).submit(d);
        return Attempt::of(r);
    }
    if (mutation == QLatin1String("revocation"))
        return revocation(BindingRevocation(c).revoke(m_bindingId, EndRequester::Authorizer, "本人申请", actor));
    if (mutation == QLatin1String("kinship binding")) {
        const KinshipSubmission::Result r = KinshipSubmission(c).submit(
            TestDatabase::kinshipDraft(m_holder, m_member, QStringLiteral("child"), actor));
        return Attempt::of(r);
    }
    if (mutation == QLatin1String("kinship revocation"))
        return revocation(BindingRevocation(c).revokeKinship(m_kinshipId, EndRequester::Holder, "本人申请", actor));
    if (mutation == QLatin1String("print record")) {
        QString error;
        const PrintStamp stamp = PrintRecord(c).record(PrintRecord::Document::Filing, m_filingNumber, actor,
                                                       QStringLiteral("pdf"), &error);
        return Attempt{stamp.copy > 0, error};
    }
    if (mutation == QLatin1String("id reveal")) {
        const IdReveal::Result r = IdReveal(c).reveal(actor, m_son.id, QStringLiteral("compare with the ID card"));
        Attempt attempt = Attempt::of(r);
        attempt.ok = r.ok && r.idNumber == m_son.idNumber;
        return attempt;
    }
    return Attempt{false, QStringLiteral("unknown mutation in the test: ") + mutation};
}

void TestRoles::supervisorOnly_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("allowed");
    const QStringList mutations = {"rules add",       "rules import",   "rules new version",      "rules update",
                                   "rules remove",    "registry store", "registry import file",   "account add",
                                   "account disable", "account enable", "account reset password", "account unlock",
                                   "account list"};
    for (const QString &mutation : mutations) {
        QTest::addRow("%s by the clerk tester", qPrintable(mutation)) << mutation << "tester" << false;
        QTest::addRow("%s by an unknown login", qPrintable(mutation)) << mutation << "mallory" << false;
        QTest::addRow("%s by a disabled supervisor", qPrintable(mutation)) << mutation << "zhaoliu" << false;
        QTest::addRow("%s by the supervisor", qPrintable(mutation)) << mutation << "supervisor" << true;
    }
}

void TestRoles::supervisorOnly()
{
    QFETCH(QString, mutation);
    QFETCH(QString, actor);
    QFETCH(bool, allowed);
    TestDatabase db;
    prepare(db);
    const QMap<QString, QByteArray> before = snapshot(db.connection());
    QVERIFY(!before.isEmpty());
    const QString refusal = RoleCheck(db.connection()).refusal(actor, ClerkRole::Supervisor);
    const Attempt outcome = perform(db, mutation, actor);
    QVERIFY2(outcome.ok == allowed, qPrintable(outcome.error));
    if (allowed) {
        QVERIFY(refusal.isEmpty());
        if (mutation != QLatin1String("account list"))
            QVERIFY(snapshot(db.connection()) != before);
        return;
    }
    // Refused with RoleCheck's message, which says what to do, and nothing written.
    QVERIFY(!refusal.isEmpty());
    QCOMPARE(outcome.error, refusal);
    if (outcome.failure)
        QCOMPARE(*outcome.failure, FailureKind::NotAllowed); // the CLI's exit code 4, not 1
    QCOMPARE(snapshot(db.connection()), before);
}

void TestRoles::clerkMutations_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("allowed");
    const QStringList mutations
        = {"filing", "revocation", "kinship binding", "kinship revocation", "print record", "id reveal"};
    for (const QString &mutation : mutations) {
        QTest::addRow("%s by an unknown login", qPrintable(mutation)) << mutation << "mallory" << false;
        QTest::addRow("%s by a disabled clerk", qPrintable(mutation)) << mutation << "lisi" << false;
        QTest::addRow("%s with no login", qPrintable(mutation)) << mutation << "" << false;
        QTest::addRow("%s by the clerk tester", qPrintable(mutation)) << mutation << "tester" << true;
        QTest::addRow("%s by the supervisor", qPrintable(mutation)) << mutation << "supervisor" << true;
    }
}

void TestRoles::clerkMutations()
{
    QFETCH(QString, mutation);
    QFETCH(QString, actor);
    QFETCH(bool, allowed);
    TestDatabase db;
    prepare(db);
    const QMap<QString, QByteArray> before = snapshot(db.connection());
    const Attempt outcome = perform(db, mutation, actor);
    QVERIFY2(outcome.ok == allowed, qPrintable(outcome.error));
    if (allowed) {
        QVERIFY(snapshot(db.connection()).value(QStringLiteral("audit_log"))
                != before.value(QStringLiteral("audit_log")));
        return;
    }
    QVERIFY(!outcome.error.isEmpty());
    // No login at all: filings and kinship bindings say so before their transaction, in their own words.
    if (!actor.isEmpty() || (mutation != QLatin1String("kinship binding") && mutation != QLatin1String("filing"))) {
        QCOMPARE(outcome.error, RoleCheck(db.connection()).refusal(actor, ClerkRole::Clerk));
        if (outcome.failure)
            QCOMPARE(*outcome.failure, FailureKind::NotAllowed);
    }
    QCOMPARE(snapshot(db.connection()), before);
}

void TestRoles::databaseCopyNeedsASupervisorOfTheSource_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("clerk") << "tester" << false;
    QTest::newRow("unknown login") << "mallory" << false;
    QTest::newRow("disabled supervisor") << "zhaoliu" << false;
    QTest::newRow("supervisor") << "supervisor" << true;
}

void TestRoles::databaseCopyNeedsASupervisorOfTheSource()
{
    QFETCH(QString, actor);
    QFETCH(bool, allowed);
    TestDatabase source(QStringLiteral("source"));
    prepare(source);
    TestDatabase target(QStringLiteral("target"), TestDatabase::Accounts::None,
                        TestDatabase::Role::Owner); // copy-to runs as the owner
    QVERIFY(target.isOpen());
    const QMap<QString, QByteArray> sourceBefore = snapshot(source.connection());
    const QMap<QString, QByteArray> targetBefore = snapshot(target.connection());
    const DatabaseCopy::Result result = DatabaseCopy::copy(source.connection(), target.connection(), actor);
    QCOMPARE(result.ok, allowed);
    QCOMPARE(snapshot(source.connection()), sourceBefore);
    if (allowed) {
        QCOMPARE(ClerkStore(target.connection()).all().size(), ClerkStore(source.connection()).all().size());
        return;
    }
    QCOMPARE(result.failure, FailureKind::NotAllowed);
    QCOMPARE(result.error, RoleCheck(source.connection()).refusal(actor, ClerkRole::Supervisor));
    QCOMPARE(snapshot(target.connection()), targetBefore);
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
