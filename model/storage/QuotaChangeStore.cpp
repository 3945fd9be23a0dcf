#include "model/storage/QuotaChangeStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kSelect[] = "SELECT id, binding_id, changed_at, clerk, quota_before_fen, quota_after_fen "
                       "FROM binding_quota_change WHERE %1 = :key ORDER BY id";

std::optional<qint64> optionalFen(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant fenOrNull(const std::optional<qint64> &fen)
{
    return fen ? QVariant(*fen) : QVariant(QMetaType::fromType<qint64>());
}

QList<QuotaChangeRecord> select(const QString &connection, const char *column, qint64 key)
{
    // The column name comes from the two calls below, never from input.
    SqlStatement q(connection, QString::fromLatin1(kSelect).arg(QLatin1String(column)));
    q.bind(QStringLiteral(":key"), key).exec();
    QList<QuotaChangeRecord> records;
    while (q.next()) {
        QuotaChangeRecord r;
        r.id = q.value(0).toLongLong();
        r.bindingId = q.value(1).toLongLong();
        r.changedAt = Timestamp::fromText(q.value(2).toString());
        r.clerk = q.value(3).toString();
        r.beforeFen = optionalFen(q.value(4));
        r.afterFen = optionalFen(q.value(5));
        records.append(r);
    }
    return records;
}

} // namespace

QuotaChangeStore::QuotaChangeStore(const QString &connection) : m_connection(connection) {}

void QuotaChangeStore::insert(QuotaChangeRecord &record)
{
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO binding_quota_change (binding_id, changed_at, clerk, "
                                  "quota_before_fen, quota_after_fen) VALUES (:binding, :at, :clerk, "
                                  ":before, :after) RETURNING id"));
    q.bind(QStringLiteral(":binding"), record.bindingId)
        .bind(QStringLiteral(":at"), Timestamp::toText(record.changedAt))
        .bind(QStringLiteral(":clerk"), record.clerk)
        .bind(QStringLiteral(":before"), fenOrNull(record.beforeFen))
        .bind(QStringLiteral(":after"), fenOrNull(record.afterFen))
        .exec();
    record.id = q.insertedId();
}

std::optional<QuotaChangeRecord> QuotaChangeStore::findById(qint64 id) const
{
    const QList<QuotaChangeRecord> found = select(m_connection, "id", id);
    return found.isEmpty() ? std::nullopt : std::optional<QuotaChangeRecord>(found.first());
}

QList<QuotaChangeRecord> QuotaChangeStore::byBinding(qint64 bindingId) const
{
    return select(m_connection, "binding_id", bindingId);
}

} // namespace gongji
