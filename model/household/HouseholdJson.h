#pragma once
#include <QJsonObject>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// The household as JSON for `gongji-admin household`: the person and every binding with its kind,
// direction, status and dates. ID numbers are masked, as on every screen.
class HouseholdJson
{
public:
    static QJsonObject toJson(const Household &household);
};

} // namespace gongji
