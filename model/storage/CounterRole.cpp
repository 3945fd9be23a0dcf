#include "model/storage/CounterRole.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>

#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CounterRole)
};

// The version table: read by every counter, written by migrations only.
const char kSchemaVersionTable[] = "schema_version";

} // namespace

CounterRole::CounterRole(const QString &connection) : m_connection(connection) {}

bool CounterRole::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return pattern.match(name).hasMatch();
}

QStringList CounterRole::appendOnlyTables() { return {QStringLiteral("audit_log")}; }

CounterRole::Result CounterRole::setUp(const QString &name)
{
    Result result;
    if (SqlDialect::engineOf(m_connection) != SqlDialect::Engine::PostgreSQL) {
        result.error
            = Text::tr("A counter role exists only on an office server (postgresql://…); a local file has none.");
        return result;
    }
    if (!isValidName(name)) {
        result.error
            = Text::tr("\"%1\" is not a plain role name: use a lower-case letter, then lower-case letters, digits "
                       "or \"_\" (e.g. gongji_counter).")
                  .arg(name);
        return result;
    }
    try {
        SqlStatement me(
            m_connection,
            QStringLiteral("SELECT current_user, rolcreaterole FROM pg_roles WHERE rolname = current_user"));
        me.exec();
        me.next();
        const QString owner = me.value(0).toString();
        const bool mayCreateRoles = me.value(1).toBool();
        if (name == owner) {
            result.error = Text::tr("%1 is the role you are connected as, which owns the schema; the counters need a "
                                    "role of their own. Choose another name.")
                               .arg(name);
            return result;
        }
        SqlStatement existing(
            m_connection,
            QStringLiteral("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls, "
                           "pg_has_role(oid, current_user, 'MEMBER') FROM pg_roles WHERE rolname = :name"));
        existing.bind(QStringLiteral(":name"), name).exec();
        const QString quoted
            = QSqlDatabase::database(m_connection, false).driver()->escapeIdentifier(name, QSqlDriver::TableName);
        if (existing.next()) {
            if (existing.value(0).toBool() || existing.value(1).toBool()) {
                result.error
                    = Text::tr("The role %1 exists and may do more than a counter should (it is a superuser, may "
                               "create roles or databases, replicate, bypass row security, or is a member of %2). "
                               "Choose another name, or take those rights away from it first.")
                          .arg(name, owner);
                return result;
            }
        } else if (!mayCreateRoles) {
            result.error
                = Text::tr("The role %1 does not exist, and %2 may not create roles. Create it as the server's "
                           "administrator (CREATE ROLE %1 LOGIN) or give %2 CREATEROLE, then run this again.")
                      .arg(name, owner);
            return result;
        } else {
            SqlStatement::run(m_connection,
                              QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                             "NOREPLICATION NOBYPASSRLS")
                                  .arg(quoted));
            result.created = true;
        }
        WriteTransaction transaction(m_connection);
        grantOn(quoted);
        transaction.commit();
        result.succeed();
    } catch (const StorageError &error) {
        result.failure = FailureKind::Storage;
        result.error = error.kind() == StorageError::Kind::NotPermitted
            ? Text::tr("The rights could not be granted: %1. Run setup-office as the role that owns the database and "
                       "its schema.")
                  .arg(error.message())
            : error.userMessage();
    }
    return result;
}

void CounterRole::grantOn(const QString &quotedRole)
{
    const auto run = [this](const QString &sql) { SqlStatement::run(m_connection, sql); };
    // Names come from the catalogue, never from input; quote_ident keeps odd ones intact.
    SqlStatement names(
        m_connection,
        QStringLiteral(
            "SELECT current_database(), quote_ident(current_schema()), "
            "(SELECT string_agg(quote_ident(tablename), ',') FROM pg_tables WHERE schemaname = current_schema())"));
    names.exec();
    names.next();
    const QString database = QSqlDatabase::database(m_connection, false)
                                 .driver()
                                 ->escapeIdentifier(names.value(0).toString(), QSqlDriver::TableName);
    const QString schema = names.value(1).toString();
    const QStringList tables = names.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Nobody but the owner creates anything here, not even temporary tables.
    run(QStringLiteral("REVOKE CREATE ON SCHEMA %1 FROM PUBLIC").arg(schema));
    run(QStringLiteral("REVOKE TEMPORARY ON DATABASE %1 FROM PUBLIC").arg(database));
    run(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(database, quotedRole));
    run(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, quotedRole));
    for (const QString &table : tables) {
        run(QStringLiteral("REVOKE ALL ON %1 FROM %2").arg(table, quotedRole));
        if (appendOnlyTables().contains(table) || table == QLatin1String(kSchemaVersionTable))
            run(QStringLiteral("GRANT SELECT%1 ON %2 TO %3")
                    .arg(table == QLatin1String(kSchemaVersionTable) ? QString() : QStringLiteral(", INSERT"), table,
                         quotedRole));
        else
            run(QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %2").arg(table, quotedRole));
    }
    // Identity columns draw from sequences: USAGE for nextval, no setval.
    run(QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(schema, quotedRole));
    // Records the role for the next migration (known()), which grants the rights on new tables.
    run(QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA %1 GRANT USAGE, SELECT ON SEQUENCES TO %2")
            .arg(schema, quotedRole));
}

QStringList CounterRole::known() const
{
    QStringList roles;
    if (SqlDialect::engineOf(m_connection) != SqlDialect::Engine::PostgreSQL)
        return roles;
    SqlStatement query(
        m_connection,
        QStringLiteral(
            "SELECT DISTINCT a.grantee::regrole::text FROM pg_default_acl d, aclexplode(d.defaclacl) a "
            "WHERE d.defaclrole = current_user::regrole AND d.defaclnamespace = current_schema()::regnamespace "
            "AND a.grantee <> 0 ORDER BY 1"));
    query.exec();
    while (query.next())
        roles << query.value(0).toString();
    return roles;
}

} // namespace gongji
