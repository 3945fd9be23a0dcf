// Kinship accounts (亲情账户, docs/domain.md §8): one data row per refusal code, storage and revocation.
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/BindingRevocation.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/storage/AuditLog.h"
#include "model/storage/KinshipStore.h"

using namespace gongji;

class TestKinship : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void codes_data();
    void codes();
    void memberMayHaveSeveralHolders();
    void storedAuditedAndRevocable();
    void noInsuranceEligibility();

private:
    KinshipDraft draft(const QString &holder, const QString &member) const;
    std::unique_ptr<TestDatabase> m_db;
    QHash<QString, Person> m_people;
};

void TestKinship::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_people.clear();
    const QDate today = QDate::currentDate();
    auto add = [this](const QString &key, const QString &name, const QDate &birth, int seq, const QString &insurance) {
        m_people.insert(key, m_db->addPerson(name, TestDatabase::residentId("330102", birth, seq), insurance));
    };
    add("holder", "王建国", QDate(1970, 3, 15), 11, "390"); // a resident may hold a kinship account
    add("adult", "王小明", QDate(2000, 9, 1), 31, "390");
    add("child", "王小宝", today.addYears(-10), 41, "390");
    add("just16", "王十六", today.addYears(-16), 51, "390");
    add("almost16", "王十五", today.addYears(-16).addDays(1), 61, "390");
    add("full", "李满", QDate(1960, 1, 1), 71, "310");
    for (int i = 0; i < 5; ++i)
        add(QStringLiteral("m%1").arg(i), QStringLiteral("成员%1").arg(i), QDate(1990 + i, 1, 1), 81 + i, "390");
    for (int i = 0; i < 5; ++i) {
        KinshipDraft d = draft("full", QStringLiteral("m%1").arg(i));
        QVERIFY(KinshipSubmission(m_db->connection()).submit(d).stored());
    }
    QVERIFY(KinshipSubmission(m_db->connection()).submit(draft("holder", "adult")).stored());
}

void TestKinship::cleanup() { m_db.reset(); }

KinshipDraft TestKinship::draft(const QString &holder, const QString &member) const
{
    KinshipDraft d;
    d.holderIdType = QStringLiteral("01");
    d.holderIdNumber = m_people.value(holder).idNumber;
    d.memberIdType = QStringLiteral("01");
    d.memberIdNumber = m_people.value(member).idNumber;
    d.memberName = m_people.value(member).name;
    d.relationship = QStringLiteral("child");
    d.faceVerified = true;
    d.householdRegisterSeen = true;
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    return d;
}

void TestKinship::codes_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("member"); // fixture key, or "TYPE:NUMBER"
    QTest::addColumn<QString>("memberName"); // empty: as registered
    QTest::addColumn<bool>("face");
    QTest::addColumn<bool>("householdRegister");
    QTest::addColumn<QStringList>("codes");

    const QString unknown = TestDatabase::residentId("330102", QDate(1991, 1, 1), 5);
    QString wrongCheck = unknown.left(17) + (unknown.endsWith('1') ? "2" : "1");
    QTest::newRow("accepted adult with face verification") << "holder"
                                                           << "full"
                                                           << "" << true << false << QStringList();
    QTest::newRow("accepted child with household register") << "holder"
                                                            << "child"
                                                            << "" << false << true << QStringList();
    QTest::newRow("ID_FORMAT_INVALID") << "holder"
                                       << "01:1234"
                                       << "" << true << true << QStringList{"ID_FORMAT_INVALID"};
    QTest::newRow("ID_CHECKSUM_INVALID") << "holder"
                                         << "01:" + wrongCheck << "" << true << true
                                         << QStringList{"ID_CHECKSUM_INVALID"};
    QTest::newRow("ID_TYPE_NOT_ACCEPTED") << "holder"
                                          << "99:AB123456"
                                          << "" << true << true << QStringList{"ID_TYPE_NOT_ACCEPTED"};
    QTest::newRow("PERSON_NOT_FOUND") << "holder"
                                      << "01:" + unknown << "" << true << true << QStringList{"PERSON_NOT_FOUND"};
    QTest::newRow("NAME_MISMATCH") << "holder"
                                   << "full"
                                   << "李慢" << true << true << QStringList{"NAME_MISMATCH"};
    QTest::newRow("SELF_BINDING") << "holder"
                                  << "holder"
                                  << "" << true << true << QStringList{"SELF_BINDING"};
    QTest::newRow("ALREADY_BOUND") << "holder"
                                   << "adult"
                                   << "" << true << true << QStringList{"ALREADY_BOUND"};
    QTest::newRow("HOLDER_MEMBER_LIMIT") << "full"
                                         << "adult"
                                         << "" << true << true << QStringList{"HOLDER_MEMBER_LIMIT"};
    QTest::newRow("FACE_VERIFICATION_REQUIRED at 16")
        << "holder"
        << "just16"
        << "" << false << true << QStringList{"FACE_VERIFICATION_REQUIRED"};
    QTest::newRow("HOUSEHOLD_REGISTER_REQUIRED a day before 16")
        << "holder"
        << "almost16"
        << "" << true << false << QStringList{"HOUSEHOLD_REGISTER_REQUIRED"};
    QTest::newRow("several at once") << "full"
                                     << "just16"
                                     << "王十七" << false << false
                                     << QStringList{"NAME_MISMATCH", "HOLDER_MEMBER_LIMIT",
                                                    "FACE_VERIFICATION_REQUIRED"};
}

