#include "model/storage/PostgresCopy.h"

#include <QSqlError>
#include <libpq-fe.h>

#include "model/storage/PostgresHandle.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

constexpr qsizetype kSendAt = 256 * 1024; // bytes gathered before a PQputCopyData

StorageError copyError(PGconn *conn, const QString &what)
{
    return StorageError(StorageError::Kind::Other,
                        QStringLiteral("%1: %2").arg(what, QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
}

} // namespace

PostgresCopy::PostgresCopy(const QString &connection, const QString &copySql)
{
    m_conn = PostgresHandle::of(connection);
    PGresult *result = PQexec(m_conn, copySql.toUtf8().constData());
    const bool started = PQresultStatus(result) == PGRES_COPY_IN;
    PQclear(result);
    if (!started)
        throw copyError(m_conn, copySql.left(60));
    m_open = true;
    m_buffer.reserve(kSendAt + 4096);
}

PostgresCopy::~PostgresCopy()
{
    if (!m_open)
        return;
    // Abandoned (an exception, a cancel): the server ends the COPY with an error and the
    // transaction rolls back; the connection is usable again once the results are read.
    PQputCopyEnd(m_conn, "abandoned");
    while (PGresult *result = PQgetResult(m_conn))
        PQclear(result);
}

void PostgresCopy::field(const QString &value)
{
    if (m_fieldWritten)
        m_buffer.append('\t');
    m_fieldWritten = true;
    if (value.isNull()) {
        m_buffer.append("\\N");
        return;
    }
    // The text format's escapes: backslash, and the three characters that would end a field or a row.
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '\\':
            m_buffer.append("\\\\");
            break;
        case '\t':
            m_buffer.append("\\t");
            break;
        case '\n':
            m_buffer.append("\\n");
            break;
        case '\r':
            m_buffer.append("\\r");
            break;
        default:
            m_buffer.append(c);
        }
    }
}

void PostgresCopy::field(qint64 value)
{
    if (m_fieldWritten)
        m_buffer.append('\t');
    m_fieldWritten = true;
    m_buffer.append(QByteArray::number(value));
}

void PostgresCopy::endRow()
{
    m_buffer.append('\n');
    m_fieldWritten = false;
    if (m_buffer.size() >= kSendAt)
        flush();
}

void PostgresCopy::flush()
{
    if (!m_buffer.isEmpty() && PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        throw copyError(m_conn, QStringLiteral("COPY"));
    m_buffer.clear();
}

qint64 PostgresCopy::finish()
{
    flush();
    m_open = false;
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        throw copyError(m_conn, QStringLiteral("COPY"));
    qint64 rows = 0;
    QString failure;
    QString state;
    while (PGresult *result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) == PGRES_COMMAND_OK) {
            rows = QByteArray(PQcmdTuples(result)).toLongLong();
        } else {
            failure = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            state = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        }
        PQclear(result);
    }
    // The server's SQLSTATE decides the kind (a unique key violated is Constraint).
    if (!failure.isEmpty())
        throw StorageError::fromSqlError(QSqlError(QString(), failure, QSqlError::StatementError, state),
                                         QStringLiteral("COPY"));
    return rows;
}

} // namespace gongji
