#include "model/storage/PostgresHandle.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include "model/storage/StorageError.h"

namespace gongji {

pg_conn *PostgresHandle::of(const QString &connection)
{
    const QVariant handle = QSqlDatabase::database(connection, false).driver()->handle();
    // Qt 6 names the handle's type after the struct behind libpq's typedef.
    const char *type = handle.typeName();
    if ((qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0) || !handle.data())
        throw StorageError(StorageError::Kind::Other,
                           QStringLiteral("%1 is not a PostgreSQL connection").arg(connection));
    return *static_cast<pg_conn *const *>(handle.data());
}

} // namespace gongji
