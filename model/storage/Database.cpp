#include "model/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>

#include "model/storage/DatabaseLocation.h"
#include "model/storage/Migrations.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// The address (with its TLS settings, without password) each open server connection was opened
// with: what pathOf() answers. Connection names are global to the process, as in QtSql.
struct ServerAddresses
{
    QMutex mutex;
    QHash<QString, QString> byConnection;
    QSet<QString> lost; // connections whose server went away (markLost)
};

ServerAddresses &serverAddresses()
{
    static ServerAddresses addresses;
    return addresses;
}

QVariant scalar(const QString &connection, const QString &sql)
{
    SqlStatement statement(connection, sql);
    statement.exec();
    return statement.next() ? statement.value(0) : QVariant();
}

// Reads without writing: decides whether this database may be used for work at all.
void checkReadable(const QString &connection, const QString &name)
{
    int version = 0;
    bool foreign = false;
    try {
        version = SqlDialect::schemaVersion(connection);
        foreign = SqlDialect::holdsForeignTables(connection);
    } catch (const StorageError &error) {
        if (error.kind() == StorageError::Kind::NotADatabase || error.kind() == StorageError::Kind::Corrupt)
            throw StorageError(StorageError::Kind::Corrupt,
                               Text::tr("%1 is not a Gongji Desk database or is damaged. The file was not changed. "
                                        "Choose another file with --db, or restore a backup.")
                                   .arg(name));
        throw;
    }
    if (version > Migrations::latestVersion())
        throw StorageError(
            StorageError::Kind::NewerSchema,
            Text::tr("%1 was written by a newer version of Gongji Desk (schema %2; this program knows up to %3). "
                     "The file was not changed. Update Gongji Desk before using it.")
                .arg(name)
                .arg(version)
                .arg(Migrations::latestVersion()));
    if (foreign)
        throw StorageError(StorageError::Kind::NotADatabase,
                           Text::tr("%1 is a database of another program, not of Gongji Desk. It was not changed. "
                                    "Choose another database with --db.")
                               .arg(name));
}

// A counter never changes the office's schema: the other counters may still run the release it
// belongs to, and the counter role may not change it anyway. The administrator upgrades it.
void checkServerSchemaCurrent(const QString &connection, const DatabaseLocation &location)
{
    const int version = SqlDialect::schemaVersion(connection);
    if (version == 0)
        throw StorageError(
            StorageError::Kind::OlderSchema,
            Text::tr("The office database %1 has no Gongji Desk tables yet. Ask the administrator to set it "
                     "up (gongji-admin --db ADDRESS setup-office --counter-role NAME, as the role that "
                     "owns the schema). Nothing was changed.")
                .arg(location.displayName()));
    if (version < Migrations::latestVersion())
        throw StorageError(
            StorageError::Kind::OlderSchema,
            Text::tr("The office database %1 has schema version %2; this program needs version %3. Ask "
                     "the administrator to upgrade it (gongji-admin --db ADDRESS migrate, as the role that "
                     "owns the schema). Nothing was changed.")
                .arg(location.displayName())
                .arg(version)
                .arg(Migrations::latestVersion()));
}

// The server must sort text by code point, as SQLite does: filing numbers and name prefixes are
// found by ranges, which other collations would order differently.
void checkServerCollation(const QString &connection, const QString &name)
{
    const QString collation = scalar(connection, QStringLiteral("SELECT current_setting('lc_collate')")).toString();
    static const QStringList plain
        = {QStringLiteral("C"), QStringLiteral("POSIX"), QStringLiteral("C.UTF-8"), QStringLiteral("C.utf8")};
    if (!plain.contains(collation))
        throw StorageError(
            StorageError::Kind::NotADatabase,
            Text::tr("%1 sorts text by the collation %2; Gongji Desk needs C. Create the office database with "
                     "\"createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 NAME\".")
                .arg(name, collation));
}

bool addFileConnection(const QString &path, const QString &connection, Database::OpenResult &result)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        result.error = Text::tr("%1 is not a file. Choose a database file with --db.").arg(path);
        return false;
    }
    if (!info.exists() && !info.absoluteDir().exists()) {
        result.error
            = Text::tr("The folder of %1 does not exist. Create it or choose another path with --db.").arg(path);
        return false;
    }
    const bool isNew = !info.exists() || info.size() == 0;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    // A busy database waits this long for another counter's transaction, then says so.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(Database::busyTimeoutMs));
    if (!db.open()) {
        result.error = Text::tr("Cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }
    if (isNew) // ID numbers and family relations: readable by the owner only.
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

// libpq's reason for a refused connection, with what it means for an office and what to do.
// libpq words its errors in the user's language; the English ones are recognised, any other is
// passed on as it came.
QString refusalReason(const DatabaseLocation &location, const QString &driverText)
{
    const QString text = driverText.trimmed();
    if (text.contains(QLatin1String("does not match host name")))
        return Text::tr("the server's certificate is not made out to the host name %1, so it may be another server. "
                        "Use the host name written in the certificate, or ask the administrator for a certificate "
                        "for this name. (%2)")
            .arg(location.host, text);
    if (text.contains(QLatin1String("certificate verify failed")))
        return Text::tr("the server's certificate is not signed by the authority in %1 (sslrootcert), so the server "
                        "cannot be trusted. Check that sslrootcert names the office's CA certificate. (%2)")
            .arg(location.sslRootCert.isEmpty() ? QStringLiteral("~/.postgresql/root.crt") : location.sslRootCert,
                 text);
    if (text.contains(QLatin1String("does not support SSL")))
        return Text::tr("the server does not offer an encrypted (TLS) connection, and sslmode=%1 requires one. "
                        "Nothing was sent to it. Ask the administrator to turn on ssl in postgresql.conf. (%2)")
            .arg(location.sslMode, text);
    return text;
}

bool addServerConnection(const DatabaseLocation &location, const QString &password, const QString &connection,
                         Database::OpenResult &result)
{
    if (!location.error.isEmpty()) {
        result.error = location.error;
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        result.error = Text::tr("The PostgreSQL driver of Qt is not installed (Debian package libqt6sql6-psql).");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setUserName(location.user);
    // Empty: libpq looks in PGPASSWORD and the password file (~/.pgpass or PGPASSFILE).
    db.setPassword(password.isEmpty() ? location.password : password);
    db.setDatabaseName(location.databaseName);
    // Waiting for the writer lock is bounded like SQLite's busy timeout; a lost server is noticed soon.
    QString options = QStringLiteral("connect_timeout=5;application_name=gongji-desk;"
                                     "options='-c lock_timeout=%1 -c statement_timeout=60000'")
                          .arg(Database::busyTimeoutMs);
    const QString tls = location.tlsConnectOptions();
    if (!tls.isEmpty())
        options += QLatin1Char(';') + tls;
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString driverText = db.lastError().text();
        // libpq's fixed text (PQnoPasswordSupplied), never translated.
        result.needsPassword = driverText.contains(QLatin1String("no password supplied"));
        result.error = result.needsPassword
            ? Text::tr("The office database %1 asks for a password, and none was given or found in the password "
                       "file (~/.pgpass or PGPASSFILE).")
                  .arg(location.displayName())
            : Text::tr("Cannot reach the office database %1: %2")
                  .arg(location.displayName(), refusalReason(location, driverText));
        return false;
    }
    return true;
}

} // namespace

QString Database::defaultConnectionName() { return QStringLiteral("gongji"); }

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("gongji-desk.sqlite"));
}

