#include "storage/SqlStatement.h"

#include <QSqlDatabase>
#include <QSqlError>

#include "storage/StorageError.h"

namespace gongji {

SqlStatement::SqlStatement(const QString &connection, const QString &sql)
    : m_sql(sql), m_query(QSqlDatabase::database(connection, false))
{
    if (!m_query.prepare(sql))
        throw StorageError::fromSqlError(m_query.lastError(), QStringLiteral("prepare ") + sql.simplified().left(80));
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
    return *this;
}

SqlStatement &SqlStatement::exec()
{
    if (!m_query.exec())
        throw StorageError::fromSqlError(m_query.lastError(), m_sql.simplified().left(80));
    return *this;
}

qint64 SqlStatement::insertedId()
{
    // INSERT … RETURNING id works alike on SQLite (3.35+) and PostgreSQL, whose driver has no
    // lastInsertId() for identity columns.
    return m_query.next() ? m_query.value(0).toLongLong() : 0;
}

void SqlStatement::run(const QString &connection, const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (!query.exec(sql))
        throw StorageError::fromSqlError(query.lastError(), sql.simplified().left(80));
}

} // namespace gongji
