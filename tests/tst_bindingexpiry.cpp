// Authorization periods (授权期限): a binding is active up to and including its valid_until, never
// after; the first program that opens the database after that day ends it ("expired", by
// `system`, audited). The day is injected, never read from the clock.
#include <QJsonArray>
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/BindingExpiry.h"
#include "model/startup/DatabaseStartup.h"
#include "model/filing/FilingEvaluator.h"
#include "model/filing/FilingSubmission.h"
#include "model/household/HouseholdJson.h"
#include "model/payment/PaymentPreview.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/startup/DatabaseStartup.h"
#include "model/storage/Database.h"
#include "model/storage/HouseholdStore.h"

using namespace gongji;

class TestBindingExpiry : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void activeUpToValidUntil_data();
    void activeUpToValidUntil();
    void endedByTheFirstOpenAfterTheDay_data();
    void endedByTheFirstOpenAfterTheDay();
    void laterFilingOfThePairIsAccepted();
    void limitsNoLongerCountIt();
    void householdShowsTheExpiry();

private:
    qint64 auditRows(const QString &connection) const { return AuditLog(connection).count(); }
    FilingDraft draft(const Person &authorizer, const Person &target, const QDate &filedOn,
                      const QDate &validUntil) const;

    std::unique_ptr<TestDatabase> m_db;
    Person m_father;
    Person m_mother;
    Person m_son;
    QDate m_filedOn;
    QDate m_validUntil;
    qint64 m_bindingId = 0;
};

void TestBindingExpiry::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    // 杭州 (浙江: one authorizer per target); the son is a resident, paid for by his father.
    m_father = m_db->addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = m_db->addPerson(QStringLiteral("李秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = m_db->addPerson(QStringLiteral("王小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    // Filed 40 days ago for 30 days: the period ended ten days ago.
    m_filedOn = QDate::currentDate().addDays(-40);
    m_validUntil = m_filedOn.addDays(30);
    const SubmissionResult stored
        = FilingSubmission(m_db->connection()).submit(draft(m_father, m_son, m_filedOn, m_validUntil));
    QVERIFY2(stored.stored(), qPrintable(refusalNames(stored.verdict.findingsFor(0)).join(',') + stored.error));
    const QList<MutualAidBinding> bindings = BindingStore(m_db->connection()).byFiling(stored.filingId);
    QCOMPARE(bindings.size(), 1);
    QCOMPARE(bindings.first().validUntil, m_validUntil);
    m_bindingId = bindings.first().id;
}

void TestBindingExpiry::cleanup()
{
    Database::close(QStringLiteral("reopened"));
    m_db.reset();
}

FilingDraft TestBindingExpiry::draft(const Person &authorizer, const Person &target, const QDate &filedOn,
                                     const QDate &validUntil) const
{
    FilingDraft d = TestDatabase::childFiling(authorizer, target, QString::fromLatin1(TestDatabase::clerk));
    d.filedOn = filedOn;
    d.targets.first().validUntil = validUntil;
    return d;
}

void TestBindingExpiry::activeUpToValidUntil_data()
{
    QTest::addColumn<int>("dayAfterValidUntil"); // the day asked about, relative to valid_until
    QTest::addColumn<bool>("active");
    QTest::newRow("the day before") << -1 << true;
    QTest::newRow("valid_until itself (inclusive)") << 0 << true;
    QTest::newRow("the day after") << 1 << false;
    QTest::newRow("a month after") << 30 << false;
}

// Every reader asks "active on a day": pairs, lists, the payment preview.
void TestBindingExpiry::activeUpToValidUntil()
{
    QFETCH(int, dayAfterValidUntil);
    QFETCH(bool, active);
    const QDate day = m_validUntil.addDays(dayAfterValidUntil);
    BindingStore bindings(m_db->connection());
    QCOMPARE(bindings.activePairExists(m_father.id, m_son.id, day), active);
    QCOMPARE(bindings.activeByTarget(m_son.id, day).size(), active ? 1 : 0);
    QCOMPARE(bindings.activeByAuthorizer(m_father.id, day).size(), active ? 1 : 0);
    QCOMPARE(bindings.activeTouching(m_son.id, day).size(), active ? 1 : 0);

    const PaymentPreview::Result preview
        = PaymentPreview(m_db->connection()).preview(m_son.idType, m_son.idNumber, 10000, day);
    QVERIFY2(preview.ok, qPrintable(preview.error));
    QStringList payers;
    for (const PaymentShare &share : preview.shares)
        payers << PaymentShare::payerKeyword(share.payer) + QLatin1Char(':') + QString::number(share.amountFen);
    const QStringList expected = active ? QStringList{"authorizer:10000", "cash:0"} : QStringList{"cash:10000"};
    QCOMPARE(payers, expected);
}

void TestBindingExpiry::endedByTheFirstOpenAfterTheDay_data()
{
    QTest::addColumn<int>("openedDaysAfterValidUntil");
    QTest::addColumn<bool>("ended");
    QTest::newRow("opened on valid_until") << 0 << false;
    QTest::newRow("opened the day after") << 1 << true;
    QTest::newRow("opened ten days after") << 10 << true;
}

void TestBindingExpiry::endedByTheFirstOpenAfterTheDay()
{
    QFETCH(int, openedDaysAfterValidUntil);
    QFETCH(bool, ended);
    const qint64 auditBefore = auditRows(m_db->connection());
    // Another program opens the same database on that day.
    const Database::OpenResult opened = DatabaseStartup::open(m_db->path(), QStringLiteral("reopened"), {},
                                                              m_validUntil.addDays(openedDaysAfterValidUntil));
    QVERIFY2(opened.ok, qPrintable(opened.error));

    const MutualAidBinding binding = *BindingStore(m_db->connection()).findById(m_bindingId);
    QCOMPARE(binding.status, ended ? BindingStatus::Ended : BindingStatus::Active);
    QCOMPARE(auditRows(m_db->connection()), auditBefore + (ended ? 1 : 0));
    if (!ended)
        return;
    QCOMPARE(binding.endReason, QStringLiteral("expired"));
    QCOMPARE(binding.endedBy, QStringLiteral("system"));
    QCOMPARE(binding.endRequestedBy, EndRequester::System);
    // Ended as of the first day after the period, whenever a program came to store it.
    QCOMPARE(binding.endedAt.toLocalTime(), QDateTime(m_validUntil.addDays(1), QTime(0, 0)));
    AuditFilter bySystem;
    bySystem.actor = QStringLiteral("system");
    const QList<AuditEntry> last = AuditLog(m_db->connection()).entries(bySystem, 10);
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().subject, QString::number(m_bindingId));
    QCOMPARE(last.first().detail.value("reason").toString(), QStringLiteral("expired"));

    // A second program that day finds nothing more to do.
    QCOMPARE(BindingExpiry(m_db->connection()).endExpired(m_validUntil.addDays(openedDaysAfterValidUntil)), 0);
    QCOMPARE(auditRows(m_db->connection()), auditBefore + 1);
}

