// Changing the quota (调整额度) of an active binding through QuotaChange, the one path of the
// household screen and `gongji-admin set-quota`; its printed summary; the quota freed when a
// binding ends (docs/quota.md).
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/Money.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/filing/QuotaChange.h"
#include "model/printing/QuotaChangeSummary.h"
#include "model/printing/RevocationSummary.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/JournalStore.h"
#include "model/storage/QuotaChangeStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/WriteTransaction.h"

#include <QTextDocument>

using namespace gongji;

class TestQuotaChange : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void change_data();
    void change();
    void refusedWithoutAClerk();
    void endedBindingIsNotChanged();
    void summaries();

private:
    qint64 bind(const Person &target, std::optional<qint64> quotaFen);

    std::unique_ptr<TestDatabase> m_db;
    Person m_authorizer; // 南京, 3000.00 yuan, national cross-province set (floor 0)
    Person m_faraway; // 杭州: needs a quota
    Person m_near; // 南京: may carry one
    Person m_zhejiang; // 杭州 authorizer: 浙江 sets nothing aside
    Person m_child;
};

void TestQuotaChange::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    Person a;
    a.name = QStringLiteral("吴近");
    a.idType = QStringLiteral("01");
    a.idNumber = TestDatabase::residentId("320102", QDate(1975, 9, 9), 33);
    a.insuranceType = QStringLiteral("310");
    a.employment = QStringLiteral("working");
    a.status = QStringLiteral("active");
    a.poolingRegion = QStringLiteral("320100");
    a.balanceFen = 300000;
    m_authorizer = m_db->addPerson(a);
    m_faraway = m_db->addPerson("吴远", TestDatabase::residentId("330102", QDate(2001, 1, 1), 11), "390", "330100");
    m_near = m_db->addPerson("吴中", TestDatabase::residentId("320102", QDate(2003, 1, 1), 21), "390", "320100");
    m_zhejiang = m_db->addPerson("钱浙", TestDatabase::residentId("330102", QDate(1970, 1, 1), 31), "310", "330100");
    m_child = m_db->addPerson("钱子", TestDatabase::residentId("330102", QDate(2000, 1, 1), 41), "390", "330100");
}

void TestQuotaChange::cleanup() { m_db.reset(); }

qint64 TestQuotaChange::bind(const Person &target, std::optional<qint64> quotaFen)
{
    const Person &authorizer = target.id == m_child.id ? m_zhejiang : m_authorizer;
    FilingDraft draft = TestDatabase::childFiling(authorizer, target, TestDatabase::clerk);
    draft.targets.first().quotaFen = quotaFen;
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    if (!result.stored())
        return 0;
    return BindingStore(m_db->connection()).byFiling(result.filingId).first().id;
}

void TestQuotaChange::change_data()
{
    QTest::addColumn<QString>("target"); // faraway, near, child (杭州 under 浙江)
    QTest::addColumn<qint64>("quotaBefore"); // -1: none
    QTest::addColumn<qint64>("otherQuota"); // the authorizer's other binding (to near/faraway), 0: none
    QTest::addColumn<qint64>("quotaAfter"); // 0: remove
    QTest::addColumn<QString>("code"); // "" = changed
    QTest::addColumn<QString>("detail");

    QTest::newRow("raise") << "faraway" << qint64(100000) << qint64(0) << qint64(250050) << ""
                           << "";
    QTest::newRow("lower") << "faraway" << qint64(100000) << qint64(0) << qint64(1) << ""
                           << "";
    QTest::newRow("raise to the last fen free") << "faraway" << qint64(100000) << qint64(120000) << qint64(180000) << ""
                                                << "";
    QTest::newRow("QUOTA_EXCEEDS_BALANCE: one fen more")
        << "faraway" << qint64(100000) << qint64(120000) << qint64(180001) << "QUOTA_EXCEEDS_BALANCE"
        << "still free: 1800.00 yuan (balance 3000.00, reserve floor 0.00, already set aside 1200.00)";
    QTest::newRow("QUOTA_REQUIRED: removing a needed quota")
        << "faraway" << qint64(100000) << qint64(0) << qint64(0) << "QUOTA_REQUIRED"
        << "target insured in 330100, authorizer in 320100";
    QTest::newRow("same province: set one") << "near" << qint64(-1) << qint64(0) << qint64(50000) << ""
                                            << "";
    QTest::newRow("same province: remove it") << "near" << qint64(50000) << qint64(0) << qint64(0) << ""
                                              << "";
    QTest::newRow("QUOTA_NOT_ALLOWED: 浙江") << "child" << qint64(-1) << qint64(0) << qint64(100) << "QUOTA_NOT_ALLOWED"
                                             << "quota_required_beyond: none";
}