Database::OpenResult Database::open(const QString &where, const QString &connection)
{
    return open(where, connection, Options());
}

Database::OpenResult Database::open(const QString &where, const QString &connection, const Options &options)
{
    close(connection);
    OpenResult result;
    const DatabaseLocation location = DatabaseLocation::parse(where);
    const QString name = location.displayName();
    result.warning = location.passwordWarning();
    const bool added = location.isServer ? addServerConnection(location, options.password, connection, result)
                                         : addFileConnection(location.path, connection, result);
    if (!added) {
        close(connection);
        return result;
    }
    bool readable = false;
    try {
        checkReadable(connection, name);
        readable = true;
        if (SqlDialect::engineOf(connection) == SqlDialect::Engine::SQLite) {
            // Foreign keys are per connection and ignored inside a transaction: set before anything else.
            SqlStatement::run(connection, QStringLiteral("PRAGMA foreign_keys = ON"));
            const QString mode = scalar(connection, QStringLiteral("PRAGMA journal_mode = WAL")).toString();
            if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                throw StorageError(StorageError::Kind::Other,
                                   Text::tr("%1: cannot switch to WAL journal mode (got %2).").arg(name, mode));
            SqlStatement::run(connection, QStringLiteral("PRAGMA synchronous = FULL"));
        } else {
            checkServerCollation(connection, name);
            if (!options.upgradeServerSchema)
                checkServerSchemaCurrent(connection, location);
        }
        Migrations::migrate(connection, SqlDialect::schemaVersion(connection));
    } catch (const StorageError &error) {
        // checkReadable() writes complete messages; anything later gets the database's name in front.
        const bool complete = error.kind() == StorageError::Kind::NotADatabase
            || error.kind() == StorageError::Kind::NewerSchema || error.kind() == StorageError::Kind::OlderSchema
            || (error.kind() == StorageError::Kind::Corrupt && !readable);
        result.damaged = !location.isServer && error.kind() == StorageError::Kind::Corrupt;
        result.error = complete ? error.message() : Text::tr("Cannot prepare %1: %2").arg(name, error.userMessage());
        close(connection);
        return result;
    }
    SqlStatement::keepStatements(connection);
    if (location.isServer) {
        QMutexLocker lock(&serverAddresses().mutex);
        serverAddresses().byConnection.insert(connection, name);
    }
    result.ok = true;
    return result;
}

void Database::close(const QString &connection)
{
    SqlStatement::forgetStatements(connection);
    {
        QMutexLocker lock(&serverAddresses().mutex);
        serverAddresses().byConnection.remove(connection);
        serverAddresses().lost.remove(connection);
    }
    if (!QSqlDatabase::contains(connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void Database::markLost(const QString &connection)
{
    QMutexLocker lock(&serverAddresses().mutex);
    if (serverAddresses().byConnection.contains(connection))
        serverAddresses().lost.insert(connection);
}

void Database::reopenIfLost(const QString &connection)
{
    QString address;
    {
        QMutexLocker lock(&serverAddresses().mutex);
        if (!serverAddresses().lost.contains(connection))
            return;
        address = serverAddresses().byConnection.value(connection);
    }
    // The kept statements belong to the broken session; the new one prepares its own.
    SqlStatement::forgetStatements(connection);
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    db.close();
    // The same host, role, password and settings the connection was first opened with.
    if (!db.open())
        throw StorageError(StorageError::Kind::ConnectionLost,
                           Text::tr("%1 cannot be reached: %2").arg(address, db.lastError().text().trimmed()));
    SqlStatement::keepStatements(connection);
    QMutexLocker lock(&serverAddresses().mutex);
    serverAddresses().lost.remove(connection);
}

QString Database::pathOf(const QString &connection)
{
    {
        QMutexLocker lock(&serverAddresses().mutex);
        const auto server = serverAddresses().byConnection.constFind(connection);
        if (server != serverAddresses().byConnection.cend())
            return *server;
    }
    return QSqlDatabase::database(connection, false).databaseName();
}

} // namespace gongji
