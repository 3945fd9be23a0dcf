// A person's household on a real database: both kinds of binding in both directions, history,
// revocation racing a new filing from another connection, automatic ends.
#include <QtTest>
#include <thread>

#include "TestDatabase.h"
#include "model/domain/MutualAidBinding.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/registry/AutomaticBindingEnds.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/JournalStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;
using Kind = HouseholdBinding::Kind;
using Direction = HouseholdBinding::Direction;

class TestHousehold : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyKindAndDirection();
    void historyKeepsWhoWhenWhy();
    void revocationRacesNewFiling();
    void deceasedEndsEverything();
    void movingOutOfScopeEndsMutualAidOnly();
    void movingWithinScopeKeepsBindings();
    void oneStatementGivesTheSameHousehold_data();
    void oneStatementGivesTheSameHousehold();

private:
    FilingDraft draft(const Person &authorizer, const Person &target, const QString &relationship) const;
    std::unique_ptr<TestDatabase> m_db;
    Person m_father, m_mother, m_son, m_grandma;
};

void TestHousehold::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    // 南京 (national rules: nationwide from 2026-01-09) with a 30-day cooldown made for this test.
    RuleSet local = RuleSetStore::shippedDefaults().at(1);
    local.region = QStringLiteral("320000");
    local.effectiveFrom = QDate(2025, 1, 1);
    local.scope = QStringLiteral("same_province");
    local.cooldownDays = 30;
    {
        WriteTransaction t(m_db->connection());
        RuleSetStore(m_db->connection()).insert(local);
        t.commit();
    }
    m_father = m_db->addPerson("王建国", TestDatabase::residentId("320102", QDate(1970, 3, 15), 11), "310", "320100");
    m_mother = m_db->addPerson("李秀英", TestDatabase::residentId("320102", QDate(1972, 6, 20), 22), "310", "320100");
    m_son = m_db->addPerson("王小明", TestDatabase::residentId("320102", QDate(2000, 9, 1), 31), "390", "320100");
    m_grandma = m_db->addPerson("张桂兰", TestDatabase::residentId("320102", QDate(1945, 2, 2), 42), "390", "320100");
    FilingSubmission submission(m_db->connection());
    QVERIFY(submission.submit(draft(m_father, m_son, "child")).stored());
    QVERIFY(submission.submit(draft(m_mother, m_son, "child")).stored());
    QVERIFY(submission.submit(draft(m_son, m_father, "parent")).status
            == SubmissionResult::Status::Refused); // resident
    QVERIFY(submission.submit(draft(m_father, m_grandma, "parent")).stored());
    KinshipDraft kinship;
    kinship.holderIdType = kinship.memberIdType = QStringLiteral("01");
    kinship.holderIdNumber = m_son.idNumber;
    kinship.memberIdNumber = m_grandma.idNumber;
    kinship.relationship = QStringLiteral("grandparent");
    kinship.faceVerified = true;
    kinship.filedOn = QDate::currentDate();
    kinship.clerk = QStringLiteral("tester");
    QVERIFY(KinshipSubmission(m_db->connection()).submit(kinship).stored());
}

void TestHousehold::cleanup() { m_db.reset(); }

FilingDraft TestHousehold::draft(const Person &authorizer, const Person &target, const QString &relationship) const
{
    FilingDraft d;
    d.authorizerIdType = authorizer.idType;
    d.authorizerIdNumber = authorizer.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test");
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    d.targets.append(TargetEntry{relationship, target.idType, target.idNumber, target.name, {}, false});
    return d;
}

