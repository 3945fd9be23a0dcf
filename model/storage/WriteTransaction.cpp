#include "model/storage/WriteTransaction.h"

#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"

namespace gongji {

WriteTransaction::WriteTransaction(const QString &connection) : m_connection(connection)
{
    // Qt's transaction() is a deferred BEGIN: two counters could both read "free" and then
    // both write. IMMEDIATE takes the write lock first; the other waits for the busy timeout.
    const QStringList begin = SqlDialect::beginWrite(SqlDialect::engineOf(m_connection));
    try {
        SqlStatement::run(m_connection, begin.first());
    } catch (const StorageError &error) {
        if (error.kind() != StorageError::Kind::ConnectionLost)
            throw;
        // The office server went away since the last action (it restarted): nothing is begun
        // yet, so the action begins again on a new connection, once.
        SqlStatement::run(m_connection, begin.first());
    }
    m_open = true;
    try {
        for (int i = 1; i < begin.size(); ++i)
            SqlStatement::run(m_connection, begin.at(i));
    } catch (...) {
        // A constructor that throws gets no destructor call: end the half-begun transaction here,
        // or the server keeps the connection in an aborted transaction.
        rollback();
        throw;
    }
}

WriteTransaction::~WriteTransaction() { rollback(); }

void WriteTransaction::commit()
{
    if (!m_open)
        return;
    SqlStatement::run(m_connection, QStringLiteral("COMMIT"));
    m_open = false;
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    try {
        SqlStatement::run(m_connection, QStringLiteral("ROLLBACK"));
    } catch (const std::exception &) {
        // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); nothing left to undo.
    }
}

} // namespace gongji
