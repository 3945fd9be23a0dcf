// The audit trail: every action writes its entry (who, what, on which record), and no entry
// holds a full ID number or a password. (That the database rejects UPDATE and DELETE on the log
// is proven by tst_storage::auditLogIsAppendOnly.)
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/IdReveal.h"
#include "model/accounts/SignIn.h"
#include "model/domain/IdNumber.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/printing/PrintRecord.h"
#include "model/registry/RegistryImport.h"
#include "model/rules/RuleSetChange.h"
#include "model/storage/BindingStore.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

struct Entry
{
    QString actor, action, subject;
    QJsonObject detail;
};

QList<Entry> entriesAfter(const QString &connection, qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.prepare(QStringLiteral("SELECT actor, action, subject, detail FROM audit_log WHERE id > :id ORDER BY id"));
    q.bindValue(QStringLiteral(":id"), id);
    QList<Entry> entries;
    if (!q.exec())
        return entries;
    while (q.next())
        entries.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
    return entries;
}

qint64 lastId(const QString &connection)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    return q.exec(QStringLiteral("SELECT MAX(id) FROM audit_log")) && q.next() ? q.value(0).toLongLong() : 0;
}

QStringList passwords()
{
    return {QString::fromLatin1(TestDatabase::password), QStringLiteral("wrong-password-9"),
            QStringLiteral("fresh-password-8"), QStringLiteral("new-password-7"), QStringLiteral("password-6")};
}

} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void eachActionIsAudited_data();
    void eachActionIsAudited();

private:
    // Does `action`; returns the entries it must write, as (actor, action, subject).
    QList<Entry> perform(const QString &action);

    std::unique_ptr<TestDatabase> m_db;
    Person m_father, m_mother, m_son, m_daughter, m_holder, m_member;
    qint64 m_ruleSetId = 0;
    qint64 m_bindingId = 0;
    QString m_filingNumber;
    qint64 m_kinshipId = 0;
    QString m_kinshipNumber;
};

