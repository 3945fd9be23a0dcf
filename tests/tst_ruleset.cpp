// Rule sets as data: JSON reading and validation, and resolution by region and date (docs/domain.md §5).
#include <QJsonDocument>
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/RuleSet.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestRuleSet : public QObject
{
    Q_OBJECT
private slots:
    void shippedDefaultsAreValid();
    void jsonRoundTrip();
    void fileWithoutPeriodImports();
    void validation_data();
    void validation();
    void resolution_data();
    void resolution();
    void closedPeriodIsNotInEffect();
    void noRuleBeforeAnyPeriod();
};

void TestRuleSet::shippedDefaultsAreValid()
{
    const QList<RuleSet> sets = RuleSetStore::shippedDefaults();
    QCOMPARE(sets.size(), 5);
    for (const RuleSet &set : sets)
        QVERIFY2(set.validate().isEmpty(), qPrintable(set.validate().join(QLatin1Char(' '))));
    // 浙江: one authorizer per target; 山西: 1000 yuan floor and public medical excluded.
    QCOMPARE(sets.at(3).region, QStringLiteral("330000"));
    QCOMPARE(sets.at(3).maxAuthorizersPerTarget, std::optional<int>(1));
    QCOMPARE(sets.at(4).reserveFloorFen, 100000);
    QVERIFY(sets.at(4).excludePublicMedical);
    QVERIFY(sets.at(2).payable.contains(QStringLiteral("supplementary_insurance")));
}

void TestRuleSet::jsonRoundTrip()
{
    const RuleSet original = RuleSetStore::shippedDefaults().at(4);
    QString error;
    const std::optional<RuleSet> copy = RuleSet::fromJson(original.toJson(), &error);
    QVERIFY2(copy, qPrintable(error));
    QCOMPARE(QJsonDocument(copy->toJson()).toJson(), QJsonDocument(original.toJson()).toJson());
}

// A file written before authorization periods existed has no max_period_months: unlimited.
void TestRuleSet::fileWithoutPeriodImports()
{
    QJsonObject object = RuleSetStore::shippedDefaults().at(0).toJson();
    QVERIFY(object.contains(QLatin1String("max_period_months")));
    object.remove(QLatin1String("max_period_months"));
    QString error;
    const std::optional<RuleSet> set = RuleSet::fromJson(object, &error);
    QVERIFY2(set, qPrintable(error));
    QVERIFY(!set->maxPeriodMonths);
    object.insert(QLatin1String("max_period_months"), 36);
    QCOMPARE(RuleSet::fromJson(object, &error)->maxPeriodMonths, std::optional<int>(36));
    QCOMPARE(RuleSet::fromJson(object, &error)->toJson().value(QLatin1String("max_period_months")).toInt(), 36);
}

void TestRuleSet::validation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("as shipped") << QString() << QJsonValue() << true;
    QTest::newRow("region 5 digits") << "region" << QJsonValue("11000") << false;
    QTest::newRow("region letters") << "region" << QJsonValue("11000A") << false;
    QTest::newRow("end before start") << "effective_to" << QJsonValue("2020-01-01") << false;
    QTest::newRow("open end") << "effective_to" << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("empty relationships") << "relationships" << QJsonValue(QJsonArray()) << false;
    QTest::newRow("unknown relationship") << "relationships" << QJsonValue(QJsonArray{"spouse", "cousin"}) << false;
    QTest::newRow("unknown id type") << "id_types" << QJsonValue(QJsonArray{"01", "99"}) << false;
    QTest::newRow("unknown scope") << "scope" << QJsonValue("same_city") << false;
    QTest::newRow("zero limit") << "max_authorizers_per_target" << QJsonValue(0) << false;
    QTest::newRow("limit 2") << "max_targets_per_authorizer" << QJsonValue(2) << true;
    QTest::newRow("negative floor") << "reserve_floor" << QJsonValue(-1) << false;
    QTest::newRow("floor as text") << "reserve_floor" << QJsonValue("1000.50") << true;
    QTest::newRow("unknown payment order") << "payment_order" << QJsonValue("random") << false;
    QTest::newRow("negative cooldown") << "cooldown_days" << QJsonValue(-3) << false;
    QTest::newRow("unknown payable") << "payable" << QJsonValue(QJsonArray{"lottery"}) << false;
    QTest::newRow("empty title") << "title" << QJsonValue(" ") << false;
    QTest::newRow("period 24 months") << "max_period_months" << QJsonValue(24) << true;
    QTest::newRow("period unlimited") << "max_period_months" << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("period zero months") << "max_period_months" << QJsonValue(0) << false;
}

