#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include "storage/Migrations.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

namespace gongji {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

QVariant scalar(const QString &connection, const QString &sql)
{
    SqlStatement statement(connection, sql);
    statement.exec();
    return statement.next() ? statement.value(0) : QVariant();
}

// Reads without writing: decides whether this file may be opened for work at all.
void checkReadable(const QString &connection, const QString &path)
{
    int userVersion = 0;
    int objects = 0;
    try {
        userVersion = scalar(connection, QStringLiteral("PRAGMA user_version")).toInt();
        objects = scalar(connection, QStringLiteral("SELECT COUNT(*) FROM sqlite_master")).toInt();
    } catch (const StorageError &error) {
        if (error.kind() == StorageError::Kind::NotADatabase || error.kind() == StorageError::Kind::Corrupt)
            throw StorageError(StorageError::Kind::NotADatabase,
                               tr("%1 is not a Gongji Desk database or is damaged. The file was not changed. "
                                  "Choose another file with --db, or restore a backup.").arg(path));
        throw;
    }
    if (userVersion > Migrations::latestVersion())
        throw StorageError(StorageError::Kind::NewerSchema,
                           tr("%1 was written by a newer version of Gongji Desk (schema %2; this program knows up to %3). "
                              "The file was not changed. Update Gongji Desk before using it.")
                               .arg(path).arg(userVersion).arg(Migrations::latestVersion()));
    if (userVersion == 0 && objects > 0)
        throw StorageError(StorageError::Kind::NotADatabase,
                           tr("%1 is an SQLite database of another program, not of Gongji Desk. The file was not changed. "
                              "Choose another file with --db.").arg(path));
}

} // namespace

QString Database::defaultConnectionName()
{
    return QStringLiteral("gongji");
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("gongji-desk.sqlite"));
}

Database::OpenResult Database::open(const QString &path, const QString &connection)
{
    close(connection);
    OpenResult result;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        result.error = tr("%1 is not a file. Choose a database file with --db.").arg(path);
        return result;
    }
    if (!info.exists() && !info.absoluteDir().exists()) {
        result.error = tr("The folder of %1 does not exist. Create it or choose another path with --db.").arg(path);
        return result;
    }
    const bool isNew = !info.exists() || info.size() == 0;

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        // A busy database waits this long for another counter's transaction, then says so.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open()) {
            result.error = tr("Cannot open %1: %2").arg(path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return result;
        }
    }
    if (isNew) // ID numbers and family relations: readable by the owner only.
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    try {
        checkReadable(connection, path);
        // Foreign keys are per connection and ignored inside a transaction: set before anything else.
        SqlStatement::run(connection, QStringLiteral("PRAGMA foreign_keys = ON"));
        const QString mode = scalar(connection, QStringLiteral("PRAGMA journal_mode = WAL")).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw StorageError(StorageError::Kind::Other, tr("%1: cannot switch to WAL journal mode (got %2).").arg(path, mode));
        SqlStatement::run(connection, QStringLiteral("PRAGMA synchronous = FULL"));
        const int version = scalar(connection, QStringLiteral("PRAGMA user_version")).toInt();
        Migrations::migrate(connection, version);
    } catch (const StorageError &error) {
        // checkReadable() writes complete messages; anything later gets the file name in front.
        const bool complete = error.kind() == StorageError::Kind::NotADatabase
                              || error.kind() == StorageError::Kind::NewerSchema;
        result.error = complete ? error.message() : tr("Cannot prepare %1: %2").arg(path, error.userMessage());
        close(connection);
        return result;
    }
    result.ok = true;
    return result;
}

void Database::close(const QString &connection)
{
    if (!QSqlDatabase::contains(connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

QString Database::pathOf(const QString &connection)
{
    return QSqlDatabase::database(connection, false).databaseName();
}

} // namespace gongji
