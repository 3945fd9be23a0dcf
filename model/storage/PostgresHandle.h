#pragma once
#include <QString>

struct pg_conn;

namespace gongji {

// libpq's connection under a QPSQL connection, for what Qt's driver cannot do: COPY, and
// statements sent together in one round trip.
class PostgresHandle
{
public:
    // Throws StorageError when `connection` is not an open PostgreSQL connection.
    static pg_conn *of(const QString &connection);
};

} // namespace gongji
