// Who pays what for an own-share cost (docs/domain.md §7).
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/FilingSubmission.h"
#include "model/payment/PaymentPreview.h"
#include "model/storage/WriteTransaction.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"

using namespace gongji;

class TestPaymentPreview : public QObject
{
    Q_OBJECT
private slots:
    void cases_data();
    void cases();
    void bindingOrder();
    void quotas_data();
    void quotas();
    void errors();

private:
    Person add(TestDatabase &db, const QString &name, const QDate &birth, int seq, qint64 balanceFen,
               const QString &region, const QString &insurance = QStringLiteral("310"));
    void bind(TestDatabase &db, const Person &authorizer, const Person &target, const QString &relationship,
              std::optional<qint64> quotaFen = std::nullopt);
};

Person TestPaymentPreview::add(TestDatabase &db, const QString &name, const QDate &birth, int seq, qint64 balanceFen,
                               const QString &region, const QString &insurance)
{
    Person p;
    p.name = name;
    p.idType = QStringLiteral("01");
    p.idNumber = TestDatabase::residentId(region.left(4) + QStringLiteral("02"), birth, seq);
    p.insuranceType = insurance;
    p.employment = insurance == QLatin1String("310") ? QStringLiteral("working") : QString();
    p.status = QStringLiteral("active");
    p.poolingRegion = region;
    p.balanceFen = balanceFen;
    return db.addPerson(p);
}

void TestPaymentPreview::bind(TestDatabase &db, const Person &authorizer, const Person &target,
                              const QString &relationship, std::optional<qint64> quotaFen)
{
    FilingDraft d;
    d.authorizerIdType = authorizer.idType;
    d.authorizerIdNumber = authorizer.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test");
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    d.targets.append(TargetEntry{relationship, target.idType, target.idNumber, target.name, {}, true});
    d.targets.last().quotaFen = quotaFen;
    const SubmissionResult r = FilingSubmission(db.connection()).submit(d);
    QVERIFY2(r.stored(), qPrintable(refusalNames(r.verdict.findingsFor(0)).join(',') + r.error));
}

void TestPaymentPreview::cases_data()
{
    QTest::addColumn<QString>("region"); // 320100 national (by balance, no floor); 140100 山西 (floor 1000)
    QTest::addColumn<qint64>("targetBalance"); // -1: the target is a resident (no personal account)
    QTest::addColumn<QList<qint64>>("authorizerBalances");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QStringList>("expected"); // "payer:amount" in paying order, amounts in fen

    QTest::newRow("own account enough") << "320100" << qint64(50000) << QList<qint64>{100000} << qint64(30000)
                                        << QStringList{"own_account:30000", "authorizer:0", "cash:0"};
    QTest::newRow("own account first, then authorizer")
        << "320100" << qint64(10000) << QList<qint64>{100000} << qint64(30000)
        << QStringList{"own_account:10000", "authorizer:20000", "cash:0"};
    QTest::newRow("resident target: no own account") << "320100" << qint64(-1) << QList<qint64>{100000} << qint64(30000)
                                                     << QStringList{"authorizer:30000", "cash:0"};
    QTest::newRow("several authorizers, richest first")
        << "320100" << qint64(-1) << QList<qint64>{20000, 50000} << qint64(60000)
        << QStringList{"authorizer:50000", "authorizer:10000", "cash:0"};
    QTest::newRow("cash remainder") << "320100" << qint64(-1) << QList<qint64>{20000, 5000} << qint64(60000)
                                    << QStringList{"authorizer:20000", "authorizer:5000", "cash:35000"};
    QTest::newRow("reserve floor 1000 yuan (山西)") << "140100" << qint64(-1) << QList<qint64>{150000} << qint64(80000)
                                                    << QStringList{"authorizer:50000", "cash:30000"};
    QTest::newRow("below the floor pays nothing")
        << "140100" << qint64(-1) << QList<qint64>{90000} << qint64(10000) << QStringList{"authorizer:0", "cash:10000"};
    QTest::newRow("nobody bound: all cash")
        << "320100" << qint64(-1) << QList<qint64>{} << qint64(12345) << QStringList{"cash:12345"};
}

