#pragma once
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace gongji {

// A prepared statement on a named connection whose failures throw StorageError.
// All values are bound, never concatenated into the SQL text.
class SqlStatement
{
public:
    SqlStatement(const QString &connection, const QString &sql);

    SqlStatement &bind(const QString &placeholder, const QVariant &value);
    // Runs the statement; throws StorageError on failure.
    SqlStatement &exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString &column) const { return m_query.value(column); }
    // The id of the row an "INSERT … RETURNING id" statement just added.
    qint64 insertedId();
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &query() { return m_query; }

    // Runs one statement without parameters (schema, pragmas).
    static void run(const QString &connection, const QString &sql);

private:
    QString m_sql;
    QSqlQuery m_query;
};

} // namespace gongji