void TestRuleSet::validation()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    QJsonObject object = RuleSetStore::shippedDefaults().at(0).toJson();
    if (!key.isEmpty())
        object.insert(key, value);
    QString error;
    const std::optional<RuleSet> set = RuleSet::fromJson(object, &error);
    QCOMPARE(bool(set), valid);
    QCOMPARE(error.isEmpty(), valid); // a refusal always says why
}

void TestRuleSet::resolution_data()
{
    QTest::addColumn<QString>("poolingRegion");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("effectiveFrom");

    // Province set beats the national ones, whatever their dates.
    QTest::newRow("杭州 today: 浙江") << "330100" << QDate(2026, 11, 22) << "330000"
                                      << "2023-05-12";
    QTest::newRow("北京 today: 北京") << "110100" << QDate(2026, 11, 22) << "110000"
                                      << "2022-12-01";
    QTest::newRow("太原 2023: 山西") << "140100" << QDate(2023, 1, 1) << "140000"
                                     << "2022-07-01";
    // No province set: the latest national set in effect.
    QTest::newRow("南京 2025: national same province") << "320100" << QDate(2025, 6, 1) << "000000"
                                                       << "2024-12-01";
    QTest::newRow("南京 day before cross-province") << "320100" << QDate(2026, 1, 8) << "000000"
                                                    << "2024-12-01";
    QTest::newRow("南京 first day cross-province") << "320100" << QDate(2026, 1, 9) << "000000"
                                                   << "2026-01-09";
    QTest::newRow("杭州 before 浙江 rule: none") << "330100" << QDate(2023, 5, 11) << ""
                                                 << "";
    QTest::newRow("北京 first day") << "110105" << QDate(2022, 12, 1) << "110000"
                                    << "2022-12-01";
}

void TestRuleSet::resolution()
{
    QFETCH(QString, poolingRegion);
    QFETCH(QDate, date);
    QFETCH(QString, region);
    QFETCH(QString, effectiveFrom);
    TestDatabase db;
    QVERIFY(db.isOpen());
    const std::optional<RuleSet> set = RuleSetStore(db.connection()).resolve(poolingRegion, date);
    QCOMPARE(bool(set), !region.isEmpty());
    if (set) {
        QCOMPARE(set->region, region);
        QCOMPARE(set->effectiveFrom.toString(Qt::ISODate), effectiveFrom);
    }
}

void TestRuleSet::closedPeriodIsNotInEffect()
{
    TestDatabase db;
    RuleSet local = RuleSetStore::shippedDefaults().at(0);
    local.region = QStringLiteral("320100");
    local.title = QStringLiteral("南京 2025");
    local.effectiveFrom = QDate(2025, 1, 1);
    local.effectiveTo = QDate(2025, 12, 31);
    local.maxTargetsPerAuthorizer = 3;
    {
        WriteTransaction transaction(db.connection());
        RuleSetStore(db.connection()).insert(local);
        transaction.commit();
    }
    RuleSetStore store(db.connection());
    QCOMPARE(store.resolve(QStringLiteral("320100"), QDate(2025, 12, 31))->region, QStringLiteral("320100"));
    QCOMPARE(store.resolve(QStringLiteral("320100"), QDate(2025, 12, 31))->maxTargetsPerAuthorizer,
             std::optional<int>(3));
    QCOMPARE(store.resolve(QStringLiteral("320100"), QDate(2026, 1, 1))->region, QStringLiteral("000000"));
    // Lists survive the database.
    QCOMPARE(store.findById(local.id)->relationships, local.relationships);
}

void TestRuleSet::noRuleBeforeAnyPeriod()
{
    TestDatabase db;
    QVERIFY(!RuleSetStore(db.connection()).resolve(QStringLiteral("320100"), QDate(2021, 6, 1)));
    QVERIFY(!RuleSetStore(db.connection()).resolve(QStringLiteral("3201"), QDate(2026, 6, 1)));
}

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
