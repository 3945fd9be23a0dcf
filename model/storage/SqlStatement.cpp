#include "model/storage/SqlStatement.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "model/storage/Database.h"
#include "model/storage/NamedStatements.h"
#include "model/storage/SqliteStatement.h"
#include "model/storage/StorageError.h"

namespace gongji {

struct SqlStatement::Prepared
{
    std::unique_ptr<QSqlQuery> query; // PostgreSQL, or a connection whose statements are not kept
    std::unique_ptr<SqliteStatement> native; // a kept SQLite connection
    bool inUse = false;
};

namespace {

using Prepared = SqlStatement::Prepared;

struct KeptConnection
{
    sqlite3 *sqlite = nullptr; // the handle when the connection is SQLite
    QHash<QString, std::shared_ptr<Prepared>> statements;
};

// Kept statements by connection name, then by SQL text. Each connection is used by one thread
// (QtSql's rule), but different threads use different connections: one lock for the map.
struct KeptStatements
{
    QMutex mutex;
    QHash<QString, KeptConnection> byConnection;
    QHash<QString, qint64> roundTrips; // requests sent, by connection (SqlStatement::roundTrips)
};

KeptStatements &kept()
{
    static KeptStatements statements;
    return statements;
}

void prepareQuery(Prepared &prepared, const QString &connection, const QString &sql)
{
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    prepared.query = std::make_unique<QSqlQuery>(db);
    // Only next() is offered: a forward-only result does not keep every row it passed. Not on
    // PostgreSQL, where QPSQL streams a forward-only result row by row and another statement on
    // the connection (a loop inside a loop) would discard the rest of it.
    if (db.driverName() != QLatin1String("QPSQL"))
        prepared.query->setForwardOnly(true);
    SqlStatement::countRoundTrip(connection); // QPSQL sends PREPARE to the server
    if (!prepared.query->prepare(sql))
        throw SqlStatement::failure(connection, prepared.query->lastError(),
                                    QStringLiteral("prepare ") + sql.simplified().left(80));
}

void prepare(Prepared &prepared, sqlite3 *sqlite, const QString &connection, const QString &sql)
{
    if (sqlite)
        prepared.native = std::make_unique<SqliteStatement>(sqlite, sql);
    else
        prepareQuery(prepared, connection, sql);
}

} // namespace

// The failure of a statement on `connection`. On PostgreSQL every error the server reports has
// an SQLSTATE; one without comes from libpq itself: the connection broke. It is marked, and the
// next statement opens it again (Database::reopenIfLost).
StorageError SqlStatement::failure(const QString &connection, const QSqlError &error, const QString &what)
{
    StorageError storage = StorageError::fromSqlError(error, what);
    if (QSqlDatabase::database(connection, false).driverName() != QLatin1String("QPSQL"))
        return storage;
    if (storage.kind() == StorageError::Kind::ConnectionLost || error.nativeErrorCode().isEmpty()) {
        Database::markLost(connection);
        return StorageError(StorageError::Kind::ConnectionLost, storage.message(), storage.nativeCode());
    }
    return storage;
}

SqlStatement::SqlStatement(const QString &connection, const QString &sql) : m_connection(connection), m_sql(sql)
{
    Database::reopenIfLost(connection);
    KeptStatements &all = kept();
    bool keep = false;
    sqlite3 *sqlite = nullptr;
    {
        QMutexLocker lock(&all.mutex);
        const auto found = all.byConnection.find(connection);
        if (found != all.byConnection.end()) {
            sqlite = found->sqlite;
            const auto statement = found->statements.constFind(sql);
            if (statement == found->statements.cend()) {
                keep = true;
            } else if (!(*statement)->inUse) {
                m_kept = *statement;
                m_kept->inUse = true;
                m_prepared = m_kept.get();
                return;
            }
        }
    }
    if (!keep) { // not a kept connection, or this SQL is in use right now
        m_own = std::make_unique<Prepared>();
        prepare(*m_own, sqlite, connection, sql);
        m_prepared = m_own.get();
        return;
    }
    auto fresh = std::make_shared<Prepared>();
    prepare(*fresh, sqlite, connection, sql);
    fresh->inUse = true;
    m_kept = fresh;
    m_prepared = m_kept.get();
    QMutexLocker lock(&all.mutex);
    const auto found = all.byConnection.find(connection);
    if (found != all.byConnection.end())
        found->statements.insert(sql, m_kept);
}

SqlStatement::~SqlStatement()
{
    if (!m_kept)
        return;
    // Resets the statement: it holds no read snapshot or lock while it waits to be used again.
    if (m_kept->native) {
        m_kept->native->finish();
    } else {
        m_kept->query->finish();
        // As a fresh statement: a placeholder the next run leaves out is NULL, not this run's value.
        const qsizetype values = m_kept->query->boundValues().size();
        for (int i = 0; i < values; ++i)
            m_kept->query->bindValue(i, QVariant());
    }
    QMutexLocker lock(&kept().mutex);
    m_kept->inUse = false;
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QVariant &value)
{
    if (m_prepared->native)
        m_prepared->native->bind(placeholder, value);
    else
        m_prepared->query->bindValue(placeholder, value);
    return *this;
}

SqlStatement &SqlStatement::exec()
{
    countRoundTrip(m_connection);
    if (m_prepared->native)
        m_prepared->native->exec();
    else if (!m_prepared->query->exec())
        throw SqlStatement::failure(m_connection, m_prepared->query->lastError(), m_sql.simplified().left(80));
    return *this;
}

bool SqlStatement::next() { return m_prepared->native ? m_prepared->native->next() : m_prepared->query->next(); }

QVariant SqlStatement::value(int column) const
{
    return m_prepared->native ? m_prepared->native->value(column) : m_prepared->query->value(column);
}

qint64 SqlStatement::insertedId()
{
    // INSERT … RETURNING id works alike on SQLite (3.35+) and PostgreSQL, whose driver has no
    // lastInsertId() for identity columns.
    return next() ? value(0).toLongLong() : 0;
}

int SqlStatement::rowsAffected() const
{
    return m_prepared->native ? m_prepared->native->rowsAffected() : m_prepared->query->numRowsAffected();
}

QStringList SqlStatement::columnNames() const
{
    if (m_prepared->native)
        return m_prepared->native->columnNames();
    const QSqlRecord record = m_prepared->query->record();
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

int SqlStatement::columnCount() const
{
    return m_prepared->native ? m_prepared->native->columnCount() : m_prepared->query->record().count();
}

void SqlStatement::countRoundTrip(const QString &connection)
{
    KeptStatements &all = kept();
    QMutexLocker lock(&all.mutex);
    ++all.roundTrips[connection];
}

qint64 SqlStatement::roundTrips(const QString &connection)
{
    KeptStatements &all = kept();
    QMutexLocker lock(&all.mutex);
    return all.roundTrips.value(connection);
}

void SqlStatement::run(const QString &connection, const QString &sql)
{
    countRoundTrip(connection);
    Database::reopenIfLost(connection);
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (!query.exec(sql))
        throw SqlStatement::failure(connection, query.lastError(), sql.simplified().left(80));
}

void SqlStatement::keepStatements(const QString &connection)
{
    KeptConnection statements;
    statements.sqlite = SqliteStatement::handleOf(connection);
    KeptStatements &all = kept();
    QMutexLocker lock(&all.mutex);
    all.byConnection.insert(connection, statements);
}

void SqlStatement::forgetStatements(const QString &connection)
{
    NamedStatements::forget(connection);
    KeptStatements &all = kept();
    KeptConnection statements;
    {
        QMutexLocker lock(&all.mutex);
        statements = all.byConnection.take(connection);
    }
    // Finalised outside the lock; a statement still in use lives on with its SqlStatement.
    statements.statements.clear();
}

} // namespace gongji
