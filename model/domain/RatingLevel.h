#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace gongji {

// The five levels of the service rating (好差评) and the reasons offered for a low one: the
// platform's wording, the same in every language. ServiceRating stores a rating; the statistics
// and the report count them by level.
class RatingLevel
{
public:
    enum Level { VeryDissatisfied = 1, Dissatisfied = 2, Basic = 3, Satisfied = 4, VerySatisfied = 5 };

    // 非常满意 … 非常不满意; empty for a number that is no level.
    static QString label(int level);
    // very_satisfied, satisfied, basic, dissatisfied, very_dissatisfied: for files and JSON.
    static QString keyword(int level);
    // Highest first, as the citizen's screen shows them.
    static QList<int> all();
    static bool needsReason(int level) { return level == Dissatisfied || level == VeryDissatisfied; }
    // The reasons offered for a low rating.
    static QStringList reasons();
};

} // namespace gongji