void TestAuditTrail::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    const QString c = m_db->connection();
    m_father = m_db->addPerson("王建国", TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = m_db->addPerson("李秀英", TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = m_db->addPerson("王小明", TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    m_daughter = m_db->addPerson("王小红", TestDatabase::residentId("330102", QDate(2003, 4, 1), 42), "390");
    m_holder = m_db->addPerson("陈大山", TestDatabase::residentId("330102", QDate(1968, 2, 2), 51), "390");
    m_member = m_db->addPerson("陈小山", TestDatabase::residentId("330102", QDate(1995, 5, 5), 61), "390");

    RuleSet set = RuleSetStore::shippedDefaults().at(1);
    set.region = QStringLiteral("320000");
    set.effectiveFrom = QDate(2025, 1, 1);
    set.effectiveTo = QDate();
    const RuleSetChange::Result rules = RuleSetChange(c).add(set, TestDatabase::supervisor);
    QVERIFY(rules.ok);
    m_ruleSetId = rules.id;

    const FilingDraft filing = TestDatabase::childFiling(m_mother, m_daughter, TestDatabase::clerk);
    const SubmissionResult filed = FilingSubmission(c).submit(filing);
    QVERIFY2(filed.stored(), qPrintable(filed.error));
    m_filingNumber = filed.filingNumber;
    m_bindingId = BindingStore(c).byFiling(filed.filingId).first().id;

    KinshipDraft kinship;
    kinship.holderIdType = kinship.memberIdType = QStringLiteral("01");
    kinship.holderIdNumber = m_father.idNumber;
    kinship.memberIdNumber = m_son.idNumber;
    kinship.relationship = QStringLiteral("child");
    kinship.faceVerified = true;
    kinship.filedOn = QDate::currentDate();
    kinship.clerk = TestDatabase::clerk;
    const KinshipSubmission::Result bound = KinshipSubmission(c).submit(kinship);
    QVERIFY2(bound.stored(), qPrintable(bound.error));
    m_kinshipId = bound.bindingId;
    m_kinshipNumber = bound.number;

    QVERIFY(ClerkAccounts(c).add(TestDatabase::supervisor, "lisi", "李四", ClerkRole::Clerk, "password-6").ok);
}

void TestAuditTrail::cleanup() { m_db.reset(); }

QList<Entry> TestAuditTrail::perform(const QString &action)
{
    const QString c = m_db->connection();
    const QString tester = TestDatabase::clerk;
    const QString supervisor = TestDatabase::supervisor;
    if (action == QLatin1String("sign_in")) {
        if (!SignIn(c).signIn(tester, TestDatabase::password).ok)
            return {};
        return {{tester, action, tester, {}}};
    }
    if (action == QLatin1String("sign_in_failed")) {
        if (SignIn(c).signIn(tester, "wrong-password-9").ok)
            return {};
        return {{tester, action, tester, {}}};
    }
    if (action == QLatin1String("filing")) {
        const FilingDraft d = TestDatabase::childFiling(m_father, m_son, tester);
        const SubmissionResult r = FilingSubmission(c).submit(d);
        if (!r.stored())
            return {};
        return {{tester, action, r.filingNumber, {}}};
    }
    if (action == QLatin1String("revocation")) {
        // A reason typed with the citizen's number in it: the log keeps it masked.
        const QString reason = QStringLiteral("本人申请 ") + m_mother.idNumber;
        if (!BindingRevocation(c).revoke(m_bindingId, EndRequester::Authorizer, reason, tester).ok)
            return {};
        return {{tester, action, QString::number(m_bindingId), {}}};
    }
    if (action == QLatin1String("kinship_binding")) {
        const KinshipSubmission::Result r = KinshipSubmission(c).submit(
            TestDatabase::kinshipDraft(m_holder, m_member, QStringLiteral("child"), tester));
        if (!r.stored())
            return {};
        return {{tester, action, r.number, {}}};
    }
    if (action == QLatin1String("kinship_revocation")) {
        if (!BindingRevocation(c).revokeKinship(m_kinshipId, EndRequester::Holder, "不再需要", tester).ok)
            return {};
        return {{tester, action, m_kinshipNumber, {}}};
    }
    if (action == QLatin1String("print")) {
        if (PrintRecord(c).record(PrintRecord::Document::Filing, m_filingNumber, tester, "pdf").copy != 1)
            return {};
        return {{tester, action, m_filingNumber, {}}};
    }
    if (action == QLatin1String("id_reveal")) {
        const IdReveal::Result r = IdReveal(c).reveal(tester, m_son.id, QStringLiteral("核对身份证 ") + m_son.idNumber);
        if (!r.ok || r.idNumber != m_son.idNumber)
            return {};
        return {{tester, action, QString::number(m_son.id),
                 QJsonObject{{QStringLiteral("masked"), IdNumber::mask(m_son.idNumber)},
                             {QStringLiteral("purpose"),
                              QString(QStringLiteral("核对身份证 ") + IdNumber::mask(m_son.idNumber))}}}};
    }
    RuleSet stored = *RuleSetStore(c).findById(m_ruleSetId);
    if (action == QLatin1String("rules_add")) {
        RuleSet other = stored;
        other.region = QStringLiteral("320100");
        const RuleSetChange::Result r = RuleSetChange(c).add(other, supervisor);
        return r.ok ? QList<Entry>{{supervisor, action, QString::number(r.id), {}}} : QList<Entry>{};
    }
    if (action == QLatin1String("rules_new_version")) {
        stored.effectiveFrom = QDate(2026, 7, 1);
        const RuleSetChange::Result r = RuleSetChange(c).newVersion(m_ruleSetId, stored, supervisor);
        return r.ok ? QList<Entry>{{supervisor, action, QString::number(r.id), {}}} : QList<Entry>{};
    }
    if (action == QLatin1String("rules_update")) {
        stored.title = QStringLiteral("江苏：改");
        const RuleSetChange::Result r = RuleSetChange(c).update(stored, supervisor);
        return r.ok ? QList<Entry>{{supervisor, action, QString::number(m_ruleSetId), {}}} : QList<Entry>{};
    }
    if (action == QLatin1String("rules_remove")) {
        const RuleSetChange::Result r = RuleSetChange(c).remove(m_ruleSetId, supervisor);
        return r.ok ? QList<Entry>{{supervisor, action, QString::number(m_ruleSetId), {}}} : QList<Entry>{};
    }
    if (action == QLatin1String("registry_import")) {
        const RegistryImport::Result r
            = RegistryImport(c).importFile(QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"), supervisor);
        return r.ok ? QList<Entry>{{supervisor, action, QStringLiteral("registry-good.csv"), {}}} : QList<Entry>{};
    }
    const auto account = [&](const ClerkAccounts::Result &r, const QString &actor, const QString &subject) {
        return r.ok ? QList<Entry>{{actor, action, subject, {}}} : QList<Entry>{};
    };
    ClerkAccounts accounts(c);
    if (action == QLatin1String("account_add"))
        return account(accounts.add(supervisor, "qianqi", "钱七", ClerkRole::Clerk, "new-password-7"), supervisor,
                       "qianqi");
    if (action == QLatin1String("account_disable"))
        return account(accounts.setActive(supervisor, "lisi", false), supervisor, "lisi");
    if (action == QLatin1String("account_enable")) {
        if (!accounts.setActive(supervisor, "lisi", false).ok)
            return {};
        return {{supervisor, QStringLiteral("account_disable"), "lisi", {}},
                account(accounts.setActive(supervisor, "lisi", true), supervisor, "lisi").value(0)};
    }
    if (action == QLatin1String("account_reset_password"))
        return account(accounts.resetPassword(supervisor, "lisi", "fresh-password-8"), supervisor, "lisi");
    if (action == QLatin1String("account_unlock")) {
        for (int i = 0; i < SignIn::maxFailures; ++i)
            SignIn(c).signIn("lisi", "wrong-password-9");
        QList<Entry> expected;
        for (int i = 0; i < SignIn::maxFailures; ++i)
            expected.append({"lisi", QStringLiteral("sign_in_failed"), "lisi", {}});
        return expected + account(accounts.unlock(supervisor, "lisi"), supervisor, "lisi");
    }
    if (action == QLatin1String("password_change"))
        return account(accounts.changeOwnPassword(tester, TestDatabase::password, "new-password-7"), tester, tester);
    return {};
}

void TestAuditTrail::eachActionIsAudited_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"sign_in", "sign_in_failed", "filing", "revocation", "kinship_binding",
                               "kinship_revocation", "print", "id_reveal", "rules_add", "rules_new_version",
                               "rules_update", "rules_remove", "registry_import", "account_add", "account_disable",
                               "account_enable", "account_reset_password", "account_unlock", "password_change"})
        QTest::newRow(action) << QString::fromLatin1(action);
}

