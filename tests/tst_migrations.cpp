// Upgrading a database file that an earlier release left behind, step by step, and what each
// later step must keep: the rows, and what the database itself still refuses.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "model/storage/Database.h"
#include "model/storage/Migrations.h"
#include "model/storage/BindingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"

using namespace gongji;

namespace {

QVariant scalar(const QString &connection, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(sql) || !q.next())
        return QVariant();
    return q.value(0);
}

bool insertsStatus(const QString &connection, const QString &status, int sequence)
{
    QSqlQuery insert(QSqlDatabase::database(connection));
    insert.prepare(
        QStringLiteral("INSERT INTO person (name, id_type, id_number, insurance_type, status, pooling_region, "
                       "updated_at) VALUES ('新', '01', :number, '390', :status, '330100', "
                       "'2026-11-22T00:00:00.000Z')"));
    insert.bindValue(QStringLiteral(":number"),
                     TestDatabase::residentId(QStringLiteral("330102"), QDate(1990, 1, 1), sequence));
    insert.bindValue(QStringLiteral(":status"), status);
    return insert.exec();
}

// Runs `work` on a plain QSQLITE connection to `path` (not Database::open, which would upgrade
// the file), then closes it again.
template<typename Work> void onPlainConnection(const QString &path, Work work)
{
    const QString name = QStringLiteral("plain");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        work(name);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A database file as schema version `version` made it, with one person of each status.
void makeOldDatabase(const QString &path, int version)
{
    onPlainConnection(path, [version](const QString &connection) {
        QVERIFY(QSqlQuery(QSqlDatabase::database(connection)).exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        Migrations::migrate(connection, 0, version);
        const QStringList statuses{QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("terminated"),
                                   QStringLiteral("deceased")};
        for (int i = 0; i < statuses.size(); ++i)
            QVERIFY(insertsStatus(connection, statuses.at(i), 100 + i));
    });
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void upgradeFromEveryEarlierVersion_data();
    void upgradeFromEveryEarlierVersion();
    void statusStillChecked_data();
    void statusStillChecked();
    void insertBuildsNoTemporaryTable();
    void alteredPersonTableIsRefusedUntouched();
    void bindingsAndRuleSetsKeepTheirRows_data();
    void bindingsAndRuleSetsKeepTheirRows();
    void quotaColumnsKeepEveryRow_data();
    void quotaColumnsKeepEveryRow();
};

void TestMigrations::upgradeFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Migrations::latestVersion(); ++version)
        QTest::addRow("version %d", version) << version;
}

void TestMigrations::upgradeFromEveryEarlierVersion()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    makeOldDatabase(path, version);
    const Database::OpenResult opened = Database::open(path, QStringLiteral("upgraded"));
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(scalar(QStringLiteral("upgraded"), QStringLiteral("PRAGMA user_version")).toInt(),
             Migrations::latestVersion());
    QCOMPARE(scalar(QStringLiteral("upgraded"), QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(PersonStore(QStringLiteral("upgraded")).count(), 4);
    const QString table
        = scalar(QStringLiteral("upgraded"),
                 QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'person'"))
              .toString();
    QVERIFY2(table.contains(QLatin1String("status = 'active' OR status = 'suspended'")), qPrintable(table));
    QVERIFY2(!table.contains(QLatin1String("status IN")), qPrintable(table));
    Database::close(QStringLiteral("upgraded"));
}

void TestMigrations::statusStillChecked_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("active") << "active" << true;
    QTest::newRow("suspended") << "suspended" << true;
    QTest::newRow("terminated") << "terminated" << true;
    QTest::newRow("deceased") << "deceased" << true;
    QTest::newRow("capitalised") << "Active" << false;
    QTest::newRow("unknown word") << "dead" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("trailing space") << "active " << false;
}

// The rewritten CHECK accepts exactly what the old one did, on an upgraded file and a new one.
void TestMigrations::statusStillChecked()
{
    QFETCH(QString, status);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    makeOldDatabase(path, 4);
    QVERIFY(Database::open(path, QStringLiteral("upgraded")).ok);
    QCOMPARE(insertsStatus(QStringLiteral("upgraded"), status, 500), accepted);
    Database::close(QStringLiteral("upgraded"));

    TestDatabase fresh;
    QCOMPARE(insertsStatus(fresh.connection(), status, 500), accepted);
}

// Why version 5 exists: an IN list of four values made SQLite build a temporary b-tree on every
// INSERT into person (EXPLAIN shows OpenEphemeral), half of a registry import's time.
void TestMigrations::insertBuildsNoTemporaryTable()
{
    TestDatabase db;
    QSqlQuery explain(QSqlDatabase::database(db.connection()));
    QVERIFY(
        explain.exec(QStringLiteral("EXPLAIN INSERT INTO person (name, id_type, id_number, sex, birth_date, "
                                    "insurance_type, employment, status, pooling_region, balance_fen, public_medical, "
                                    "updated_at) VALUES ('a', '01', 'n', 'M', NULL, '310', 'working', 'active', "
                                    "'330100', 0, 0, 'now')")));
    QStringList opcodes;
    while (explain.next())
        opcodes << explain.value(1).toString();
    QVERIFY(opcodes.contains(QLatin1String("Insert")));
    QVERIFY2(!opcodes.contains(QLatin1String("OpenEphemeral")), qPrintable(opcodes.join(QLatin1Char(' '))));
}

// A person table that is not as version 1 made it (changed by hand or by another tool) is not
// rewritten blindly: the upgrade stops with a message and the file keeps its old version.
void TestMigrations::alteredPersonTableIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    makeOldDatabase(path, 4);
    onPlainConnection(path, [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection));
        QVERIFY(q.exec(QStringLiteral("PRAGMA writable_schema = ON")));
        QVERIFY(q.exec(QStringLiteral("UPDATE sqlite_master SET sql = replace(sql, '''deceased''', '''dead''') "
                                      "WHERE name = 'person'")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA writable_schema = OFF")));
    });
    const Database::OpenResult opened = Database::open(path, QStringLiteral("upgraded"));
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(QLatin1String("person")), qPrintable(opened.error));
    onPlainConnection(path, [](const QString &connection) {
        QCOMPARE(scalar(connection, QStringLiteral("PRAGMA user_version")).toInt(), 4);
        QCOMPARE(scalar(connection, QStringLiteral("SELECT COUNT(*) FROM person")).toInt(), 4);
    });
}

