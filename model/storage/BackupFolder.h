#pragma once
#include <QDateTime>
#include <QList>
#include <QString>

#include "model/storage/DatabaseBackup.h"

namespace gongji {

// The backups of one local SQLite database, kept in the folder `backups/` beside its file as
// <database name>-<yyyyMMdd-HHmmss>.sqlite (local time of writing), readable by the owner only.
// gongji-desk writes one at the first clean close of each day and keeps the newest
// `automaticKeep`; `gongji-admin backup` without a FILE writes into the same folder. An office
// server (PostgreSQL) has no such folder: its own backups are the server's business.
//
// Writing, checking and restoring go through DatabaseBackup; this class names, lists and prunes.
class BackupFolder
{
public:
    struct Backup
    {
        QString path;
        QDateTime taken; // from the file name, local time
        qint64 size = 0;
    };

    static constexpr int automaticKeep = 14;

    // `databasePath`: the live SQLite file. `folder`: where its backups are; empty for the
    // default `backups/` beside the file.
    explicit BackupFolder(const QString &databasePath, const QString &folder = QString());

    QString databasePath() const { return m_databasePath; }
    QString folder() const { return m_folder; }
    // Not empty when the database is not a local file (an office server address).
    QString unsupported() const;

    // The backups of this database in the folder, newest first. Files of other names are ignored.
    QList<Backup> list() const;
    // The file name a backup written at `when` gets.
    QString nameFor(const QDateTime &when) const;

    // Writes a consistent copy of the open database on `connection` into the folder (created
    // owner-only when missing), named after `when`.
    DatabaseBackup::Result write(const QString &connection, const QDateTime &when = QDateTime::currentDateTime());
    // The automatic backup: writes one unless the folder has one from the day of `when`, then
    // keeps the newest `automaticKeep` (also ok when none was due). When the copy fails, the
    // live database itself is checked; if it fails the integrity check that is noted in the
    // folder (notedDamage), so that the next start checks it before any work.
    DatabaseBackup::Result writeDaily(const QString &connection, const QDateTime &when = QDateTime::currentDateTime());
    bool hasBackupOn(const QDate &day) const;
    // Deletes all but the newest `keep` backups; returns the deleted paths.
    QStringList prune(int keep);

    // Empty when `backupPath` passes PRAGMA integrity_check and is a Gongji Desk database
    // (DatabaseBackup::verify; backups are written in rollback-journal mode, so checking one in
    // place leaves it as it is).
    static QString check(const QString &backupPath);
    // The newest backup that passes the check; path empty when there is none. `refused`, when
    // given, receives the newer ones that failed, each with what is wrong.
    Backup newestIntact(QStringList *refused = nullptr) const;

    // What an earlier run found wrong with the live database (empty: nothing noted).
    QString notedDamage() const;
    void clearNotedDamage();

    // Puts `backupPath` in place of the damaged database, all or nothing; the damaged file is
    // kept beside it as <database>.damaged-<UTC time> (keptAside), never deleted.
    DatabaseBackup::Result restoreDamaged(const QString &backupPath) const;

private:
    bool makeFolder() const; // owner-only when it has to be created
    QString damageNotePath() const;

    QString m_databasePath;
    QString m_folder;
};

} // namespace gongji