void TestAuditTrail::eachActionIsAudited()
{
    QFETCH(QString, action);
    const QString c = m_db->connection();
    const qint64 before = lastId(c);
    const QList<Entry> expected = perform(action);
    QVERIFY2(!expected.isEmpty(), "the action itself failed");
    const QList<Entry> written = entriesAfter(c, before);
    QCOMPARE(written.size(), expected.size());
    for (int i = 0; i < written.size(); ++i) {
        QCOMPARE(written.at(i).actor, expected.at(i).actor);
        QCOMPARE(written.at(i).action, expected.at(i).action);
        QCOMPARE(written.at(i).subject, expected.at(i).subject);
        for (auto it = expected.at(i).detail.begin(); it != expected.at(i).detail.end(); ++it)
            QCOMPARE(written.at(i).detail.value(it.key()), it.value());
    }

    // No full ID number of anyone in the registry, nor anything shaped like one, nor a password.
    QStringList numbers;
    QSqlQuery q(QSqlDatabase::database(c));
    QVERIFY(q.exec(QStringLiteral("SELECT id_number FROM person")));
    while (q.next())
        numbers << q.value(0).toString();
    QVERIFY(numbers.size() >= 6);
    static const QRegularExpression idShaped(QStringLiteral("[0-9]{17}[0-9Xx]"));
    QVERIFY(q.exec(QStringLiteral("SELECT subject, detail FROM audit_log")));
    while (q.next()) {
        const QString text = q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
        for (const QString &number : numbers)
            QVERIFY2(!text.contains(number), qPrintable(QStringLiteral("full ID number in the log: ") + text));
        QVERIFY2(!idShaped.match(text).hasMatch(), qPrintable(text));
        for (const QString &password : passwords())
            QVERIFY2(!text.contains(password), qPrintable(QStringLiteral("password in the log: ") + text));
        QVERIFY(!text.contains(QStringLiteral("$argon2")));
    }
}

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
