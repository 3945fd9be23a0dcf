// Least privilege on the office server: gongji-admin setup-office and migrate, run as the schema
// owner, and the counter role they grant, which works as a counter does and is refused every
// statement that would change the schema, the audit trail or its own rights. One throwaway
// cluster (PostgresCluster) for the program.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "AdminCli.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Database.h"
#include "model/storage/Migrations.h"
#include "postgres/PostgresCluster.h"

using namespace gongji;

class TestCounterRole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void setupOfficeAgainChangesNothingElse();
    void setupOfficeRefuses_data();
    void setupOfficeRefuses();
    void counterWorks_data();
    void counterWorks();
    void hostileStatementIsRefused_data();
    void hostileStatementIsRefused();
    void nothingChangedByTheAttempts();
    void counterStopsAtAnOlderSchema_data();
    void counterStopsAtAnOlderSchema();

private:
    QString address(const QString &role, const QString &database = QStringLiteral("office")) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(role).arg(m_cluster.port()).arg(database);
    }
    AdminCli::Run admin(const QStringList &arguments) const
    {
        return AdminCli(m_dir.filePath(QStringLiteral("xdg"))).run(arguments);
    }
    QVariant asSuperuser(const QString &sql) const { return m_cluster.value(sql, QStringLiteral("office")); }
    QSqlDatabase counter() const { return QSqlDatabase::database(QStringLiteral("counter"), false); }

    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    bool m_serverUp = false;
    qint64 m_auditBefore = 0;
};

void TestCounterRole::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverUp = m_cluster.start();
    if (!m_serverUp)
        QSKIP(qPrintable(m_cluster.skipReason()));
    QVERIFY(m_cluster.run(QStringLiteral("CREATE ROLE office_owner LOGIN CREATEROLE")));
    QVERIFY(m_cluster.createDatabase(QStringLiteral("office"), QStringLiteral("office_owner")));
    const AdminCli::Run setup
        = admin({"--db", address("office_owner"), "setup-office", "--counter-role", "office_counter"});
    QCOMPARE(setup.exitCode, 0);
    QVERIFY2(setup.out.contains(QStringLiteral("Counter role office_counter created.")),
             qPrintable(setup.out + setup.err));
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM audit_log WHERE action = 'office_setup' AND subject = 'office_counter'")
                 .toInt(),
             1);
    const Database::OpenResult opened = Database::open(address("office_counter"), QStringLiteral("counter"));
    QVERIFY2(opened.ok, qPrintable(opened.error));
    m_auditBefore = asSuperuser("SELECT COUNT(*) FROM audit_log").toLongLong();
}

void TestCounterRole::cleanupTestCase() { Database::close(QStringLiteral("counter")); }

void TestCounterRole::setupOfficeAgainChangesNothingElse()
{
    const QString privileges = QStringLiteral(
        "SELECT string_agg(table_name || ':' || privilege_type, ',' ORDER BY table_name, privilege_type) "
        "FROM information_schema.role_table_grants WHERE grantee = 'office_counter'");
    const QString before = asSuperuser(privileges).toString();
    const AdminCli::Run again
        = admin({"--db", address("office_owner"), "setup-office", "--counter-role", "office_counter"});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("Counter role office_counter exists; its rights were granted again.")),
             qPrintable(again.out));
    QCOMPARE(asSuperuser(privileges).toString(), before);
    // Exactly: the audit log read and appended to, the version read, the data tables read and written.
    QVERIFY(before.contains(QStringLiteral("audit_log:INSERT,audit_log:SELECT,binding:DELETE")));
    QVERIFY(before.contains(QStringLiteral("schema_version:SELECT")));
    QVERIFY(!before.contains(QStringLiteral("TRUNCATE")));
    QVERIFY(!before.contains(QStringLiteral("TRIGGER")));
    QVERIFY(!before.contains(QStringLiteral("REFERENCES")));
    m_auditBefore = asSuperuser("SELECT COUNT(*) FROM audit_log").toLongLong();
}

void TestCounterRole::setupOfficeRefuses_data()
{
    QTest::addColumn<QString>("connectAs");
    QTest::addColumn<QString>("counterRole");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("the owner as counter") << "office_owner"
                                          << "office_owner" << 1 << "the counters need a role of their own";
    QTest::newRow("a superuser as counter") << "office_owner"
                                            << "gongji" << 1 << "may do more than a counter should";
    QTest::newRow("not a plain name") << "office_owner"
                                      << "Counter; DROP TABLE person" << 64 << "is not a plain role name";
    QTest::newRow("run by the counter") << "office_counter"
                                        << "office_counter2" << 1 << "may not create roles";
}

