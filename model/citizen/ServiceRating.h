#pragma once
#include <QString>
#include <QStringList>

#include "model/domain/RatingLevel.h"
#include "model/storage/RatingStore.h"

namespace gongji {

// 好差评: the citizen rates each service (a filing, a revocation, a kinship binding) on five
// levels; the two lowest need a reason from the list (and may add their own words). Stored once
// per service with the clerk who served, audited, never changed (the table is append-only).
// Skipping is simply not calling record().
class ServiceRating
{
public:
    explicit ServiceRating(const QString &connection);

    // Empty when stored; else why not (in the UI language). Nothing is stored on an error.
    QString record(const ServiceRatingEntry &rating);

private:
    QString m_connection;
};

} // namespace gongji