void TestPaymentPreview::cases()
{
    QFETCH(QString, region);
    QFETCH(qint64, targetBalance);
    QFETCH(QList<qint64>, authorizerBalances);
    QFETCH(qint64, amount);
    QFETCH(QStringList, expected);
    TestDatabase db;
    const Person target = add(db, "王小明", QDate(2000, 9, 1), 31, std::max<qint64>(0, targetBalance), region,
                              targetBalance < 0 ? "390" : "310");
    for (int i = 0; i < authorizerBalances.size(); ++i) {
        const Person parent = add(db, QStringLiteral("家长%1").arg(i), QDate(1970 + i, 1, 1), 11 + 2 * i,
                                  authorizerBalances.at(i), region);
        bind(db, parent, target, "child");
    }
    const PaymentPreview::Result result = PaymentPreview(db.connection()).preview("01", target.idNumber, amount);
    QVERIFY2(result.ok, qPrintable(result.error));
    QStringList actual;
    qint64 sum = 0;
    for (const PaymentShare &share : result.shares) {
        actual << PaymentShare::payerKeyword(share.payer) + ':' + QString::number(share.amountFen);
        sum += share.amountFen;
    }
    QCOMPARE(actual, expected);
    QCOMPARE(sum, amount); // nothing lost, nothing invented
}

void TestPaymentPreview::bindingOrder()
{
    // A rule set with by_binding_order: the first bound pays first, whatever the balances.
    TestDatabase db;
    RuleSet local = RuleSetStore::shippedDefaults().at(0);
    local.region = QStringLiteral("320100");
    local.effectiveFrom = QDate(2025, 1, 1);
    local.effectiveTo = QDate(); // the copied national set was closed by its successor
    local.paymentOrder = QStringLiteral("by_binding_order");
    {
        WriteTransaction t(db.connection());
        RuleSetStore(db.connection()).insert(local);
        t.commit();
    }
    const Person target = add(db, "王小明", QDate(2000, 9, 1), 31, 0, "320100", "390");
    const Person poor = add(db, "王一", QDate(1970, 1, 1), 11, 10000, "320100");
    const Person rich = add(db, "王二", QDate(1971, 1, 1), 13, 90000, "320100");
    bind(db, poor, target, "child");
    bind(db, rich, target, "child");
    const PaymentPreview::Result result = PaymentPreview(db.connection()).preview("01", target.idNumber, 20000);
    QCOMPARE(result.paymentOrder, QStringLiteral("by_binding_order"));
    QCOMPARE(result.shares.at(0).person->name, QStringLiteral("王一"));
    QCOMPARE(result.shares.at(0).amountFen, 10000);
    QCOMPARE(result.shares.at(1).amountFen, 10000);
}

