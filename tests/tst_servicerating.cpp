// 好差评: a rating is validated, stored once per service with the clerk, audited, and the
// database refuses any change to it; the same holds for a stored signature.
#include <QTest>

#include "TestDatabase.h"
#include "model/citizen/ServiceRating.h"
#include "model/domain/Signature.h"
#include "model/domain/AuditAction.h"
#include "model/filing/FilingSubmission.h"
#include "model/storage/AuditLog.h"
#include "model/storage/RatingStore.h"
#include "model/storage/SignatureStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"

using namespace gongji;

class TestServiceRating : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void levelsAndReasons_data();
    void levelsAndReasons();
    void storedOnceNeverChanged();
    void signatureStoredWithTheFilingNeverChanged();
    void signatureOutOfBoundsIsRefused();

private:
    ServiceRatingEntry rating(int level, const QString &reason = {}) const;
    // A father and his son in the registry, and the draft of the filing between them.
    FilingDraft childFiling();
    // True when the database refuses the statement (a trigger, a CHECK, a UNIQUE).
    bool refusedByDatabase(const QString &sql) const;
    std::unique_ptr<TestDatabase> m_db;
};

void TestServiceRating::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
}

void TestServiceRating::cleanup() { m_db.reset(); }

ServiceRatingEntry TestServiceRating::rating(int level, const QString &reason) const
{
    ServiceRatingEntry entry;
    entry.service = QStringLiteral("filing");
    entry.reference = QStringLiteral("GJ20261201-0001");
    entry.clerk = QString::fromLatin1(TestDatabase::clerk);
    entry.level = level;
    entry.reason = reason;
    return entry;
}

FilingDraft TestServiceRating::childFiling()
{
    const Person authorizer = m_db->addPerson(
        QStringLiteral("王建国"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1965, 3, 1), 131));
    const Person child = m_db->addPerson(QStringLiteral("王小明"),
                                         TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9), 122),
                                         QStringLiteral("390"));
    return TestDatabase::childFiling(authorizer, child, QString::fromLatin1(TestDatabase::clerk));
}

bool TestServiceRating::refusedByDatabase(const QString &sql) const
{
    try {
        SqlStatement::run(m_db->connection(), sql);
    } catch (const StorageError &) {
        return true;
    }
    return false;
}

void TestServiceRating::levelsAndReasons_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("clerk");
    QTest::addColumn<bool>("stored");
    QTest::addColumn<QString>("storedReason");
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    QTest::newRow("非常满意") << "filing" << 5 << "" << clerk << true << "";
    QTest::newRow("满意, a stray reason dropped") << "filing" << 4 << "等候时间长" << clerk << true << "";
    QTest::newRow("基本满意") << "kinship" << 3 << "" << clerk << true << "";
    QTest::newRow("不满意 with a reason") << "revocation" << 2 << "办理效率低" << clerk << true << "办理效率低";
    QTest::newRow("非常不满意 with a reason") << "filing" << 1 << "服务态度不好" << clerk << true << "服务态度不好";
    QTest::newRow("不满意 without a reason") << "filing" << 2 << "" << clerk << false << "";
    QTest::newRow("非常不满意, reason not in the list") << "filing" << 1 << "太慢" << clerk << false << "";
    QTest::newRow("level 0") << "filing" << 0 << "" << clerk << false << "";
    QTest::newRow("level 6") << "filing" << 6 << "" << clerk << false << "";
    QTest::newRow("unknown service") << "payment" << 5 << "" << clerk << false << "";
    QTest::newRow("not a clerk") << "filing" << 5 << ""
                                 << "nobody" << false << "";
}

void TestServiceRating::levelsAndReasons()
{
    QFETCH(QString, service);
    QFETCH(int, level);
    QFETCH(QString, reason);
    QFETCH(QString, clerk);
    QFETCH(bool, stored);
    QFETCH(QString, storedReason);
    ServiceRatingEntry entry = rating(level, reason);
    entry.service = service;
    entry.clerk = clerk;
    entry.detail = QStringLiteral("  窗口很远  ");
    const qint64 audited = AuditLog(m_db->connection()).count();
    const QString error = ServiceRating(m_db->connection()).record(entry);
    QCOMPARE(error.isEmpty(), stored);
    const auto found = RatingStore(m_db->connection()).find(service, entry.reference);
    QCOMPARE(found.has_value(), stored);
    QCOMPARE(AuditLog(m_db->connection()).count(), audited + (stored ? 1 : 0));
    if (!stored)
        return;
    QCOMPARE(found->level, level);
    QCOMPARE(found->reason, storedReason);
    QCOMPARE(found->detail, QStringLiteral("窗口很远"));
    QCOMPARE(found->clerk, clerk);
    QVERIFY(found->ratedAt.isValid());
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::ServiceRating, entry.reference), 1);
}

