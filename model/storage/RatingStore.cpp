#include "model/storage/RatingStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {
const char kColumns[] = "service, reference, clerk, level, reason, detail, rated_at";

ServiceRatingEntry ratingFrom(const SqlStatement &row)
{
    ServiceRatingEntry r;
    r.service = row.value(0).toString();
    r.reference = row.value(1).toString();
    r.clerk = row.value(2).toString();
    r.level = row.value(3).toInt();
    r.reason = row.value(4).toString();
    r.detail = row.value(5).toString();
    r.ratedAt = Timestamp::fromText(row.value(6).toString());
    return r;
}
} // namespace

RatingStore::RatingStore(const QString &connection) : m_connection(connection) {}

void RatingStore::insert(const ServiceRatingEntry &rating)
{
    SqlStatement q(
        m_connection,
        QStringLiteral("INSERT INTO service_rating (service, reference, clerk, level, reason, "
                       "detail, rated_at) VALUES (:service, :reference, :clerk, :level, "
                       "COALESCE(:reason, ''), COALESCE(:detail, ''), :at)")); // an empty QString binds as NULL
    q.bind(QStringLiteral(":service"), rating.service)
        .bind(QStringLiteral(":reference"), rating.reference)
        .bind(QStringLiteral(":clerk"), rating.clerk)
        .bind(QStringLiteral(":level"), rating.level)
        .bind(QStringLiteral(":reason"), rating.reason)
        .bind(QStringLiteral(":detail"), rating.detail)
        .bind(QStringLiteral(":at"), Timestamp::toText(rating.ratedAt))
        .exec();
}

std::optional<ServiceRatingEntry> RatingStore::find(const QString &service, const QString &reference) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1 FROM service_rating WHERE service = :service AND reference = :reference")
                       .arg(QLatin1String(kColumns)));
    q.bind(QStringLiteral(":service"), service).bind(QStringLiteral(":reference"), reference).exec();
    if (!q.next())
        return std::nullopt;
    return ratingFrom(q);
}

QList<ServiceRatingEntry> RatingStore::byClerk(const QString &clerk) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1 FROM service_rating WHERE clerk = :clerk ORDER BY rated_at, id")
                       .arg(QLatin1String(kColumns)));
    q.bind(QStringLiteral(":clerk"), clerk).exec();
    QList<ServiceRatingEntry> ratings;
    while (q.next())
        ratings << ratingFrom(q);
    return ratings;
}

} // namespace gongji