void TestQuotaChange::change()
{
    QFETCH(QString, target);
    QFETCH(qint64, quotaBefore);
    QFETCH(qint64, otherQuota);
    QFETCH(qint64, quotaAfter);
    QFETCH(QString, code);
    QFETCH(QString, detail);

    const Person &person = target == "faraway" ? m_faraway : target == "near" ? m_near : m_child;
    if (otherQuota > 0)
        QVERIFY(bind(target == "near" ? m_faraway : m_near, otherQuota));
    const std::optional<qint64> before = quotaBefore >= 0 ? std::optional<qint64>(quotaBefore) : std::nullopt;
    const qint64 bindingId = bind(person, before);
    QVERIFY(bindingId);
    const qint64 auditBefore = AuditLog(m_db->connection()).count();
    const qint64 journalBefore = JournalStore(m_db->connection()).lastSeq();

    const QuotaChange::Result result
        = QuotaChange(m_db->connection()).change(bindingId, quotaAfter, TestDatabase::clerk);
    const std::optional<MutualAidBinding> stored = BindingStore(m_db->connection()).findById(bindingId);
    QVERIFY(stored);
    if (!code.isEmpty()) {
        QVERIFY(!result.ok);
        QCOMPARE(result.failure, FailureKind::Input);
        QCOMPARE(refusalNames(result.findings), QStringList{code});
        QCOMPARE(result.findings.first().detail, detail);
        QCOMPARE(stored->quotaFen, before); // nothing written
        QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore);
        QVERIFY(QuotaChangeStore(m_db->connection()).byBinding(bindingId).isEmpty());
        QCOMPARE(JournalStore(m_db->connection()).lastSeq(), journalBefore); // no line, no number taken
        return;
    }
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.failure, FailureKind::None);
    const std::optional<qint64> after = quotaAfter > 0 ? std::optional<qint64>(quotaAfter) : std::nullopt;
    QCOMPARE(stored->quotaFen, after);
    QCOMPARE(result.beforeFen, before);
    QCOMPARE(result.afterFen, after);
    QCOMPARE(result.freeFen, 300000 - otherQuota - quotaAfter);
    QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore + 1);
    const QList<QuotaChangeRecord> changes = QuotaChangeStore(m_db->connection()).byBinding(bindingId);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().id, result.changeId);
    QCOMPARE(changes.first().beforeFen, before);
    QCOMPARE(changes.first().afterFen, after);
    QCOMPARE(changes.first().clerk, QString::fromLatin1(TestDatabase::clerk));
    QCOMPARE(BindingStore(m_db->connection()).quotaSetAside(m_authorizer.id),
             otherQuota + (target == "child" ? 0 : quotaAfter));
    // The platform hears of the new amount: one journal line, the quota as it is now.
    QCOMPARE(JournalStore(m_db->connection()).lastSeq(), journalBefore + 1);
    QJsonObject line;
    JournalStore(m_db->connection()).forEachAfter(journalBefore, [&](qint64, const QString &text) {
        line = QJsonDocument::fromJson(text.toUtf8()).object();
    });
    QCOMPARE(line.value("item").toString(), QStringLiteral("quota_change"));
    QCOMPARE(line.value("binding_id").toInteger(), bindingId);
    if (after)
        QCOMPARE(line.value("quota").toString(), Money::formatYuan(*after));
    else
        QVERIFY(line.value("quota").isNull());
}

void TestQuotaChange::refusedWithoutAClerk()
{
    const qint64 bindingId = bind(m_faraway, 100000);
    QVERIFY(bindingId);
    const QuotaChange::Result result
        = QuotaChange(m_db->connection()).change(bindingId, 50000, QStringLiteral("nobody"));
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::NotAllowed);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(BindingStore(m_db->connection()).findById(bindingId)->quotaFen, std::optional<qint64>(100000));
}

void TestQuotaChange::endedBindingIsNotChanged()
{
    const qint64 bindingId = bind(m_faraway, 100000);
    QVERIFY(bindingId);
    QVERIFY(
        BindingRevocation(m_db->connection()).revoke(bindingId, EndRequester::Target, "test", TestDatabase::clerk).ok);
    // Ended: its quota no longer counts, and it can no longer be changed.
    QCOMPARE(BindingStore(m_db->connection()).quotaSetAside(m_authorizer.id), qint64(0));
    const QuotaChange::Result result = QuotaChange(m_db->connection()).change(bindingId, 50000, TestDatabase::clerk);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Stale);
    QVERIFY(result.findings.isEmpty());
    QVERIFY(result.error.contains(QStringLiteral("not active")));
}

void TestQuotaChange::summaries()
{
    const qint64 bindingId = bind(m_faraway, 100000);
    QVERIFY(bindingId);
    const QuotaChange::Result result = QuotaChange(m_db->connection()).change(bindingId, 150050, TestDatabase::clerk);
    QVERIFY2(result.ok, qPrintable(result.error));
    const PrintableSummary change = QuotaChangeSummary(m_db->connection(), OfficeInfo{}).build(result.changeId);
    QVERIFY2(change.isValid(), qPrintable(change.error()));
    const QString changeText = change.document()->toPlainText();
    for (const QString &expected : {QStringLiteral("个人账户家庭共济额度调整确认单"), QStringLiteral("1000.00 元"),
                                    QStringLiteral("1500.50 元"), QStringLiteral("吴远"), QStringLiteral("调整前额度")})
        QVERIFY2(changeText.contains(expected), qPrintable(expected));
    QVERIFY(!QuotaChangeSummary(m_db->connection(), OfficeInfo{}).build(result.changeId + 100).isValid());

    QVERIFY(BindingRevocation(m_db->connection())
                .revoke(bindingId, EndRequester::Authorizer, "test", TestDatabase::clerk)
                .ok);
    const PrintableSummary revocation = RevocationSummary(m_db->connection(), OfficeInfo{}).build(bindingId);
    QVERIFY2(revocation.isValid(), qPrintable(revocation.error()));
    QVERIFY2(revocation.document()->toPlainText().contains(QStringLiteral("共济额度 1500.50 元已释放")),
             qPrintable(revocation.document()->toPlainText()));
}

// QGuiApplication: the summaries need fonts.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestQuotaChange test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_quotachange.moc"