void TestMigrations::bindingsAndRuleSetsKeepTheirRows_data()
{
    upgradeFromEveryEarlierVersion_data(); // from every earlier version
}

// A database of any earlier version with a rule set, a filing and a binding: after the upgrade
// the binding is still active and open-ended, the rule set unlimited in period, and a new
// binding with a period can be stored beside it.
void TestMigrations::bindingsAndRuleSetsKeepTheirRows()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    makeOldDatabase(path, version);
    onPlainConnection(path, [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO rule_set (id, region, effective_from, title, scope, allow_mutual, exclude_public_medical, "
            "reserve_floor_fen, payment_order, cooldown_days, created_at) VALUES (1, '330000', '2023-05-12', 'old', "
            "'same_province', 1, 0, 0, 'by_balance_desc', 0, '2026-01-01T00:00:00.000Z')")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO rule_set_relationship (rule_set_id, relationship) VALUES (1, 'child')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO filing (id, filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
            "commitment_version, commitment_at) VALUES (1, 'GJ20260301-0001', 1, 'tester', 'counter', "
            "'2026-03-01T01:00:00.000Z', '2026-03-01', 1, 'v1', '2026-03-01T01:00:00.000Z')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO binding (id, filing_id, authorizer_id, target_id, relationship, "
                                      "rule_set_id, status, started_at) "
                                      "VALUES (1, 1, 1, 2, 'child', 1, 'active', '2026-03-01T01:00:00.000Z')")));
    });
    const Database::OpenResult opened = Database::open(path, QStringLiteral("upgraded"));
    QVERIFY2(opened.ok, qPrintable(opened.error));
    const std::optional<MutualAidBinding> binding = BindingStore(QStringLiteral("upgraded")).findById(1);
    QVERIFY(binding);
    QCOMPARE(binding->status, BindingStatus::Active);
    QVERIFY(!binding->validUntil.isValid());
    QVERIFY(binding->isActiveOn(QDate(2099, 1, 1)));
    const std::optional<RuleSet> rules = RuleSetStore(QStringLiteral("upgraded")).findById(1);
    QVERIFY(rules);
    QCOMPARE(rules->title, QStringLiteral("old"));
    QVERIFY(!rules->maxPeriodMonths);
    QCOMPARE(RuleSetStore(QStringLiteral("upgraded")).count(), qint64(1)); // an old database is never re-seeded
    QCOMPARE(scalar(QStringLiteral("upgraded"),
                    QStringLiteral(
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'binding_by_valid_until'"))
                 .toInt(),
             1);
    QVERIFY(
        !QSqlQuery(QSqlDatabase::database(QStringLiteral("upgraded")))
             .exec(QStringLiteral("UPDATE rule_set SET max_period_months = 0 WHERE id = 1"))); // at least 1, or NULL
    Database::close(QStringLiteral("upgraded"));
}

void TestMigrations::quotaColumnsKeepEveryRow_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Migrations::latestVersion(); ++version)
        QTest::addRow("version %d", version) << version;
}

// The quota (共济额度, version 7): a rule set, a filing and a binding stored by an earlier release
// are kept; the set reads as "none" and the binding as holding no quota; the CHECKs hold.
void TestMigrations::quotaColumnsKeepEveryRow()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    makeOldDatabase(path, version);
    onPlainConnection(path, [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO rule_set (region, effective_from, title, scope, allow_mutual, "
            "exclude_public_medical, reserve_floor_fen, payment_order, cooldown_days, created_at) "
            "VALUES ('330000', '2023-05-12', 'old', 'same_province', 1, 0, 0, 'by_balance_desc', 0, 't')")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, "
                           "rule_set_id, commitment_version, commitment_at) VALUES ('GJ20260101-0001', 1, 'c', "
                           "'counter', 't', '2026-01-01', 1, 'v', 't')")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, "
                           "status, started_at) VALUES (1, 1, 2, 'child', 1, 'active', 't')")));
    });
    const Database::OpenResult opened = Database::open(path, QStringLiteral("upgraded"));
    QVERIFY2(opened.ok, qPrintable(opened.error));
    const QString c = QStringLiteral("upgraded");
    QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM rule_set")).toInt(), 1); // not seeded over an old file
    QCOMPARE(scalar(c, QStringLiteral("SELECT quota_required_beyond FROM rule_set")).toString(),
             QStringLiteral("none"));
    QCOMPARE(
        scalar(c, QStringLiteral("SELECT COUNT(*) FROM binding WHERE quota_fen IS NULL AND status = 'active'")).toInt(),
        1);
    QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM binding_quota_change")).toInt(), 0);
    QSqlQuery q(QSqlDatabase::database(c));
    QVERIFY(!q.exec(QStringLiteral("UPDATE binding SET quota_fen = 0")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE rule_set SET quota_required_beyond = 'county'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE binding SET quota_fen = 100000")));
    QVERIFY(q.exec(QStringLiteral("UPDATE rule_set SET quota_required_beyond = 'province'")));
    Database::close(c);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