// The same pair may be bound again after the period: not ALREADY_BOUND, even before any program
// has stored the expiry; the submission ends the old binding in its own transaction.
void TestBindingExpiry::laterFilingOfThePairIsAccepted()
{
    const FilingDraft again = draft(m_father, m_son, QDate::currentDate(), QDate());
    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(again);
    QCOMPARE(refusalNames(verdict.findingsFor(0)), QStringList());
    const SubmissionResult stored = FilingSubmission(m_db->connection()).submit(again);
    QVERIFY2(stored.stored(), qPrintable(refusalNames(stored.verdict.findingsFor(0)).join(',') + stored.error));
    const MutualAidBinding old = *BindingStore(m_db->connection()).findById(m_bindingId);
    QCOMPARE(old.status, BindingStatus::Ended);
    QCOMPARE(old.endReason, QStringLiteral("expired"));
    const QList<MutualAidBinding> now
        = BindingStore(m_db->connection()).activeByAuthorizer(m_father.id, QDate::currentDate());
    QCOMPARE(now.size(), 1);
    QVERIFY(!now.first().validUntil.isValid());
}

// 浙江 allows one authorizer per target: an expired binding no longer holds the place.
void TestBindingExpiry::limitsNoLongerCountIt()
{
    FilingDraft mother = draft(m_mother, m_son, QDate::currentDate(), QDate());
    QCOMPARE(refusalNames(FilingEvaluator(m_db->connection()).evaluate(mother).findingsFor(0)), QStringList());
    mother.filedOn = m_validUntil; // on the last day the father's binding still counts
    QCOMPARE(refusalNames(FilingEvaluator(m_db->connection()).evaluate(mother).findingsFor(0)),
             QStringList{QStringLiteral("TARGET_BOUND_ELSEWHERE")});
}

void TestBindingExpiry::householdShowsTheExpiry()
{
    const Household before{m_son, HouseholdStore(m_db->connection()).bindingsOf(m_son.id, m_validUntil)};
    QCOMPARE(before.bindings.size(), 1);
    QVERIFY(before.bindings.first().isActive());
    QCOMPARE(before.bindings.first().validUntil, m_validUntil);

    // Not stored as ended yet, but past its day: shown ended by expiry, in the history.
    const Household after{m_son, HouseholdStore(m_db->connection()).bindingsOf(m_son.id, m_validUntil.addDays(1))};
    QCOMPARE(after.history().size(), 1);
    const HouseholdBinding &shown = after.history().first();
    QCOMPARE(shown.endReason, QStringLiteral("expired"));
    QCOMPARE(shown.endedBy, QStringLiteral("system"));
    const QJsonObject json = HouseholdJson::toJson(after);
    const QJsonObject binding = json.value("bindings").toArray().first().toObject();
    QCOMPARE(binding.value("valid_until").toString(), m_validUntil.toString(Qt::ISODate));
    QCOMPARE(binding.value("status").toString(), QStringLiteral("ended"));
    QCOMPARE(binding.value("end_reason").toString(), QStringLiteral("expired"));

    // Once stored, the same.
    QCOMPARE(BindingExpiry(m_db->connection()).endExpired(m_validUntil.addDays(1)), 1);
    const Household stored{m_son, HouseholdStore(m_db->connection()).bindingsOf(m_son.id, m_validUntil.addDays(1))};
    QCOMPARE(stored.history().size(), 1);
    QCOMPARE(stored.history().first().endedAt, shown.endedAt);
}

QTEST_GUILESS_MAIN(TestBindingExpiry)
#include "tst_bindingexpiry.moc"
