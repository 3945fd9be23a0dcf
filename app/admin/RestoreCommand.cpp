#include "RestoreCommand.h"

#include <QDir>

#include "model/startup/DatabaseStartup.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseBackup.h"

namespace gongji {

QString RestoreCommand::summary() const
{
    return QStringLiteral("Replace the database by a backup that passes the integrity check.");
}

QString RestoreCommand::description() const
{
    return QStringLiteral("Puts the backup FILE in place of the database. A copy of FILE is made beside the\n"
                          "database and checked first (SQLite's integrity check, a Gongji Desk schema); a file\n"
                          "that fails is refused and nothing changes. Then the copy replaces the database in\n"
                          "one step, so a crash leaves either the old database or the restored one. The\n"
                          "replaced file is kept beside it as DATABASE.before-restore-TIME. Close gongji-desk\n"
                          "first: a database in use is not replaced.\n\n"
                          "Needs a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin --help),\n"
                          "checked against the database's accounts, or, when the database cannot be opened\n"
                          "(damaged), against a copy of the backup's.");
}

void RestoreCommand::addOptions(QCommandLineParser &) const {}

QString RestoreCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (parser.positionalArguments().size() != 1)
        return QStringLiteral("restore takes exactly one FILE, the backup to restore.");
    return {};
}

QString RestoreCommand::signInFallback(const QCommandLineParser &parser) const
{
    return parser.positionalArguments().value(0);
}

int RestoreCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString backup = parser.positionalArguments().first();
    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, context.databasePath);
    if (!result.ok) {
        context.err << result.error << '\n';
        return ExitInputRefused;
    }
    context.out << "Restored " << QDir::toNativeSeparators(backup) << " to "
                << QDir::toNativeSeparators(context.databasePath) << ".\n";
    // Who restored what goes into the restored database's own audit log.
    const QString recorder = QStringLiteral("restore-record");
    const Database::OpenResult restored = DatabaseStartup::open(context.databasePath, recorder);
    const QString unrecorded = restored.ok
        ? DatabaseBackup::recordRestore(recorder, context.actor, backup, result.keptAside)
        : restored.error;
    Database::close(recorder);
    if (!unrecorded.isEmpty())
        context.err << "The restore could not be written to the audit log: " << unrecorded << '\n';
    if (!result.keptAside.isEmpty())
        context.out << "The replaced database was kept as " << QDir::toNativeSeparators(result.keptAside) << ".\n";
    return ExitOk;
}

} // namespace gongji