void TestCounterRole::setupOfficeRefuses()
{
    QFETCH(QString, connectAs);
    QFETCH(QString, counterRole);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const AdminCli::Run run = admin({"--db", address(connectAs), "setup-office", "--counter-role", counterRole});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'office_counter2'").toInt(), 0);
}

void TestCounterRole::counterWorks_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("read the audit log") << "SELECT COUNT(*) FROM audit_log";
    QTest::newRow("append to the audit log")
        << "INSERT INTO audit_log (at, actor, action) VALUES ('2026-12-01T09:00:00.000Z', 'tester', 'sign_in')";
    QTest::newRow("read the version") << "SELECT version FROM schema_version";
    QTest::newRow("write the registry")
        << "INSERT INTO person (name, id_type, id_number, insurance_type, status, pooling_region, updated_at) "
           "VALUES ('张三', '01', 'X1', '390', 'active', '330100', '2026-12-01T09:00:00.000Z')";
    QTest::newRow("change the registry") << "UPDATE person SET balance_fen = 100 WHERE id_number = 'X1'";
    QTest::newRow("the writers' lock") << "SELECT pg_advisory_lock(20261122), pg_advisory_unlock(20261122)";
}

void TestCounterRole::counterWorks()
{
    QFETCH(QString, sql);
    QSqlQuery query(counter());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
}

void TestCounterRole::hostileStatementIsRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("rewrite the audit log") << "UPDATE audit_log SET actor = 'nobody'";
    QTest::newRow("delete from the audit log") << "DELETE FROM audit_log";
    QTest::newRow("truncate the audit log") << "TRUNCATE audit_log";
    QTest::newRow("truncate the registry") << "TRUNCATE person CASCADE";
    QTest::newRow("drop the audit log") << "DROP TABLE audit_log";
    QTest::newRow("drop a data table") << "DROP TABLE binding_proof";
    QTest::newRow("disable the audit trigger") << "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change";
    QTest::newRow("drop the audit trigger") << "DROP TRIGGER audit_log_no_change ON audit_log";
    QTest::newRow("replace the trigger function") << "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS "
                                                     "trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql";
    QTest::newRow("drop the trigger function") << "DROP FUNCTION audit_log_append_only() CASCADE";
    QTest::newRow("a trigger of its own")
        << "CREATE TRIGGER person_spy AFTER INSERT ON person FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()";
    QTest::newRow("alter a table") << "ALTER TABLE person ADD COLUMN note TEXT";
    QTest::newRow("take a table over") << "ALTER TABLE audit_log OWNER TO office_counter";
    QTest::newRow("create a function") << "CREATE FUNCTION one() RETURNS integer AS 'SELECT 1' LANGUAGE sql";
    QTest::newRow("create a table") << "CREATE TABLE stolen (id_number TEXT)";
    QTest::newRow("create a temporary table") << "CREATE TEMP TABLE stolen (id_number TEXT)";
    QTest::newRow("create a schema") << "CREATE SCHEMA elsewhere";
    QTest::newRow("create an index") << "CREATE INDEX person_by_balance ON person (balance_fen)";
    QTest::newRow("grant itself the audit log") << "GRANT UPDATE, DELETE ON audit_log TO office_counter";
    QTest::newRow("grant everyone the audit log") << "GRANT ALL ON audit_log TO PUBLIC";
    QTest::newRow("become the owner") << "GRANT office_owner TO office_counter";
    QTest::newRow("act as the owner") << "SET ROLE office_owner";
    QTest::newRow("make itself superuser") << "ALTER ROLE office_counter SUPERUSER";
    QTest::newRow("allow itself new roles") << "ALTER ROLE office_counter CREATEROLE";
    QTest::newRow("switch triggers off") << "SET session_replication_role = replica";
    QTest::newRow("run a program on the server") << "COPY audit_log FROM PROGRAM 'id'";
    QTest::newRow("send the registry to a program") << "COPY person TO PROGRAM 'cat > /tmp/persons.csv'";
    QTest::newRow("write the registry to a server file") << "COPY person TO '/tmp/persons.csv'";
    QTest::newRow("read a server file") << "SELECT pg_read_file('/etc/passwd')";
    QTest::newRow("change the version") << "UPDATE schema_version SET version = 1";
    QTest::newRow("reset an id sequence") << "SELECT setval('person_id_seq', 1)";
    QTest::newRow("create a database") << "CREATE DATABASE copy_of_office";
    QTest::newRow("comment on the audit log") << "COMMENT ON TABLE audit_log IS 'emptied'";
}

