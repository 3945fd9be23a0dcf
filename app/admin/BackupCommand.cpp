#include "BackupCommand.h"

#include <QDir>

#include "storage/DatabaseBackup.h"

namespace gongji {

QString BackupCommand::summary() const
{
    return QStringLiteral("Write a consistent copy of the database to a new file.");
}

QString BackupCommand::description() const
{
    return QStringLiteral(
        "Copies the database to FILE as it is at one moment, also while gongji-desk or\n"
        "another gongji-admin is working on it (counters are not stopped). The copy is\n"
        "written under a temporary name, checked with SQLite's integrity check, and only\n"
        "then named FILE. FILE must not exist: a backup never replaces a file.");
}

void BackupCommand::addOptions(QCommandLineParser &) const
{
}

QString BackupCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (parser.positionalArguments().size() != 1)
        return QStringLiteral("backup takes exactly one FILE, the new backup file.");
    return {};
}

int BackupCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString target = parser.positionalArguments().first();
    const DatabaseBackup::Result result = DatabaseBackup::backup(context.connection, target);
    if (!result.ok) {
        context.err << result.error << '\n';
        return ExitStorage;
    }
    context.out << "Backup written and checked: " << QDir::toNativeSeparators(target) << '\n';
    return ExitOk;
}

} // namespace gongji
