#include "SetupOfficeCommand.h"

#include <QJsonObject>

#include "model/storage/AuditLog.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Migrations.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

SetupOfficeCommand::SetupOfficeCommand()
    : m_counterRole(QStringLiteral("counter-role"), QStringLiteral("The database role the counters connect as."),
                    QStringLiteral("NAME"))
{}

QString SetupOfficeCommand::summary() const
{
    return QStringLiteral("Set up an office server: its schema and the counters' database role (as the schema owner).");
}

QString SetupOfficeCommand::description() const
{
    return QStringLiteral("Run once by the server's administrator, connected (--db) as the role that owns the office\n"
                          "database and will own its schema. Creates the schema (or upgrades it, as migrate does) and\n"
                          "creates the counter role NAME when it does not exist (LOGIN, no password yet: set one with\n"
                          "psql's \\password NAME), then grants it exactly what the programs need: read and write the\n"
                          "registry, rules, filings, bindings and accounts; only read and append to the audit log; no\n"
                          "CREATE, ALTER, DROP or TRUNCATE, no trigger, no function, no temporary table, nothing in\n"
                          "another schema. Running it again grants the same rights again and changes nothing else.\n"
                          "The counters then connect as NAME (gongji-desk's setting, gongji-admin --db).\n"
                          "Needs no clerk's sign-in: the server authenticates the owner. Recorded in the audit log.\n"
                          "Exit code 1 when NAME is refused (the owner itself, a superuser, a role with more rights),\n"
                          "2 when the database cannot be opened, 3 when a right cannot be granted.");
}

void SetupOfficeCommand::addOptions(QCommandLineParser &parser) const { parser.addOption(m_counterRole); }

QString SetupOfficeCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("setup-office takes only options, found \"%1\".")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    if (parser.value(m_counterRole).isEmpty())
        return QStringLiteral("--counter-role NAME is missing: the database role the counters will connect as.");
    if (!CounterRole::isValidName(parser.value(m_counterRole)))
        return QStringLiteral(
                   "\"%1\" is not a plain role name: a lower-case letter, then lower-case letters, digits or "
                   "\"_\" (e.g. gongji_counter).")
            .arg(parser.value(m_counterRole));
    return {};
}

int SetupOfficeCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    if (SqlDialect::engineOf(context.connection) != SqlDialect::Engine::PostgreSQL) {
        context.err << context.databasePath
                    << " is a local file; setup-office is for an office server "
                       "(--db postgresql://OWNER@HOST/DBNAME). Nothing was changed.\n";
        return ExitInputRefused;
    }
    const QString role = parser.value(m_counterRole);
    const CounterRole::Result result = CounterRole(context.connection).setUp(role);
    if (!result.ok) {
        context.err << result.error << '\n';
        return exitCodeFor(result.failure);
    }
    try {
        WriteTransaction transaction(context.connection);
        AuditLog(context.connection)
            .append(context.actor, AuditAction::OfficeSetup, role,
                    QJsonObject{{QStringLiteral("role_created"), result.created},
                                {QStringLiteral("schema_version"), Migrations::latestVersion()}});
        transaction.commit();
    } catch (const StorageError &error) {
        context.err << "The rights are granted, but the audit entry was not stored: " << error.userMessage() << '\n';
        return ExitStorage;
    }
    context.out << "The office schema is at version " << Migrations::latestVersion() << ".\n";
    if (result.created)
        context.out << "Counter role " << role << " created. Give it a password (psql: \\password " << role
                    << "), then point the counters at postgresql://" << role
                    << "@HOST/DBNAME?sslmode=verify-full&sslrootcert=CA.crt.\n";
    else
        context.out << "Counter role " << role << " exists; its rights were granted again.\n";
    return ExitOk;
}

} // namespace gongji
