#include "MigrateCommand.h"

#include <QJsonObject>

#include "model/storage/AuditLog.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Migrations.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

QString MigrateCommand::summary() const
{
    return QStringLiteral("Upgrade an office server's schema to this version (as the schema owner).");
}

QString MigrateCommand::description() const
{
    return QStringLiteral("Upgrades the office database given with --db to this program's schema, connected as the\n"
                          "role that owns the schema; the counter roles set up with setup-office get their rights on\n"
                          "the new tables. Counters never change the schema themselves: one that finds an older\n"
                          "schema says to ask the administrator and stops. Upgrade every counter's program after\n"
                          "this: an older program refuses the newer schema. A local file is brought up to date\n"
                          "when it is opened, so migrate has nothing more to do there.\n"
                          "Exit code 2 when the database cannot be opened (or the upgrade failed: nothing changed),\n"
                          "3 when a right cannot be granted.");
}

QString MigrateCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("migrate takes no arguments, found \"%1\".")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    return {};
}

int MigrateCommand::run(const QCommandLineParser &, const AdminContext &context)
{
    // Database::open has upgraded the schema (upgradesServerSchema).
    const QStringList roles = CounterRole(context.connection).known();
    for (const QString &role : roles) {
        const CounterRole::Result granted = CounterRole(context.connection).setUp(role);
        if (!granted.ok) {
            context.err << "The schema is at version " << Migrations::latestVersion() << ", but the counter role "
                        << role << " did not get its rights: " << granted.error << '\n';
            return ExitStorage;
        }
    }
    if (SqlDialect::engineOf(context.connection) == SqlDialect::Engine::PostgreSQL) {
        try {
            WriteTransaction transaction(context.connection);
            AuditLog(context.connection)
                .append(context.actor, AuditAction::SchemaMigrate, QString(),
                        QJsonObject{{QStringLiteral("schema_version"), Migrations::latestVersion()}});
            transaction.commit();
        } catch (const StorageError &error) {
            context.err << "The schema is upgraded, but the audit entry was not stored: " << error.userMessage()
                        << '\n';
            return ExitStorage;
        }
    }
    context.out << "The schema is at version " << Migrations::latestVersion() << '.';
    if (!roles.isEmpty())
        context.out << " Counter roles granted their rights again: " << roles.join(QStringLiteral(", ")) << '.';
    context.out << '\n';
    return ExitOk;
}

} // namespace gongji
