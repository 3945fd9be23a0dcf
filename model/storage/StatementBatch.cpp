#include "model/storage/StatementBatch.h"

#include <QDate>
#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <libpq-fe.h>

#include "model/storage/Database.h"
#include "model/storage/NamedStatements.h"
#include "model/storage/PostgresHandle.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

// PostgreSQL's type oids of the answers read as something other than text.
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;

// A bound value in PostgreSQL's text format; nullopt is SQL NULL (as QPSQL binds a null QString).
std::optional<QByteArray> textOf(const QVariant &value)
{
    if (value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isNull()))
        return std::nullopt;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return QByteArray(value.toBool() ? "1" : "0"); // read alike by integer and boolean columns
    case QMetaType::QByteArray:
        return QByteArray("\\x") + value.toByteArray().toHex();
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toUtf8();
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
    default:
        return value.toString().toUtf8();
    }
}

QVariant valueOf(const PGresult *result, int row, int column)
{
    if (PQgetisnull(result, row, column))
        return {};
    const char *text = PQgetvalue(result, row, column);
    switch (PQftype(result, column)) {
    case kBool:
        return QVariant(text[0] == 't');
    case kInt2:
    case kInt4:
    case kInt8:
        return QVariant(QByteArray(text).toLongLong());
    case kBytea: {
        size_t length = 0;
        unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &length);
        const QByteArray data(reinterpret_cast<const char *>(bytes), qsizetype(length));
        PQfreemem(bytes);
        return data;
    }
    default:
        return QString::fromUtf8(text);
    }
}

} // namespace

StatementBatch::StatementBatch(const QString &connection) : m_connection(connection) {}

int StatementBatch::add(const QString &sql)
{
    m_statements.append(Statement{sql, {}, {}, 0, false});
    return int(m_statements.size() - 1);
}

StatementBatch &StatementBatch::bind(const QString &placeholder, const QVariant &value)
{
    m_statements.last().values.append({placeholder, value});
    return *this;
}

void StatementBatch::run()
{
    qsizetype first = 0;
    while (first < m_statements.size() && m_statements.at(first).ran)
        ++first;
    if (first == m_statements.size())
        return;
    Database::reopenIfLost(m_connection);
    if (QSqlDatabase::database(m_connection, false).driverName() == QLatin1String("QPSQL")) {
        runOnPostgres(first);
        return;
    }
    for (qsizetype i = first; i < m_statements.size(); ++i)
        runOnSqlite(m_statements[i]);
}

void StatementBatch::runOnSqlite(Statement &statement) const
{
    SqlStatement q(m_connection, statement.sql);
    for (const auto &[name, value] : std::as_const(statement.values))
        q.bind(name, value);
    q.exec();
    const int columns = q.columnCount();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        statement.rows.append(row);
    }
    statement.affected = q.rowsAffected();
    statement.ran = true;
}

void StatementBatch::runOnPostgres(qsizetype first)
{
    PGconn *conn = PostgresHandle::of(m_connection);
    const auto lost = [&](const QString &what) {
        return SqlStatement::failure(
            m_connection,
            QSqlError(QString(), QString::fromUtf8(PQerrorMessage(conn)).trimmed(), QSqlError::ConnectionError), what);
    };
    SqlStatement::countRoundTrip(m_connection);
    if (PQenterPipelineMode(conn) != 1)
        throw lost(QStringLiteral("pipeline"));
    // What the server answers, in order: a statement's preparation (its first run in this
    // session), then the statement's own answer. Each ends with a null result.
    struct Answer
    {
        qsizetype statement;
        bool preparation;
    };
    QList<Answer> answers;
    QSet<QString> preparing; // the same text twice in this batch is prepared once
    const auto sent = [&](int ok, const Statement &statement) {
        if (ok == 1)
            return;
        const StorageError error = lost(statement.sql.simplified().left(80));
        PQexitPipelineMode(conn);
        throw error;
    };
    for (qsizetype i = first; i < m_statements.size(); ++i) {
        const Statement &statement = m_statements.at(i);
        const NamedStatements::Statement named = NamedStatements::of(m_connection, conn, statement.sql);
        const QStringList &names = named.placeholders;
        QList<QByteArray> texts(names.size());
        QList<const char *> values(names.size(), nullptr);
        for (const auto &[name, value] : statement.values) {
            const qsizetype number = names.indexOf(name);
            if (number < 0)
                continue; // as QSqlQuery: a value for a placeholder the text does not have is ignored
            const std::optional<QByteArray> text = textOf(value);
            texts[number] = text.value_or(QByteArray());
            values[number] = text ? texts[number].constData() : nullptr;
        }
        const int count = int(names.size());
        if (named.name.isEmpty()) {
            sent(
                PQsendQueryParams(conn, named.sql.constData(), count, nullptr, values.constData(), nullptr, nullptr, 0),
                statement);
        } else {
            if (!named.prepared && !preparing.contains(statement.sql)) {
                sent(PQsendPrepare(conn, named.name.constData(), named.sql.constData(), count, nullptr), statement);
                answers.append({i, true});
                preparing.insert(statement.sql);
            }
            sent(PQsendQueryPrepared(conn, named.name.constData(), count, values.constData(), nullptr, nullptr, 0),
                 statement);
        }
        answers.append({i, false});
    }
    if (PQpipelineSync(conn) != 1)
        throw lost(QStringLiteral("pipeline"));

    // Every answer is read, up to the sync, even after a failure: the connection is then ready
    // for the next statement (the failed transaction is rolled back by its owner).
    std::optional<StorageError> failure;
    qsizetype current = 0; // in answers
    for (;;) {
        PGresult *result = PQgetResult(conn);
        if (!result) {
            if (PQstatus(conn) == CONNECTION_BAD) {
                failure = lost(QStringLiteral("pipeline"));
                break;
            }
            ++current; // the end of one answer
            continue;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            break;
        }
        if (current < answers.size()) {
            const Answer answer = answers.at(current);
            Statement &statement = m_statements[answer.statement];
            if (answer.preparation && status == PGRES_COMMAND_OK) {
                NamedStatements::markPrepared(m_connection, conn, statement.sql);
            } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
                const int columns = PQnfields(result);
                for (int r = 0; r < PQntuples(result); ++r) {
                    QVariantList row;
                    row.reserve(columns);
                    for (int c = 0; c < columns; ++c)
                        row.append(valueOf(result, r, c));
                    statement.rows.append(row);
                }
                statement.affected = QByteArray(PQcmdTuples(result)).toLongLong();
                statement.ran = true;
            } else if (status != PGRES_PIPELINE_ABORTED && !failure) {
                const QString state = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE));
                failure = SqlStatement::failure(
                    m_connection,
                    QSqlError(QString(), QString::fromUtf8(PQresultErrorMessage(result)).trimmed(),
                              state.isEmpty() ? QSqlError::ConnectionError : QSqlError::StatementError, state),
                    statement.sql.simplified().left(80));
            }
        }
        PQclear(result);
    }
    PQexitPipelineMode(conn);
    if (failure)
        throw *failure;
}

StatementBatch::Rows StatementBatch::rows(int statement) const { return Rows(m_statements.at(statement).rows); }

qint64 StatementBatch::rowsAffected(int statement) const { return m_statements.at(statement).affected; }

} // namespace gongji
