#include "model/storage/BackupFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

#include "model/storage/DatabaseLocation.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupFolder)
};

const QString timeFormat = QStringLiteral("yyyyMMdd-HHmmss");

QString baseNameOf(const QString &databasePath) { return QFileInfo(databasePath).completeBaseName(); }

} // namespace

BackupFolder::BackupFolder(const QString &databasePath, const QString &folder)
    : m_databasePath(databasePath)
    , m_folder(folder.isEmpty() ? QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"))
                                : QDir(folder).absolutePath())
{}

QString BackupFolder::unsupported() const
{
    const DatabaseLocation location = DatabaseLocation::parse(m_databasePath);
    if (location.isServer)
        return Text::tr("%1 is an office database on a server: Gongji Desk keeps no backups of it beside the "
                        "counter. Back it up with the server's own tools (for PostgreSQL: pg_dump).")
            .arg(location.displayName());
    return QString();
}

QString BackupFolder::nameFor(const QDateTime &when) const
{
    return QStringLiteral("%1-%2.sqlite").arg(baseNameOf(m_databasePath), when.toString(timeFormat));
}

QList<BackupFolder::Backup> BackupFolder::list() const
{
    QList<Backup> backups;
    if (!unsupported().isEmpty())
        return backups;
    const QRegularExpression pattern(
        QStringLiteral("^%1-(\\d{8}-\\d{6})\\.sqlite$").arg(QRegularExpression::escape(baseNameOf(m_databasePath))));
    const QFileInfoList files = QDir(m_folder).entryInfoList(QDir::Files);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = pattern.match(file.fileName());
        if (!match.hasMatch())
            continue;
        const QDateTime taken = QDateTime::fromString(match.captured(1), timeFormat);
        if (!taken.isValid())
            continue;
        backups.append(Backup{file.absoluteFilePath(), taken, file.size()});
    }
    std::sort(backups.begin(), backups.end(), [](const Backup &a, const Backup &b) {
        return a.taken != b.taken ? a.taken > b.taken : a.path > b.path;
    });
    return backups;
}

bool BackupFolder::hasBackupOn(const QDate &day) const
{
    const QList<Backup> backups = list();
    return std::any_of(backups.begin(), backups.end(), [&day](const Backup &b) { return b.taken.date() == day; });
}

DatabaseBackup::Result BackupFolder::write(const QString &connection, const QDateTime &when)
{
    DatabaseBackup::Result result;
    result.error = unsupported();
    if (!result.error.isEmpty())
        return result;
    if (!makeFolder()) {
        result.error = Text::tr("Cannot create the backup folder %1. Check the disk and the permissions of "
                                "the database's folder.")
                           .arg(QDir::toNativeSeparators(m_folder));
        return result;
    }
    return DatabaseBackup::backup(connection, QDir(m_folder).filePath(nameFor(when)));
}

DatabaseBackup::Result BackupFolder::writeDaily(const QString &connection, const QDateTime &when)
{
    DatabaseBackup::Result result;
    if (hasBackupOn(when.date())) {
        result.ok = true;
        return result;
    }
    result = write(connection, when);
    if (result.ok) {
        prune(automaticKeep);
        return result;
    }
    // A copy fails when pages of the live file cannot be read: then it is damaged itself.
    const QString problem = DatabaseBackup::verify(m_databasePath);
    if (!problem.isEmpty() && makeFolder()) {
        QFile note(damageNotePath());
        if (note.open(QIODevice::WriteOnly | QIODevice::Truncate))
            note.write(problem.toUtf8());
        result.error += QLatin1Char(' ') + problem;
    }
    return result;
}

bool BackupFolder::makeFolder() const
{
    if (QFileInfo(m_folder).isDir())
        return true;
    if (!QDir().mkpath(m_folder))
        return false;
    // Backups hold the same ID numbers and family relations as the database.
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

QString BackupFolder::damageNotePath() const
{
    return QDir(m_folder).filePath(baseNameOf(m_databasePath) + QStringLiteral(".damage-found"));
}

QString BackupFolder::notedDamage() const
{
    QFile note(damageNotePath());
    if (!note.open(QIODevice::ReadOnly))
        return QString();
    const QString text = QString::fromUtf8(note.readAll()).trimmed();
    return text.isEmpty() ? Text::tr("%1 was found damaged.").arg(m_databasePath) : text;
}

void BackupFolder::clearNotedDamage() { QFile::remove(damageNotePath()); }

QStringList BackupFolder::prune(int keep)
{
    QStringList removed;
    const QList<Backup> backups = list();
    for (qsizetype i = std::max(keep, 0); i < backups.size(); ++i)
        if (QFile::remove(backups.at(i).path))
            removed << backups.at(i).path;
    // Copies cut off by a power cut or a kill while being written (DatabaseBackup names them so).
    const QString partials = baseNameOf(m_databasePath) + QStringLiteral("-*.sqlite.partial-*");
    const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    for (const QFileInfo &file : QDir(m_folder).entryInfoList({partials}, QDir::Files))
        if (file.lastModified() < hourAgo && QFile::remove(file.absoluteFilePath()))
            removed << file.absoluteFilePath();
    return removed;
}

QString BackupFolder::check(const QString &backupPath) { return DatabaseBackup::verify(backupPath); }

BackupFolder::Backup BackupFolder::newestIntact(QStringList *refused) const
{
    for (const Backup &backup : list()) {
        const QString problem = check(backup.path);
        if (problem.isEmpty())
            return backup;
        if (refused)
            refused->append(problem);
    }
    return Backup();
}

DatabaseBackup::Result BackupFolder::restoreDamaged(const QString &backupPath) const
{
    DatabaseBackup::Result result;
    result.error = unsupported();
    if (!result.error.isEmpty())
        return result;
    return DatabaseBackup::restore(backupPath, m_databasePath, QStringLiteral("damaged"));
}

} // namespace gongji
