#pragma once
#include <QString>
#include <QStringList>

#include "model/storage/RatingStore.h"

namespace gongji {

// 好差评: the citizen rates each service (a filing, a revocation, a kinship binding) on five
// levels; the two lowest need a reason from the list (and may add their own words). Stored once
// per service with the clerk who served, audited, never changed (the table is append-only).
// Skipping is simply not calling record().
class ServiceRating
{
public:
    enum Level { VeryDissatisfied = 1, Dissatisfied = 2, Basic = 3, Satisfied = 4, VerySatisfied = 5 };

    explicit ServiceRating(const QString &connection);

    // 非常满意 … 非常不满意: the platform's wording, the same in every language.
    static QString levelLabel(int level);
    // very_satisfied, satisfied, basic, dissatisfied, very_dissatisfied: for files and JSON.
    static QString levelKeyword(int level);
    // Highest first, as the citizen's screen shows them.
    static QList<int> levels();
    static bool needsReason(int level) { return level == Dissatisfied || level == VeryDissatisfied; }
    // The reasons offered for a low rating.
    static QStringList reasons();

    // Empty when stored; else why not (in the UI language). Nothing is stored on an error.
    QString record(const ServiceRatingEntry &rating);

private:
    QString m_connection;
};

} // namespace gongji
