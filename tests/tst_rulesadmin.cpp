// Rules administration: versions, refusals, impact on existing bindings, JSON exchange.
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/FilingSubmission.h"
#include "model/rules/RuleImpact.h"
#include "model/rules/RuleSetChange.h"
#include "model/rules/RuleSetExchange.h"
#include "model/storage/AuditLog.h"
#include "model/storage/RuleSetStore.h"

using namespace gongji;

class TestRulesAdmin : public QObject
{
    Q_OBJECT
private slots:
    void refusals_data();
    void refusals();
    void newVersionClosesTheOldPeriod();
    void referencedSetIsNeverChangedInPlace();
    void unreferencedSetMayBeEditedAndDeleted();
    void impactReportListsRefusedBindings();
    void inMemoryResolutionAgreesWithTheDatabase();
    void exportImportRoundTrip();
    void importConflictImportsNothing();
    void importDryRunWritesNothing();

private:
    RuleSet jiangsu() const;
    void fileBinding(TestDatabase &db, const Person &a, const Person &t, const QString &relationship);
};

RuleSet TestRulesAdmin::jiangsu() const
{
    RuleSet set = RuleSetStore::shippedDefaults().at(1);
    set.region = QStringLiteral("320000");
    set.title = QStringLiteral("江苏：测试");
    set.effectiveFrom = QDate(2025, 1, 1);
    set.effectiveTo = QDate();
    return set;
}

void TestRulesAdmin::fileBinding(TestDatabase &db, const Person &a, const Person &t, const QString &relationship)
{
    FilingDraft d;
    d.authorizerIdType = a.idType;
    d.authorizerIdNumber = a.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test");
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    d.targets.append(TargetEntry{relationship, t.idType, t.idNumber, t.name, {}, false});
    const SubmissionResult r = FilingSubmission(db.connection()).submit(d);
    QVERIFY2(r.stored(), qPrintable(refusalNames(r.verdict.findingsFor(0)).join(',') + r.error));
}

void TestRulesAdmin::refusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("overlapping period of one region") << "overlap"
                                                      << "overlaps";
    QTest::newRow("end before start") << "end"
                                      << "before the start";
    QTest::newRow("empty relationships") << "relationships"
                                         << "relationships is empty";
    QTest::newRow("region of 4 digits") << "region"
                                        << "6 digits";
}

void TestRulesAdmin::refusals()
{
    QFETCH(QString, change);
    QFETCH(QString, messagePart);
    TestDatabase db;
    RuleSet set = jiangsu();
    if (change == QLatin1String("overlap")) {
        QVERIFY(RuleSetChange(db.connection()).add(set, "supervisor").ok);
        set.effectiveFrom = QDate(2026, 1, 1);
    } else if (change == QLatin1String("end")) {
        set.effectiveTo = QDate(2024, 1, 1);
    } else if (change == QLatin1String("relationships")) {
        set.relationships.clear();
    } else {
        set.region = QStringLiteral("3200");
    }
    const qint64 before = RuleSetStore(db.connection()).count();
    const RuleSetChange::Result result = RuleSetChange(db.connection()).add(set, "supervisor");
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Input);
    QVERIFY2(result.errors.join(' ').contains(messagePart), qPrintable(result.errors.join(' ')));
    QCOMPARE(RuleSetStore(db.connection()).count(), before);
}

void TestRulesAdmin::newVersionClosesTheOldPeriod()
{
    TestDatabase db;
    const qint64 auditBefore = AuditLog(db.connection()).count();
    RuleSetChange change(db.connection());
    const RuleSetChange::Result first = change.add(jiangsu(), "supervisor");
    QVERIFY2(first.ok, qPrintable(first.errors.join(' ')));
    RuleSet next = jiangsu();
    next.effectiveFrom = QDate(2026, 7, 1);
    next.maxAuthorizersPerTarget = 1;
    RuleSet tooEarly = next;
    tooEarly.effectiveFrom = QDate(2024, 6, 1);
    QVERIFY(!change.newVersion(first.id, tooEarly, "supervisor").ok);
    const RuleSetChange::Result second = change.newVersion(first.id, next, "supervisor");
    QVERIFY2(second.ok, qPrintable(second.errors.join(' ')));
    RuleSetStore store(db.connection());
    QCOMPARE(store.findById(first.id)->effectiveTo, QDate(2026, 6, 30));
    QCOMPARE(store.resolve("320100", QDate(2026, 6, 30))->id, first.id);
    QCOMPARE(store.resolve("320100", QDate(2026, 7, 1))->id, second.id);
    QCOMPARE(store.resolve("320100", QDate(2026, 7, 1))->maxAuthorizersPerTarget, std::optional<int>(1));
    QCOMPARE(AuditLog(db.connection()).count(), auditBefore + 2);
}

