#pragma once
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlError;
#include <memory>

#include "model/storage/SqlRow.h"

namespace gongji {

class StorageError;

// A prepared statement on a named connection whose failures throw StorageError.
// All values are bound, never concatenated into the SQL text.
//
// On a connection opened by Database::open the prepared statement is kept, keyed by its SQL
// text, and handed to the next SqlStatement of the same text (preparing costs more than running
// an indexed query); on SQLite it runs through the C API (SqliteStatement), on PostgreSQL through
// QSqlQuery. A kept statement is finished (reset, its values cleared) when its SqlStatement ends;
// one still in use, e.g. by an outer loop over the same SQL, is never handed out twice: the inner
// SqlStatement gets a fresh statement of its own. Other connections prepare a QSqlQuery each time.
class SqlStatement : public SqlRow
{
public:
    SqlStatement(const QString &connection, const QString &sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    SqlStatement &bind(const QString &placeholder, const QVariant &value);
    // Runs the statement; throws StorageError on failure.
    SqlStatement &exec();
    bool next();
    QVariant value(int column) const override;
    // The id of the row an "INSERT … RETURNING id" statement just added.
    qint64 insertedId();
    int rowsAffected() const;
    // The result's column names, after exec().
    QStringList columnNames() const;
    // How many columns the result has, after exec(): columnNames().size() without the names.
    int columnCount() const;

    // Runs one statement without parameters (schema, pragmas).
    static void run(const QString &connection, const QString &sql);
    // The failure of a statement on `connection`; a PostgreSQL connection that broke is marked
    // lost, to be opened again by the next statement.
    // How many requests went to the database on `connection` so far: each statement run here
    // (and its PREPARE on PostgreSQL), and each StatementBatch sent together. On an office
    // server each is one round trip; the tests hold the costly paths to their budget with it.
    static qint64 roundTrips(const QString &connection);
    static void countRoundTrip(const QString &connection);
    static StorageError failure(const QString &connection, const QSqlError &error, const QString &what);

    // Database::open starts keeping the statements of a connection once its schema is ready;
    // Database::close forgets them before the connection is removed (a kept statement would keep
    // the driver in use).
    static void keepStatements(const QString &connection);
    static void forgetStatements(const QString &connection);

    struct Prepared; // a QSqlQuery or a SqliteStatement, and whether an SqlStatement uses it

private:
    QString m_connection;
    QString m_sql;
    std::shared_ptr<Prepared> m_kept; // set when the statement is (now) kept for the connection
    std::unique_ptr<Prepared> m_own; // otherwise a statement of this object's own
    Prepared *m_prepared = nullptr;
};

} // namespace gongji
