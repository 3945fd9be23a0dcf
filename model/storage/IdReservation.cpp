#include "model/storage/IdReservation.h"

#include "model/storage/SqlDialect.h"
#include "model/storage/StatementBatch.h"

namespace gongji {

int IdReservation::queue(StatementBatch &batch, const QString &table, int count)
{
    const bool postgres = SqlDialect::engineOf(batch.connection()) == SqlDialect::Engine::PostgreSQL;
    const int index = batch.add(
        postgres ? QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id')) FROM generate_series(1, "
                                  "CAST(:count AS integer)) ORDER BY 1")
                       .arg(table)
                 : QStringLiteral("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < :count) "
                                  "SELECT (SELECT COALESCE(MAX(id), 0) FROM %1) + i FROM k")
                       .arg(table));
    batch.bind(QStringLiteral(":count"), count);
    return index;
}

QList<qint64> IdReservation::read(const StatementBatch &batch, int index)
{
    QList<qint64> ids;
    StatementBatch::Rows rows = batch.rows(index);
    while (rows.next())
        ids.append(rows.value(0).toLongLong());
    return ids;
}

} // namespace gongji
