#include "model/storage/ScratchTransaction.h"

#include "model/storage/SqlStatement.h"

namespace gongji {

ScratchTransaction::ScratchTransaction(const QString &connection) : m_connection(connection)
{
    SqlStatement::run(m_connection, QStringLiteral("BEGIN"));
}

ScratchTransaction::~ScratchTransaction()
{
    try {
        SqlStatement::run(m_connection, QStringLiteral("ROLLBACK"));
    } catch (const std::exception &) {
        // Already rolled back by the engine (e.g. after an error): nothing left to undo.
    }
}

} // namespace gongji
