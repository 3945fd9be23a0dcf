#pragma once
#include <QString>

namespace gongji {

// Consistent copies of the database and their safe return. A backup is made while the
// desk may be open (VACUUM INTO reads one snapshot); a restore never leaves a half-written or
// damaged file in place of the live one: the copy is checked first, then renamed over it.
class DatabaseBackup
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // what went wrong and what to do, in the UI language
        QString keptAside; // restore: where the replaced database was kept (empty if none)
    };

    // Writes a copy of the open database on `connection` to `target`, which must not exist.
    // The copy is written under a temporary name, checked, and only then given its name.
    static Result backup(const QString &connection, const QString &target);

    // Replaces the database file `livePath` by the backup `backupPath`. Refuses a backup that
    // fails PRAGMA integrity_check or is not a Gongji Desk database of a known schema, and a
    // live file that another program has open. The replaced file is kept beside it as
    // <livePath>.<asideTag>-<UTC time> (with its write-ahead log, if one is left); when it cannot
    // be kept, nothing is changed.
    // No role is checked here, on purpose: a restore is needed exactly when the live file is
    // damaged or gone, so its accounts cannot be asked, and the backup brings its own accounts.
    // The guards are the file's owner-only permissions and the callers: `gongji-admin restore`
    // requires a supervisor's sign-in whenever the live database still opens.
    static Result restore(const QString &backupPath, const QString &livePath,
                          const QString &asideTag = QStringLiteral("before-restore"));

    // Writes the "database_restore" audit entry into the restored database (open on
    // `connection`): which backup, where the replaced file was kept. `actor` is the signed-in
    // supervisor (CLI) or, at the desk's start before anyone signs in, the operating-system
    // user. Empty on success, otherwise the error in the UI language.
    static QString recordRestore(const QString &connection, const QString &actor, const QString &backupPath,
                                 const QString &keptAside);

    // Empty when `path` is an intact Gongji Desk database; otherwise what is wrong with it.
    // Opens the file for writing (SQLite may create its -wal/-shm beside it): pass own copies.
    static QString verify(const QString &path);
};

} // namespace gongji
