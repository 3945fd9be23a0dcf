#include "BackupCommand.h"

#include <QDir>
#include <QFileInfo>

#include "model/storage/BackupFolder.h"
#include "model/storage/DatabaseBackup.h"

namespace gongji {

QString BackupCommand::summary() const
{
    return QStringLiteral("Write a consistent copy of the database to a new file.");
}

QString BackupCommand::description() const
{
    return QStringLiteral("Copies the database to FILE as it is at one moment, also while gongji-desk or\n"
                          "another gongji-admin is working on it (counters are not stopped). The copy is\n"
                          "written under a temporary name, checked with SQLite's integrity check, and only\n"
                          "then named FILE. FILE must not exist: a backup never replaces a file.\n"
                          "Without FILE the copy goes into the folder backups/ beside the database, named\n"
                          "DATABASE-yyyyMMdd-HHmmss.sqlite, where gongji-desk keeps its daily backups and\n"
                          "offers them when the database is damaged (the desk prunes that folder to its newest\n"
                          "14). With a FOLDER the copy gets the same name in that folder. Backups are readable\n"
                          "by their owner only. An office server database is backed up with the server's own\n"
                          "tools (pg_dump), not here.");
}

void BackupCommand::addOptions(QCommandLineParser &) const {}

QString BackupCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (parser.positionalArguments().size() > 1)
        return QStringLiteral("backup takes at most one FILE (the new backup file) or FOLDER.");
    return {};
}

int BackupCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString given = parser.positionalArguments().value(0);
    QString target = given;
    DatabaseBackup::Result result;
    if (given.isEmpty() || QFileInfo(given).isDir()) {
        // The desk's backup folder (or the one named): the name tells when it was taken.
        BackupFolder folder(context.databasePath, given);
        const QDateTime now = QDateTime::currentDateTime();
        target = QDir(folder.folder()).filePath(folder.nameFor(now));
        result = folder.write(context.connection, now);
    } else {
        result = DatabaseBackup::backup(context.connection, target);
    }
    if (!result.ok) {
        context.err << result.error << '\n';
        return ExitStorage;
    }
    context.out << "Backup written and checked: " << QDir::toNativeSeparators(target) << '\n';
    return ExitOk;
}

} // namespace gongji
