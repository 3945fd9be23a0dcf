#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace gongji {

// One citizen's rating (好差评) of one service at the counter.
struct ServiceRatingEntry
{
    QString service; // "filing" / "revocation" / "kinship"
    QString reference; // the filing or binding number, or "binding:<id>" for a revocation
    QString clerk; // who served
    int level = 0; // 5 非常满意 … 1 非常不满意
    QString reason; // from the list; required for 2 and 1
    QString detail; // the citizen's own words, optional
    QDateTime ratedAt; // UTC
};

// Every SQL statement on ratings (table service_rating: one per service, append-only: the
// database refuses to change or delete one).
class RatingStore
{
public:
    explicit RatingStore(const QString &connection);

    // Call inside a WriteTransaction.
    void insert(const ServiceRatingEntry &rating);
    std::optional<ServiceRatingEntry> find(const QString &service, const QString &reference) const;
    // Ratings of one clerk, oldest first.
    QList<ServiceRatingEntry> byClerk(const QString &clerk) const;

private:
    QString m_connection;
};

} // namespace gongji
