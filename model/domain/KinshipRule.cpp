#include "model/domain/KinshipRule.h"

namespace gongji {

int KinshipRule::ageOn(const QDate &birth, const QDate &day)
{
    int age = day.year() - birth.year();
    // The birthday of this year, 29 February counting as 1 March in other years.
    if (QDate(day.year(), birth.month(), 1).addDays(birth.day() - 1) > day)
        --age;
    return age;
}

bool KinshipRule::needsFaceVerification(const QDate &birth, const QDate &day) const
{
    return !birth.isValid() || ageOn(birth, day) >= faceVerificationAge;
}

} // namespace gongji
