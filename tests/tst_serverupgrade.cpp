// Upgrading an office server's schema that an earlier release left behind, as `gongji-admin
// migrate` does (the schema's owner, Database::Options::upgradeServerSchema): refused untouched
// for a counter, then step by step to the latest version with every stored row kept. Runs on
// the test cluster only (tst_migrations upgrades SQLite files).
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/MutualAidBinding.h"
#include "model/domain/RuleSet.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/storage/Migrations.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/SqlDialect.h"

using namespace gongji;

namespace {

QVariant scalar(const QString &connection, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(sql) || !q.next())
        return QVariant();
    return q.value(0);
}

bool run(const QString &connection, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (q.exec(sql))
        return true;
    qWarning() << sql << q.lastError().text();
    return false;
}

} // namespace

class TestServerUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upgradeKeepsEveryRow_data();
    void upgradeKeepsEveryRow();
};

void TestServerUpgrade::initTestCase()
{
    if (!TestDatabase::usesServer())
        QSKIP("an office server's upgrade; run as tst_serverupgrade_postgres (tests/postgres/with-postgres.sh)");
}

void TestServerUpgrade::upgradeKeepsEveryRow_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Migrations::latestVersion(); ++version)
        QTest::addRow("version %d", version) << version;
}

void TestServerUpgrade::upgradeKeepsEveryRow()
{
    QFETCH(int, version);
    TestDatabase db(QStringLiteral("old"), TestDatabase::Accounts::None, TestDatabase::Role::Owner);
    QVERIFY(db.isOpen());
    const QString old = db.connection();
    // The database as release `version` left it: its schema, two people, a rule set, a filing, a binding.
    QVERIFY(run(old, QStringLiteral("DROP OWNED BY CURRENT_USER")));
    Migrations::migrate(old, 0, version);
    QCOMPARE(SqlDialect::schemaVersion(old), version);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(run(old,
                    QStringLiteral("INSERT INTO person (name, id_type, id_number, insurance_type, status, "
                                   "pooling_region, updated_at) VALUES ('旧%1', '01', '%2', '310', 'active', "
                                   "'330100', '2026-01-01T00:00:00.000Z')")
                        .arg(i)
                        .arg(TestDatabase::residentId(QStringLiteral("330102"), QDate(1970 + i * 30, 1, 1), 11 + i))));
    }
    QVERIFY(run(old,
                QStringLiteral("INSERT INTO rule_set (region, effective_from, title, scope, allow_mutual, "
                               "exclude_public_medical, reserve_floor_fen, payment_order, cooldown_days, "
                               "created_at) VALUES ('330000', '2023-05-12', 'old', 'same_province', 1, 0, 0, "
                               "'by_balance_desc', 0, '2026-01-01T00:00:00.000Z')")));
    QVERIFY(run(old,
                QStringLiteral("INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, "
                               "effective_on, rule_set_id, commitment_version, commitment_at) VALUES "
                               "('GJ20260301-0001', (SELECT MIN(id) FROM person), 'tester', 'counter', "
                               "'2026-03-01T01:00:00.000Z', '2026-03-01', (SELECT MIN(id) FROM rule_set), 'v1', "
                               "'2026-03-01T01:00:00.000Z')")));
    QVERIFY(run(old,
                QStringLiteral("INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, "
                               "rule_set_id, status, started_at) VALUES ((SELECT MIN(id) FROM filing), "
                               "(SELECT MIN(id) FROM person), (SELECT MAX(id) FROM person), 'child', "
                               "(SELECT MIN(id) FROM rule_set), 'active', '2026-03-01T01:00:00.000Z')")));
    Database::close(old);

    // A counter program does not upgrade an office's schema: refused, nothing changed.
    const QString counter = QStringLiteral("counter");
    const Database::OpenResult refused = Database::open(db.path(), counter);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.contains(QLatin1String(" migrate"))
                 && refused.error.contains(QLatin1String("Nothing was changed")),
             qPrintable(refused.error));

    // The administrator's migrate: every step, in its own transaction.
    Database::Options upgrade;
    upgrade.upgradeServerSchema = true;
    const QString upgraded = QStringLiteral("upgraded");
    const Database::OpenResult opened = Database::open(db.path(), upgraded, upgrade);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(SqlDialect::schemaVersion(upgraded), Migrations::latestVersion());
    QCOMPARE(PersonStore(upgraded).count(), 2);
    QCOMPARE(RuleSetStore(upgraded).count(), qint64(1)); // an old database is never re-seeded
    const std::optional<RuleSet> rules
        = RuleSetStore(upgraded).findById(scalar(upgraded, "SELECT MIN(id) FROM rule_set").toLongLong());
    QVERIFY(rules);
    QCOMPARE(rules->title, QStringLiteral("old"));
    QVERIFY(!rules->maxPeriodMonths);
    QCOMPARE(scalar(upgraded, QStringLiteral("SELECT quota_required_beyond FROM rule_set")).toString(),
             QStringLiteral("none"));
    const QList<MutualAidBinding> active
        = BindingStore(upgraded).activeByTarget(scalar(upgraded, "SELECT MAX(id) FROM person").toLongLong());
    QCOMPARE(active.size(), 1);
    QVERIFY(!active.first().validUntil.isValid()); // open-ended
    QVERIFY(!active.first().quotaFen); // nothing set aside
    QCOMPARE(scalar(upgraded, QStringLiteral("SELECT commitment_method FROM filing")).toString(),
             QStringLiteral("paper"));
    QCOMPARE(scalar(upgraded, QStringLiteral("SELECT last_seq FROM journal_counter")).toInt(),
             0); // the journal starts now
    QCOMPARE(scalar(upgraded, QStringLiteral("SELECT COUNT(*) FROM password_policy")).toInt(), 1);
    // What the database itself refuses after the upgrade, as on a new one.
    QVERIFY(!QSqlQuery(QSqlDatabase::database(upgraded)).exec(QStringLiteral("UPDATE binding SET quota_fen = 0")));
    QVERIFY(
        !QSqlQuery(QSqlDatabase::database(upgraded)).exec(QStringLiteral("UPDATE rule_set SET max_period_months = 0")));
    QVERIFY(!QSqlQuery(QSqlDatabase::database(upgraded))
                 .exec(QStringLiteral("INSERT INTO journal_receipt (seq, result, received_at, recorded_by) "
                                      "VALUES (1, 'accepted', 't', 'x')"))); // no such journal line
    Database::close(upgraded);
}

QTEST_GUILESS_MAIN(TestServerUpgrade)
#include "tst_serverupgrade.moc"