void TestKinship::codes()
{
    QFETCH(QString, holder);
    QFETCH(QString, member);
    QFETCH(QString, memberName);
    QFETCH(bool, face);
    QFETCH(bool, householdRegister);
    QFETCH(QStringList, codes);
    KinshipDraft d = draft(holder, member.contains(':') ? QStringLiteral("holder") : member);
    if (member.contains(':')) {
        d.memberIdType = member.section(':', 0, 0);
        d.memberIdNumber = member.section(':', 1);
        d.memberName.clear();
    }
    if (!memberName.isEmpty())
        d.memberName = memberName;
    d.faceVerified = face;
    d.householdRegisterSeen = householdRegister;
    const KinshipVerdict verdict = KinshipEvaluator(m_db->connection()).evaluate(d);
    std::sort(codes.begin(), codes.end(),
              [](const QString &a, const QString &b) { return RefusalCodes::fromName(a) < RefusalCodes::fromName(b); });
    QCOMPARE(refusalNames(verdict.findings), codes);
}

void TestKinship::memberMayHaveSeveralHolders()
{
    // 王小明 is already in 王建国's account; 李满's account is full, so use another holder.
    KinshipDraft d = draft("child", "adult"); // a child may hold an account too: no eligibility
    QVERIFY(KinshipSubmission(m_db->connection()).submit(d).stored());
    QCOMPARE(KinshipStore(m_db->connection()).activeByMember(m_people.value("adult").id).size(), 2);
}

void TestKinship::storedAuditedAndRevocable()
{
    const qint64 auditBefore = AuditLog(m_db->connection()).count();
    const KinshipSubmission::Result stored = KinshipSubmission(m_db->connection()).submit(draft("holder", "full"));
    QVERIFY(stored.stored());
    QVERIFY(stored.number.startsWith(QStringLiteral("QQ")));
    QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore + 1);
    BindingRevocation revocation(m_db->connection());
    QVERIFY(!revocation.revokeKinship(stored.bindingId, EndRequester::Authorizer, "wrong word", "tester")
                 .ok); // holder/member only
    QVERIFY(!revocation.revokeKinship(stored.bindingId, EndRequester::Member, "  ", "tester").ok); // reason required
    QVERIFY(revocation.revokeKinship(stored.bindingId, EndRequester::Member, "不再需要", "tester").ok);
    const BindingRevocation::Result twice
        = revocation.revokeKinship(stored.bindingId, EndRequester::Member, "again", "tester");
    QVERIFY(!twice.ok);
    QVERIFY(twice.error.contains(QStringLiteral("not active")));
    const std::optional<KinshipBinding> ended = KinshipStore(m_db->connection()).findById(stored.bindingId);
    QCOMPARE(ended->status, BindingStatus::Ended);
    QCOMPARE(ended->endRequestedBy, EndRequester::Member);
    QCOMPARE(ended->endReason, QStringLiteral("不再需要"));
    QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore + 2);
    // Ended, the pair may be bound again.
    QVERIFY(KinshipSubmission(m_db->connection()).submit(draft("holder", "full")).stored());
}

void TestKinship::noInsuranceEligibility()
{
    // Unlike mutual aid, a resident (390) holder is fine: the accepted rows above use one.
    QCOMPARE(m_people.value("holder").insuranceType, QStringLiteral("390"));
    QVERIFY(!KinshipEvaluator(m_db->connection()).evaluate(draft("holder", "full")).refused());
}

QTEST_GUILESS_MAIN(TestKinship)
#include "tst_kinship.moc"
