#pragma once

namespace gongji {

// The limits of kinship accounts, as data (docs/domain.md §8).
struct KinshipRule
{
    int maxMembersPerHolder = 5;
    int faceVerificationAge = 16;
};

} // namespace gongji