void TestCounterRole::hostileStatementIsRefused()
{
    QFETCH(QString, sql);
    QSqlQuery query(counter());
    if (sql.startsWith(QLatin1String("GRANT")) && query.exec(sql)) {
        // PostgreSQL answers a GRANT by a role without the grant option with a warning, and grants
        // nothing: what counts is that no right was gained.
        QSqlQuery rights(counter());
        QVERIFY(rights.exec(QStringLiteral("SELECT has_table_privilege('office_counter', 'audit_log', 'UPDATE') "
                                           "OR has_table_privilege('office_counter', 'audit_log', 'DELETE') "
                                           "OR has_table_privilege('public', 'audit_log', 'DELETE')"))
                && rights.next());
        QVERIFY2(!rights.value(0).toBool(), qPrintable(QStringLiteral("the counter role gained a right: ") + sql));
        return;
    }
    QVERIFY2(!query.exec(sql), qPrintable(QStringLiteral("the counter role was allowed: ") + sql));
    // Refused for want of rights (42501), or as only a superuser's or owner's to do; never for a typing mistake.
    const QString state = query.lastError().nativeErrorCode();
    QVERIFY2(state == QLatin1String("42501") || state == QLatin1String("42939"),
             qPrintable(state + QLatin1Char(' ') + query.lastError().text()));
}

void TestCounterRole::nothingChangedByTheAttempts()
{
    QCOMPARE(
        asSuperuser("SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'audit_log_no_change' AND tgenabled = 'O'").toInt(),
        1);
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM pg_class WHERE relname IN ('stolen', 'person_by_balance')").toInt(), 0);
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM pg_proc WHERE proname = 'one'").toInt(), 0);
    QCOMPARE(asSuperuser("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = 'office_counter'").toBool(),
             false);
    QCOMPARE(asSuperuser("SELECT version FROM schema_version").toInt(), Migrations::latestVersion());
    // Only the one entry counterWorks appended.
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM audit_log").toLongLong(), m_auditBefore + 1);
    QCOMPARE(asSuperuser("SELECT COUNT(*) FROM audit_log WHERE actor = 'nobody'").toInt(), 0);
}

void TestCounterRole::counterStopsAtAnOlderSchema_data()
{
    QTest::addColumn<int>("version"); // 0: a new, empty database
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << 0 << "has no Gongji Desk tables yet. Ask the administrator to set it up";
    QTest::newRow("one version older") << Migrations::latestVersion() - 1
                                       << QStringLiteral(
                                              "has schema version %1; this program needs version %2. Ask the "
                                              "administrator to upgrade it")
                                              .arg(Migrations::latestVersion() - 1)
                                              .arg(Migrations::latestVersion());
}

void TestCounterRole::counterStopsAtAnOlderSchema()
{
    QFETCH(int, version);
    QFETCH(QString, message);
    const QString name = QStringLiteral("older_%1").arg(version);
    QVERIFY(m_cluster.createDatabase(name, QStringLiteral("office_owner")));
    if (version > 0) {
        // As an earlier release's setup left it: the schema up to `version`, the counter role granted.
        const QString owner = QStringLiteral("older-owner");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), owner);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_cluster.port());
            db.setUserName(QStringLiteral("office_owner"));
            db.setDatabaseName(name);
            QVERIFY(db.open());
            Migrations::migrate(owner, 0, version);
            QVERIFY(CounterRole(owner).setUp(QStringLiteral("office_counter")).ok);
            db.close();
        }
        QSqlDatabase::removeDatabase(owner);
    }
    const auto versionNow = [&] {
        return m_cluster
            .value(QStringLiteral("SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 "
                                  "ELSE (SELECT version FROM schema_version) END"),
                   name)
            .toInt();
    };
    // The counter (the desk's open, then gongji-admin) stops and changes nothing.
    const Database::OpenResult opened = Database::open(address("office_counter", name), QStringLiteral("older"));
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(message), qPrintable(opened.error));
    const AdminCli::Run counterMigrate = admin({"--db", address("office_counter", name), "migrate"});
    QCOMPARE(counterMigrate.exitCode, 2);
    QCOMPARE(versionNow(), version);
    // The owner upgrades it; then the counter works.
    if (version > 0) {
        const AdminCli::Run migrate = admin({"--db", address("office_owner", name), "migrate"});
        QCOMPARE(migrate.exitCode, 0);
        QVERIFY2(migrate.out.contains(QStringLiteral("Counter roles granted their rights again: office_counter.")),
                 qPrintable(migrate.out));
        QCOMPARE(versionNow(), Migrations::latestVersion());
        const Database::OpenResult now = Database::open(address("office_counter", name), QStringLiteral("older"));
        QVERIFY2(now.ok, qPrintable(now.error));
        Database::close(QStringLiteral("older"));
    }
}

QTEST_GUILESS_MAIN(TestCounterRole)
#include "tst_counterrole.moc"
