#include "model/storage/DatabaseBackup.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <cstdio>
#include <unistd.h>

#include "model/storage/AuditLog.h"
#include "model/storage/Migrations.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)
};

// A connection of its own for the duration of one check, removed again on every path.
class ScopedConnection
{
public:
    ScopedConnection(const QString &path, const QString &options)
        : m_name(QStringLiteral("gongji-backup-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~ScopedConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }

private:
    static inline int s_counter = 0;
    QString m_name;
    QString m_error;
    bool m_open = false;
};

QString uniqueSibling(const QString &path, const QString &tag)
{
    return path
        + QStringLiteral(".%1-%2-%3")
              .arg(tag)
              .arg(QCoreApplication::applicationPid())
              .arg(QDateTime::currentMSecsSinceEpoch());
}

// Data written to a file is on disk before the file is renamed into place.
bool syncFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return ::fsync(file.handle()) == 0;
}

void syncDirectoryOf(const QString &path)
{
    QFile dir(QFileInfo(path).absolutePath());
    if (dir.open(QIODevice::ReadOnly))
        ::fsync(dir.handle());
}

void removeWithCompanions(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

} // namespace

QString DatabaseBackup::recordRestore(const QString &connection, const QString &actor, const QString &backupPath,
                                      const QString &keptAside)
{
    try {
        WriteTransaction transaction(connection);
        AuditLog(connection)
            .append(actor, AuditAction::DatabaseRestore, QFileInfo(backupPath).fileName(),
                    QJsonObject{{QStringLiteral("backup"), QFileInfo(backupPath).absoluteFilePath()},
                                {QStringLiteral("kept_aside"), keptAside}});
        transaction.commit();
        return {};
    } catch (const StorageError &error) {
        return error.userMessage();
    }
}

QString DatabaseBackup::verify(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Text::tr("%1 does not exist or is not a file.").arg(path);
    ScopedConnection check(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!check.isOpen())
        return Text::tr("%1 cannot be opened: %2").arg(path, check.error());
    QSqlQuery query(QSqlDatabase::database(check.name(), false));
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return Text::tr("%1 is not an SQLite database or is damaged: %2").arg(path, query.lastError().text());
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")})
        return Text::tr("%1 failed the integrity check: %2").arg(path, problems.mid(0, 5).join(QStringLiteral("; ")));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return Text::tr("%1: cannot read its schema version: %2").arg(path, query.lastError().text());
    const int version = query.value(0).toInt();
    if (version < 1 || version > Migrations::latestVersion())
        return Text::tr("%1 is not a Gongji Desk database of a known version (schema %2; this program knows 1 to %3).")
            .arg(path)
            .arg(version)
            .arg(Migrations::latestVersion());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM person")) || !query.next())
        return Text::tr("%1 has no insured registry; it is not a Gongji Desk database.").arg(path);
    return QString();
}

DatabaseBackup::Result DatabaseBackup::backup(const QString &connection, const QString &target)
{
    Result result;
    if (QSqlDatabase::database(connection, false).driverName() != QLatin1String("QSQLITE")) {
        result.error = Text::tr("This is an office database on a database server; back it up with the server's own "
                                "tools (for PostgreSQL: pg_dump). Nothing was written.");
        return result;
    }
    if (QFileInfo::exists(target)) {
        result.error
            = Text::tr("%1 already exists. Choose a new file name; a backup never replaces a file.").arg(target);
        return result;
    }
    if (!QFileInfo(target).absoluteDir().exists()) {
        result.error = Text::tr("The folder of %1 does not exist. Create it or choose another path.").arg(target);
        return result;
    }
    const QString partial = uniqueSibling(target, QStringLiteral("partial"));
    try {
        // One read transaction: the copy is the database as of one moment, whatever other
        // counters commit meanwhile, and writers are never blocked (WAL).
        SqlStatement(connection, QStringLiteral("VACUUM INTO :target")).bind(QStringLiteral(":target"), partial).exec();
    } catch (const StorageError &error) {
        removeWithCompanions(partial);
        result.error = Text::tr("The backup could not be written to %1: %2").arg(target, error.userMessage());
        return result;
    }
    // ID numbers and family relations: readable by the owner only, like the database itself.
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString problem = verify(partial);
    if (!problem.isEmpty() || !syncFile(partial)) {
        removeWithCompanions(partial);
        result.error = Text::tr("The backup copy failed its check and was deleted: %1").arg(problem);
        return result;
    }
    // link() refuses an existing name, so a file created meanwhile is never replaced.
    if (::link(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        removeWithCompanions(partial);
        result.error = Text::tr("The backup could not be given the name %1 (it may exist now).").arg(target);
        return result;
    }
    QFile::remove(partial);
    syncDirectoryOf(target);
    result.ok = true;
    return result;
}

DatabaseBackup::Result DatabaseBackup::restore(const QString &backupPath, const QString &livePath,
                                               const QString &asideTag)
{
    Result result;
    const QFileInfo live(livePath);
    if (!live.absoluteDir().exists()) {
        result.error = Text::tr("The folder of %1 does not exist.").arg(livePath);
        return result;
    }
    // The backup itself is never opened: its copy, beside the live file, is checked and renamed.
    const QString candidate = uniqueSibling(livePath, QStringLiteral("restoring"));
    if (!QFile::copy(backupPath, candidate)) {
        result.error
            = Text::tr("Cannot read the backup %1 or write beside %2. Nothing was changed.").arg(backupPath, livePath);
        return result;
    }
    QFile::setPermissions(candidate, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString problem = verify(candidate);
    if (!problem.isEmpty()) {
        removeWithCompanions(candidate);
        result.error = Text::tr("The backup was refused and nothing was changed: %1")
                           .arg(QString(problem).replace(candidate, backupPath));
        return result;
    }
    syncFile(candidate);

    if (live.exists()) {
        // Nobody else may have the live file open: an exclusive lock says so. A damaged live
        // file cannot be locked this way, and then nobody can be working on it either.
        ScopedConnection lock(livePath, QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (lock.isOpen()) {
            QSqlQuery query(QSqlDatabase::database(lock.name(), false));
            query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"));
            if (!query.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
                const QString code = query.lastError().nativeErrorCode();
                if (code == QLatin1String("5") || code == QLatin1String("6")) { // SQLITE_BUSY, SQLITE_LOCKED
                    removeWithCompanions(candidate);
                    result.error = Text::tr("%1 is in use by another program (gongji-desk or gongji-admin). "
                                            "Close it, then restore again. Nothing was changed.")
                                       .arg(livePath);
                    return result;
                }
            } else {
                query.exec(QStringLiteral("ROLLBACK"));
                // The live file's last commits leave its write-ahead log for the copy kept aside.
                query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
        }
        const QString aside = livePath + QLatin1Char('.') + asideTag + QLatin1Char('-')
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        if (::link(QFile::encodeName(livePath).constData(), QFile::encodeName(aside).constData()) != 0) {
            // The replaced file is never lost: without a second name for it nothing changes.
            removeWithCompanions(candidate);
            result.error
                = Text::tr("Cannot keep %1 aside as %2 before replacing it. Nothing was changed.").arg(livePath, aside);
            return result;
        }
        result.keptAside = aside;
        // A damaged file's last commits may still be in its log: it goes aside with it.
        const QString wal = livePath + QStringLiteral("-wal");
        if (QFileInfo(wal).size() > 0)
            ::link(QFile::encodeName(wal).constData(), QFile::encodeName(aside + QStringLiteral("-wal")).constData());
    }
    // rename() replaces the live name in one step: a crash leaves the old file or the new one.
    if (::rename(QFile::encodeName(candidate).constData(), QFile::encodeName(livePath).constData()) != 0) {
        removeWithCompanions(candidate);
        if (!result.keptAside.isEmpty()) // only second names of the files still in place
            removeWithCompanions(result.keptAside);
        result.keptAside.clear();
        result.error = Text::tr("Cannot put the backup in place of %1. Nothing was changed.").arg(livePath);
        return result;
    }
    // A log left by the replaced file must never be applied to the restored one.
    QFile::remove(livePath + QStringLiteral("-wal"));
    QFile::remove(livePath + QStringLiteral("-shm"));
    syncDirectoryOf(livePath);
    result.ok = true;
    return result;
}

} // namespace gongji