namespace {

// Every field of a household, for comparing two readings of it.
QStringList fieldsOf(const Household &household)
{
    const auto person = [](const Person &p) {
        return QStringList{QString::number(p.id),
                           p.name,
                           p.idType,
                           p.idNumber,
                           QString(p.sex),
                           p.birthDate.toString(Qt::ISODate),
                           p.insuranceType,
                           p.employment,
                           p.status,
                           p.poolingRegion,
                           QString::number(p.balanceFen),
                           QString::number(p.publicMedical)}
            .join(QLatin1Char('|'));
    };
    QStringList fields{person(household.person)};
    for (const HouseholdBinding &b : household.bindings)
        fields << QStringList{HouseholdBinding::directionKeyword(b.kind, b.direction),
                              QString::number(b.bindingId),
                              person(b.counterpart),
                              b.relationship,
                              BindingStatuses::keyword(b.status),
                              b.startedAt.toString(Qt::ISODateWithMs),
                              b.endedAt.toString(Qt::ISODateWithMs),
                              b.endedBy,
                              b.endRequestedBy ? EndRequesters::keyword(*b.endRequestedBy) : QString(),
                              b.endReason,
                              b.number,
                              b.validUntil.toString(Qt::ISODate),
                              b.quotaFen ? QString::number(*b.quotaFen) : QStringLiteral("-"),
                              b.handover,
                              b.handoverReason}
                      .join(QLatin1Char('|'));
    return fields;
}

} // namespace

void TestHousehold::oneStatementGivesTheSameHousehold_data()
{
    QTest::addColumn<int>("who");
    // revoked: the mother's binding to the son ended first (history too). answered: the
    // platform's receipts for the journal lines (accepted, rejected with a reason, some still
    // waiting). period: the father's binding to the son has a period and a quota, read on the day
    // after its last day (ended by expiry before any program stored it).
    QTest::addColumn<QString>("state");
    const char *names[] = {"father", "mother", "son", "grandma"};
    for (int who = 0; who < 4; ++who)
        for (const char *state : {"as filed", "revoked", "answered", "period"})
            QTest::addRow("%s %s", names[who], state) << who << QString::fromLatin1(state);
}

// The household statement (one round trip) gives exactly what the person statement and the four
// binding statements give, in the same order, on either engine.
void TestHousehold::oneStatementGivesTheSameHousehold()
{
    QFETCH(int, who);
    QFETCH(QString, state);
    const QString connection = m_db->connection();
    QDate on = QDate::currentDate();
    const qint64 fatherToSon = BindingStore(connection).activeByAuthorizer(m_father.id).first().id;
    if (state == QLatin1String("revoked")) {
        const qint64 id = BindingStore(connection).activeByAuthorizer(m_mother.id).first().id;
        QVERIFY(BindingRevocation(connection).revoke(id, EndRequester::Target, "改由父亲共济", "tester").ok);
    } else if (state == QLatin1String("answered")) {
        JournalStore journal(connection);
        QList<qint64> seqs;
        journal.forEachAfter(0, [&](qint64 seq, const QString &) { seqs.append(seq); });
        QVERIFY(seqs.size() >= 3);
        WriteTransaction t(connection);
        for (qint64 seq : seqs) {
            if (seq % 3 == 1)
                journal.insertReceipt({seq, QStringLiteral("accepted"), {}}, QDateTime::currentDateTimeUtc(), "tester");
            else if (seq % 3 == 2)
                journal.insertReceipt({seq, QStringLiteral("rejected"), QStringLiteral("关系证明不全")},
                                      QDateTime::currentDateTimeUtc(), "tester");
        }
        t.commit();
    } else if (state == QLatin1String("period")) {
        on = on.addDays(11);
        SqlStatement(connection,
                     QStringLiteral("UPDATE binding SET valid_until = :until, quota_fen = 50000 WHERE id = :id"))
            .bind(QStringLiteral(":until"), QDate::currentDate().addDays(10).toString(Qt::ISODate))
            .bind(QStringLiteral(":id"), fatherToSon)
            .exec();
    }
    const Person person = QList<Person>{m_father, m_mother, m_son, m_grandma}.at(who);
    HouseholdStore households(connection);
    const std::optional<Person> stored = PersonStore(connection).findByDocument(person.idType, person.idNumber);
    QVERIFY(stored);
    const Household before{*stored, households.bindingsOf(stored->id, on)};
    QVERIFY(!before.bindings.isEmpty());
    const std::optional<Household> byDocument = households.findByDocument(person.idType, person.idNumber, on);
    QVERIFY(byDocument);
    QCOMPARE(fieldsOf(*byDocument), fieldsOf(before));
    const std::optional<Household> byId = households.findById(stored->id, on);
    QVERIFY(byId);
    QCOMPARE(fieldsOf(*byId), fieldsOf(before));

    // What the state shows, read by the one statement.
    QSet<QString> handovers;
    for (const HouseholdBinding &b : byId->bindings) {
        handovers.insert(b.handover);
        if (b.handover == QLatin1String("rejected"))
            QCOMPARE(b.handoverReason, QStringLiteral("关系证明不全"));
        else
            QCOMPARE(b.handoverReason, QString());
        if (b.kind == Kind::MutualAid && b.bindingId == fatherToSon && state == QLatin1String("period")) {
            QCOMPARE(b.validUntil, QDate::currentDate().addDays(10));
            QCOMPARE(b.quotaFen.value_or(0), qint64(50000));
            QCOMPARE(b.status, BindingStatus::Ended);
            QCOMPARE(b.endedBy, MutualAidBinding::systemActor());
            QCOMPARE(b.endRequestedBy, EndRequester::System);
            QCOMPARE(b.endReason, MutualAidBinding::expiredReason());
            QCOMPARE(b.endedAt, QDateTime(QDate::currentDate().addDays(11), QTime(0, 0)).toUTC());
        }
    }
    if (state == QLatin1String("answered"))
        QVERIFY(handovers.contains(QStringLiteral("accepted")) || handovers.contains(QStringLiteral("rejected")));
    else
        QCOMPARE(handovers, QSet<QString>{QStringLiteral("waiting")});

    QVERIFY(!households.findByDocument(person.idType, QStringLiteral("110105198506064570")));
    QVERIFY(!households.findById(-1));
    // A person without any binding: the person alone.
    const Person alone
        = m_db->addPerson("赵强", TestDatabase::residentId("320102", QDate(1985, 6, 6), 57), "310", "320100");
    const std::optional<Household> single = households.findByDocument(alone.idType, alone.idNumber);
    QVERIFY(single);
    QCOMPARE(fieldsOf(*single), fieldsOf(Household{*PersonStore(connection).findById(alone.id), {}}));
}