void TestServiceRating::storedOnceNeverChanged()
{
    QCOMPARE(ServiceRating(m_db->connection()).record(rating(2, QStringLiteral("等候时间长"))), QString());
    // Rated again (another click, another counter): refused, the first one stays.
    QVERIFY(!ServiceRating(m_db->connection()).record(rating(5)).isEmpty());
    QCOMPARE(RatingStore(m_db->connection()).find(QStringLiteral("filing"), QStringLiteral("GJ20261201-0001"))->level,
             2);
    // Past the application, the database itself refuses.
    for (const QString &sql :
         {QStringLiteral("UPDATE service_rating SET level = 5"), QStringLiteral("DELETE FROM service_rating"),
          QStringLiteral("INSERT INTO service_rating (service, reference, clerk, level, reason, detail, "
                         "rated_at) VALUES ('filing', 'GJ20261201-0001', 'tester', 5, '', '', 'x')"),
          QStringLiteral("INSERT INTO service_rating (service, reference, clerk, level, reason, detail, "
                         "rated_at) VALUES ('filing', 'GJ20261201-0002', 'tester', 1, '', '', 'x')")}) {
        QVERIFY2(refusedByDatabase(sql), qPrintable(sql));
    }
    const auto kept = RatingStore(m_db->connection()).byClerk(QString::fromLatin1(TestDatabase::clerk));
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().level, 2);
    QCOMPARE(kept.first().reason, QStringLiteral("等候时间长"));
}

void TestServiceRating::signatureStoredWithTheFilingNeverChanged()
{
    FilingDraft draft = childFiling();
    Signature signature;
    signature.aspect = 3;
    signature.signedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    signature.strokes
        = {QPolygonF{QPointF(0.1, 0.5), QPointF(0.3, 0.2), QPointF(0.5, 0.8)}, QPolygonF{QPointF(0.7, 0.4)}};
    draft.signature = signature;
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(result.stored(), qPrintable(result.error));
    const auto stored = SignatureStore(m_db->connection()).find(result.filingId);
    QVERIFY(stored);
    QCOMPARE(stored->strokes, signature.strokes);
    QCOMPARE(stored->signedAt, signature.signedAt);
    const QByteArray png = SignatureStore(m_db->connection()).png(result.filingId);
    QVERIFY(png.startsWith("\x89PNG"));
    QVERIFY(png.size() <= Signature::kMaxPngBytes);
    const QImage image = QImage::fromData(png);
    QCOMPARE(image.size(), QSize(Signature::kImageWidth, Signature::kImageHeight));
    for (const QString &sql : {QStringLiteral("UPDATE filing_signature SET strokes = '{}'"),
                               QStringLiteral("DELETE FROM filing_signature")}) {
        QVERIFY2(refusedByDatabase(sql), qPrintable(sql));
    }
    QCOMPARE(SignatureStore(m_db->connection()).find(result.filingId)->strokes, signature.strokes);
}

void TestServiceRating::signatureOutOfBoundsIsRefused()
{
    FilingDraft draft = childFiling();
    Signature scribble;
    QPolygonF palm;
    for (int i = 0; i <= Signature::kMaxPoints; ++i)
        palm << QPointF((i % 100) / 100.0, (i % 37) / 37.0);
    scribble.strokes = {palm};
    scribble.signedAt = QDateTime::currentDateTimeUtc();
    draft.signature = scribble;
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY(!result.stored());
    QVERIFY(result.error.contains(QString::number(Signature::kMaxPoints)));
    SqlStatement count(m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM filing"));
    count.exec();
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 0); // nothing of the filing was stored
}

QTEST_GUILESS_MAIN(TestServiceRating)
#include "tst_servicerating.moc"
