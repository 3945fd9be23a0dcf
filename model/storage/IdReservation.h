#pragma once
#include <QList>
#include <QString>

namespace gongji {

class StatementBatch;

// Ids for rows about to be inserted, taken before the INSERTs so that rows naming each other
// (a filing, its bindings, their journal lines) can be sent together in one round trip
// (docs/storage.md). On PostgreSQL from the table's identity sequence (never handed out twice,
// even to a transaction that rolls back); on SQLite the next rowids, inside the write lock of the
// transaction that inserts them.
class IdReservation
{
public:
    // `table` is one of our own table names with an `id` key, never input.
    static int queue(StatementBatch &batch, const QString &table, int count);
    static QList<qint64> read(const StatementBatch &batch, int index);
};

} // namespace gongji