void TestHousehold::everyKindAndDirection()
{
    Household son{m_son, HouseholdStore(m_db->connection()).bindingsOf(m_son.id)};
    QCOMPARE(son.select(Kind::MutualAid, Direction::Incoming, true).size(), 2); // father, mother
    QCOMPARE(son.select(Kind::MutualAid, Direction::Outgoing, true).size(), 0);
    QCOMPARE(son.select(Kind::Kinship, Direction::Outgoing, true).size(), 1); // holds grandma
    QCOMPARE(son.select(Kind::Kinship, Direction::Outgoing, true).first().counterpart.name, QStringLiteral("张桂兰"));
    QVERIFY(son.select(Kind::Kinship, Direction::Outgoing, true).first().number.startsWith(QStringLiteral("QQ")));

    Household grandma{m_grandma, HouseholdStore(m_db->connection()).bindingsOf(m_grandma.id)};
    QCOMPARE(grandma.select(Kind::MutualAid, Direction::Incoming, true).size(), 1);
    QCOMPARE(grandma.select(Kind::Kinship, Direction::Incoming, true).size(), 1);
    QCOMPARE(grandma.select(Kind::MutualAid, Direction::Incoming, true).first().counterpart.name,
             QStringLiteral("王建国"));
    QVERIFY(grandma.select(Kind::MutualAid, Direction::Incoming, true).first().number.startsWith(QStringLiteral("GJ")));
    QVERIFY(grandma.history().isEmpty());
}

void TestHousehold::historyKeepsWhoWhenWhy()
{
    const qint64 id = BindingStore(m_db->connection()).activeByAuthorizer(m_mother.id).first().id;
    QVERIFY(BindingRevocation(m_db->connection()).revoke(id, EndRequester::Target, "改由父亲共济", "tester").ok);
    Household son{m_son, HouseholdStore(m_db->connection()).bindingsOf(m_son.id)};
    QCOMPARE(son.select(Kind::MutualAid, Direction::Incoming, true).size(), 1);
    QCOMPARE(son.history().size(), 1);
    const HouseholdBinding ended = son.history().first();
    QCOMPARE(ended.counterpart.name, QStringLiteral("李秀英"));
    QCOMPARE(ended.endedBy, QStringLiteral("tester"));
    QCOMPARE(ended.endRequestedBy, EndRequester::Target);
    QCOMPARE(ended.endReason, QStringLiteral("改由父亲共济"));
    QVERIFY(ended.endedAt.isValid());
    // The same pair again within the cooldown is refused.
    const SubmissionResult again = FilingSubmission(m_db->connection()).submit(draft(m_mother, m_son, "child"));
    QCOMPARE(refusalNames(again.verdict.findingsFor(0)), QStringList{QStringLiteral("COOLDOWN_ACTIVE")});
}