// Quotas (共济额度): everybody in 南京, under a copy of the national cross-province set with the
// row's reserve floor (quotas allowed for any target there). The previewed target 王小明 is a
// resident (no own account); 王小红 is another target of the same authorizers.
void TestPaymentPreview::quotas_data()
{
    QTest::addColumn<qint64>("floor");
    QTest::addColumn<QList<qint64>>("balances"); // one authorizer each
    QTest::addColumn<QList<qint64>>("quotas"); // for 王小明, per authorizer; 0 = bound without a quota
    QTest::addColumn<QList<qint64>>("otherQuotas"); // set aside by the same authorizer for 王小红 (0 = none)
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("quota pays, up to the quota")
        << qint64(0) << QList<qint64>{500000} << QList<qint64>{100000} << QList<qint64>{0} << qint64(150000)
        << QStringList{"quota:100000", "cash:50000"};
    QTest::newRow("quota larger than the cost")
        << qint64(0) << QList<qint64>{500000} << QList<qint64>{100000} << QList<qint64>{0} << qint64(2550)
        << QStringList{"quota:2550", "cash:0"};
    QTest::newRow("quota first, then an authorizer without a quota")
        << qint64(0) << QList<qint64>{80000, 500000} << QList<qint64>{0, 30000} << QList<qint64>{0, 0} << qint64(100001)
        << QStringList{"quota:30000", "authorizer:70001", "cash:0"};
    QTest::newRow("another target's quota is not used for this one")
        << qint64(0) << QList<qint64>{500000} << QList<qint64>{0} << QList<qint64>{450001} << qint64(100000)
        << QStringList{"authorizer:49999", "cash:50001"};
    QTest::newRow("two quotas: the larger first (by balance)")
        << qint64(0) << QList<qint64>{500000, 500000} << QList<qint64>{10000, 20000} << QList<qint64>{0, 0}
        << qint64(25000) << QStringList{"quota:20000", "quota:5000", "cash:0"};
    QTest::newRow("floor and another quota leave nothing free")
        << qint64(100000) << QList<qint64>{500000} << QList<qint64>{0} << QList<qint64>{400000} << qint64(10000)
        << QStringList{"authorizer:0", "cash:10000"};
    QTest::newRow("floor: free balance to the fen")
        << qint64(100000) << QList<qint64>{500000} << QList<qint64>{0} << QList<qint64>{399999} << qint64(10000)
        << QStringList{"authorizer:1", "cash:9999"};
}

void TestPaymentPreview::quotas()
{
    QFETCH(qint64, floor);
    QFETCH(QList<qint64>, balances);
    QFETCH(QList<qint64>, quotas);
    QFETCH(QList<qint64>, otherQuotas);
    QFETCH(qint64, amount);
    QFETCH(QStringList, expected);
    TestDatabase db;
    RuleSet local = RuleSetStore::shippedDefaults().at(1);
    QCOMPARE(local.quotaRequiredBeyond, QStringLiteral("province")); // as shipped
    local.region = QStringLiteral("320100");
    local.effectiveFrom = QDate(2025, 1, 1);
    local.reserveFloorFen = floor;
    {
        WriteTransaction t(db.connection());
        RuleSetStore(db.connection()).insert(local);
        t.commit();
    }
    const Person target = add(db, "王小明", QDate(2000, 9, 1), 31, 0, "320100", "390");
    const Person sister = add(db, "王小红", QDate(2002, 9, 1), 42, 0, "320100", "390");
    for (int i = 0; i < balances.size(); ++i) {
        const Person parent
            = add(db, QStringLiteral("家长%1").arg(i), QDate(1970 + i, 1, 1), 11 + 2 * i, balances.at(i), "320100");
        if (otherQuotas.at(i) > 0)
            bind(db, parent, sister, "child", otherQuotas.at(i));
        bind(db, parent, target, "child", quotas.at(i) > 0 ? std::optional<qint64>(quotas.at(i)) : std::nullopt);
    }
    const PaymentPreview::Result result = PaymentPreview(db.connection()).preview("01", target.idNumber, amount);
    QVERIFY2(result.ok, qPrintable(result.error));
    QStringList actual;
    qint64 sum = 0;
    for (const PaymentShare &share : result.shares) {
        actual << PaymentShare::payerKeyword(share.payer) + ':' + QString::number(share.amountFen);
        sum += share.amountFen;
    }
    QCOMPARE(actual, expected);
    QCOMPARE(sum, amount);
}

void TestPaymentPreview::errors()
{
    TestDatabase db;
    PaymentPreview preview(db.connection());
    QVERIFY(!preview.preview("01", "12345", 100).ok);
    const PaymentPreview::Result missing
        = preview.preview("01", TestDatabase::residentId("330102", QDate(1990, 1, 1), 5), 100);
    QVERIFY(!missing.ok);
    QVERIFY(!missing.error.isEmpty());
    QVERIFY(!preview.preview("01", TestDatabase::residentId("330102", QDate(1990, 1, 1), 5), -1).ok);
}

QTEST_GUILESS_MAIN(TestPaymentPreview)
#include "tst_paymentpreview.moc"
