#pragma once
#include <QDate>

namespace gongji {

// The limits of kinship accounts, as data (docs/domain.md §8): stored in kinship_rule, dated.
struct KinshipRule
{
    int maxMembersPerHolder = 5;
    int faceVerificationAge = 16;

    // Whole years from `birth` to `day`.
    static int ageOn(const QDate &birth, const QDate &day);
    // Whether a member born on `birth` needs face verification on `day`, rather than the household
    // register; without a birth date (old passports) the stricter check applies.
    bool needsFaceVerification(const QDate &birth, const QDate &day) const;
};

} // namespace gongji
