#include "CopyToCommand.h"

#include "DatabaseAccess.h"
#include "model/storage/Database.h"
#include "model/export/DatabaseCopy.h"

namespace gongji {

QString CopyToCommand::summary() const
{
    return QStringLiteral("Copy the whole database into an empty one (e.g. a counter's file into the office server).");
}

QString CopyToCommand::description() const
{
    return QStringLiteral("Copies everything in the database given with --db (the source) into TARGET: the\n"
                          "registry, rule sets, filings, bindings of both kinds and the audit log, with their ids,\n"
                          "in one transaction. TARGET is a SQLite file path or an office server address\n"
                          "postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=...]; it is created or migrated to this\n"
                          "program's schema first (on a server: as the role that owns the schema, see setup-office)\n"
                          "and must hold no data (only the shipped rule sets, which give way\n"
                          "to the source's own). Row counts of every table are compared before the copy commits;\n"
                          "the copy is recorded in the target's audit log. The other way round makes a local\n"
                          "backup of an office database.\n"
                          "Needs a supervisor's sign-in on the source (the global --clerk LOGIN, see\n"
                          "gongji-admin --help); the copy carries the source's accounts.\n"
                          "Exit code 1 when TARGET is not empty or the counts differ (nothing changed), 2 when a\n"
                          "database cannot be opened, 3 when storing failed.");
}

void CopyToCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("TARGET"), QStringLiteral("The empty database to copy into."));
}

QString CopyToCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1)
        return QStringLiteral("give exactly one TARGET database, found %1 arguments.").arg(arguments.size());
    return {};
}

int CopyToCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString targetConnection = QStringLiteral("copy-target");
    // The target is new: as the owner of an office server's schema, its tables are created here.
    const Database::OpenResult opened = DatabaseAccess(context.dbPasswordFile, context.err)
                                            .open(parser.positionalArguments().constFirst(), targetConnection, true);
    if (!opened.ok) {
        context.err << opened.error << '\n';
        return ExitDatabase;
    }
    const DatabaseCopy::Result result = DatabaseCopy::copy(context.connection, targetConnection, context.actor);
    Database::close(targetConnection);
    if (!result.ok) {
        context.err << result.error << '\n';
        return exitCodeFor(result.failure);
    }
    for (auto it = result.rows.cbegin(); it != result.rows.cend(); ++it)
        context.out << it.key() << ": " << it.value() << '\n';
    context.out << "copied; every table's row count matches.\n";
    return ExitOk;
}

} // namespace gongji