void TestHousehold::revocationRacesNewFiling()
{
    // Counter 1 revokes father → son while counter 2 files father → son again, at the same moment.
    // Whatever the order, the pair never has two active bindings and nobody sees "database is locked".
    const QString path = m_db->path();
    const qint64 bindingId = BindingStore(m_db->connection()).activeByAuthorizer(m_father.id).first().id;
    const FilingDraft again = draft(m_father, m_son, "child");
    BindingRevocation::Result revoked;
    SubmissionResult filed;
    std::atomic<int> ready{0};
    std::thread first([&] {
        {
            Database::open(path, QStringLiteral("counter1"));
            ++ready;
            while (ready < 2) {}
            revoked = BindingRevocation(QStringLiteral("counter1"))
                          .revoke(bindingId, EndRequester::Authorizer, "race", "tester");
        }
        Database::close(QStringLiteral("counter1"));
    });
    std::thread second([&] {
        {
            Database::open(path, QStringLiteral("counter2"));
            ++ready;
            while (ready < 2) {}
            filed = FilingSubmission(QStringLiteral("counter2")).submit(again);
        }
        Database::close(QStringLiteral("counter2"));
    });
    first.join();
    second.join();
    QVERIFY2(revoked.ok, qPrintable(revoked.error));
    QCOMPARE(filed.status, SubmissionResult::Status::Refused);
    const QStringList codes = refusalNames(filed.verdict.findingsFor(0));
    QVERIFY2(codes == QStringList{"ALREADY_BOUND"} || codes == QStringList{"COOLDOWN_ACTIVE"},
             qPrintable(codes.join(',')));
    QVERIFY(!BindingStore(m_db->connection()).activePairExists(m_father.id, m_son.id));
}

void TestHousehold::deceasedEndsEverything()
{
    Person after = m_grandma;
    after.status = QStringLiteral("deceased");
    WriteTransaction t(m_db->connection());
    PersonStore(m_db->connection()).upsert(after);
    const AutomaticBindingEnds::Counts counts
        = AutomaticBindingEnds(m_db->connection()).apply(m_grandma, after, "import");
    t.commit();
    QCOMPARE(counts.mutualAid, 1);
    QCOMPARE(counts.kinship, 1);
    Household grandma{after, HouseholdStore(m_db->connection()).bindingsOf(after.id)};
    QCOMPARE(grandma.history().size(), 2);
    for (const HouseholdBinding &b : grandma.history()) {
        QCOMPARE(b.endRequestedBy, EndRequester::System);
        QCOMPARE(b.endReason, AutomaticBindingEnds::endedReason("deceased"));
    }
}

void TestHousehold::movingOutOfScopeEndsMutualAidOnly()
{
    // The son moves from 南京 to 杭州: the 江苏 test rule binds within the province only.
    Person after = m_son;
    after.poolingRegion = QStringLiteral("330100");
    WriteTransaction t(m_db->connection());
    PersonStore(m_db->connection()).upsert(after);
    const AutomaticBindingEnds::Counts counts = AutomaticBindingEnds(m_db->connection()).apply(m_son, after, "import");
    t.commit();
    QCOMPARE(counts.mutualAid, 2);
    QCOMPARE(counts.kinship, 0); // kinship accounts know no territory
    QCOMPARE(BindingStore(m_db->connection()).activeByTarget(m_son.id).size(), 0);
}

void TestHousehold::movingWithinScopeKeepsBindings()
{
    Person after = m_son;
    after.poolingRegion = QStringLiteral("320200"); // 无锡: same province
    WriteTransaction t(m_db->connection());
    PersonStore(m_db->connection()).upsert(after);
    QCOMPARE(AutomaticBindingEnds(m_db->connection()).apply(m_son, after, "import").total(), 0);
    t.commit();
}

QTEST_GUILESS_MAIN(TestHousehold)
#include "tst_household.moc"
