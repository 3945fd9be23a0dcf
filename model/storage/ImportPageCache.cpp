#include "model/storage/ImportPageCache.h"

#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"

namespace gongji {

ImportPageCache::ImportPageCache(const QString &connection) : m_connection(connection)
{
    if (SqlDialect::engineOf(connection) != SqlDialect::Engine::SQLite)
        return;
    {
        SqlStatement size(connection, QStringLiteral("PRAGMA cache_size"));
        size.exec();
        m_before = size.next() ? size.value(0).toLongLong() : 0;
    }
    // A negative size is in KiB; PRAGMA takes no bound values, and both numbers are our own.
    SqlStatement::run(connection, QStringLiteral("PRAGMA cache_size = %1").arg(-qint64(kKibibytes)));
    m_changed = true;
}

ImportPageCache::~ImportPageCache()
{
    if (!m_changed)
        return;
    try {
        SqlStatement::run(m_connection, QStringLiteral("PRAGMA cache_size = %1").arg(m_before));
    } catch (const StorageError &) {
        // The connection is gone; a new one starts with the default size.
    }
}

} // namespace gongji