void TestRulesAdmin::referencedSetIsNeverChangedInPlace()
{
    TestDatabase db;
    const Person a = db.addPerson("王建国", TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    const Person t = db.addPerson("王小明", TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    fileBinding(db, a, t, "child");
    RuleSet zhejiang = *RuleSetStore(db.connection()).resolve("330100", QDate::currentDate());
    const RuleSet original = zhejiang;
    zhejiang.title = QStringLiteral("changed");
    RuleSetChange change(db.connection());
    const RuleSetChange::Result update = change.update(zhejiang, "supervisor");
    QVERIFY(!update.ok);
    QCOMPARE(update.failure, FailureKind::Input);
    QVERIFY(update.errors.join(' ').contains(QStringLiteral("new version")));
    QVERIFY(!change.remove(zhejiang.id, "supervisor").ok);
    // A set that is gone (another supervisor deleted it meanwhile) is stale, not bad input.
    QCOMPARE(change.remove(zhejiang.id + 1000, "supervisor").failure, FailureKind::Stale);
    QCOMPARE(RuleSetStore(db.connection()).findById(zhejiang.id)->toJson(), original.toJson());
}

void TestRulesAdmin::unreferencedSetMayBeEditedAndDeleted()
{
    TestDatabase db;
    RuleSetChange change(db.connection());
    const RuleSetChange::Result added = change.add(jiangsu(), "supervisor");
    QVERIFY2(added.ok, qPrintable(added.errors.join(' ')));
    RuleSet edited = *RuleSetStore(db.connection()).findById(added.id);
    edited.cooldownDays = 30;
    edited.relationships = QStringList{"spouse", "parent"};
    QVERIFY(change.update(edited, "supervisor").ok);
    QCOMPARE(RuleSetStore(db.connection()).findById(added.id)->cooldownDays, 30);
    QCOMPARE(RuleSetStore(db.connection()).findById(added.id)->relationships, (QStringList{"spouse", "parent"}));
    QVERIFY(change.remove(added.id, "supervisor").ok);
    QVERIFY(!RuleSetStore(db.connection()).findById(added.id));
}

void TestRulesAdmin::impactReportListsRefusedBindings()
{
    // 浙江 today allows siblings across the province; a new version allowing spouse/parent/child in
    // the same pooling region only would refuse the sibling and the 宁波 child.
    TestDatabase db;
    const Person a = db.addPerson("王建国", TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    const Person son = db.addPerson("王小明", TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    const Person sister = db.addPerson("王秀", TestDatabase::residentId("330102", QDate(1973, 1, 1), 42), "390");
    const Person ningbo
        = db.addPerson("王宁", TestDatabase::residentId("330203", QDate(2003, 1, 1), 51), "390", "330200");
    const Person other
        = db.addPerson("李北", TestDatabase::residentId("110101", QDate(1980, 1, 1), 13), "310", "110100");
    const Person otherWife
        = db.addPerson("赵北", TestDatabase::residentId("110101", QDate(1981, 1, 1), 24), "390", "110100");
    fileBinding(db, a, son, "child");
    fileBinding(db, a, sister, "sibling");
    fileBinding(db, a, ningbo, "child");
    fileBinding(db, other, otherWife, "spouse");
    RuleSetChange change(db.connection());
    const RuleSet current = *RuleSetStore(db.connection()).resolve("330100", QDate::currentDate());
    RuleSet next = current;
    next.effectiveFrom = QDate::currentDate().addDays(-1);
    next.relationships = QStringList{"spouse", "child", "parent"};
    next.scope = QStringLiteral("same_pooling_region");
    const QList<RuleSet> proposed = change.proposedAfterNewVersion(current.id, next);
    const RuleImpact::Report report = RuleImpact(db.connection()).report(proposed, {-1});
    QCOMPARE(report.bindingsChecked, 3); // the 北京 binding is not governed by 浙江
    QCOMPARE(report.rows.size(), 2);
    QCOMPARE(report.countsByCode.value("RELATIONSHIP_NOT_ALLOWED"), 1);
    QCOMPARE(report.countsByCode.value("SCOPE_MISMATCH"), 1);
    const QString csv = QString::fromUtf8(report.toCsv());
    QVERIFY(csv.startsWith(QStringLiteral("binding_id,")));
    QVERIFY(csv.contains(QStringLiteral("王秀")));
    QVERIFY(!csv.contains(sister.idNumber));
    QVERIFY(report.summary().contains(QStringLiteral("2 of 3")));
}

void TestRulesAdmin::inMemoryResolutionAgreesWithTheDatabase()
{
    TestDatabase db;
    RuleSetChange(db.connection()).add(jiangsu(), "supervisor");
    RuleSetStore store(db.connection());
    const QList<RuleSet> sets = store.all();
    for (const QString region : {"110100", "140100", "320100", "330100", "440300", "650100"}) {
        for (QDate day(2022, 1, 1); day < QDate(2027, 1, 1); day = day.addDays(23)) {
            const std::optional<RuleSet> sql = store.resolve(region, day);
            const std::optional<RuleSet> memory = RuleSet::resolveAmong(sets, region, day);
            QCOMPARE(bool(sql), bool(memory));
            if (sql)
                QCOMPARE(sql->id, memory->id);
        }
    }
}

void TestRulesAdmin::exportImportRoundTrip()
{
    TestDatabase source(QStringLiteral("source"));
    QVERIFY(RuleSetChange(source.connection()).add(jiangsu(), "supervisor").ok);
    const QByteArray exported = RuleSetExchange(source.connection()).exportJson();
    TestDatabase fresh(QStringLiteral("fresh"));
    const RuleSetExchange::ImportResult imported
        = RuleSetExchange(fresh.connection()).importJson(exported, "supervisor", false);
    QVERIFY2(imported.ok, qPrintable(imported.errors.join(' ')));
    QCOMPARE(imported.added, 1);
    QCOMPARE(imported.identical, 5);
    QCOMPARE(RuleSetExchange(fresh.connection()).exportJson(), exported);
    // Again: nothing changes.
    const RuleSetExchange::ImportResult again
        = RuleSetExchange(fresh.connection()).importJson(exported, "supervisor", false);
    QVERIFY(again.ok);
    QCOMPARE(again.added, 0);
    QCOMPARE(RuleSetExchange(fresh.connection()).exportJson(), exported);
    QCOMPARE(RuleSetExchange(fresh.connection()).exportJson("320000").count("\"region\""), 1);
}

void TestRulesAdmin::importConflictImportsNothing()
{
    TestDatabase db;
    RuleSet first = jiangsu();
    RuleSet overlapping = jiangsu();
    overlapping.effectiveFrom = QDate(2025, 6, 1);
    RuleSet fine = jiangsu();
    fine.region = QStringLiteral("340000");
    const QByteArray file = QJsonDocument(QJsonArray{fine.toJson(), first.toJson(), overlapping.toJson()}).toJson();
    const qint64 before = RuleSetStore(db.connection()).count();
    const RuleSetExchange::ImportResult result = RuleSetExchange(db.connection()).importJson(file, "supervisor", false);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Input);
    QVERIFY(result.errors.join(' ').contains(QStringLiteral("overlaps")));
    QCOMPARE(RuleSetStore(db.connection()).count(), before);
    const RuleSetExchange::ImportResult notJson
        = RuleSetExchange(db.connection()).importJson("{not json", "supervisor", false);
    QVERIFY(!notJson.ok);
    QCOMPARE(notJson.failure, FailureKind::Input);
    QVERIFY(notJson.error.contains(QStringLiteral("not valid JSON")));
}

void TestRulesAdmin::importDryRunWritesNothing()
{
    TestDatabase db;
    const QByteArray file = QJsonDocument(QJsonArray{jiangsu().toJson()}).toJson();
    const qint64 before = RuleSetStore(db.connection()).count();
    const qint64 auditBefore = AuditLog(db.connection()).count();
    const RuleSetExchange::ImportResult result = RuleSetExchange(db.connection()).importJson(file, "supervisor", true);
    QVERIFY(result.ok);
    QCOMPARE(result.added, 1);
    QCOMPARE(RuleSetStore(db.connection()).count(), before);
    QCOMPARE(AuditLog(db.connection()).count(), auditBefore);
}

QTEST_GUILESS_MAIN(TestRulesAdmin)
#include "tst_rulesadmin.moc"
