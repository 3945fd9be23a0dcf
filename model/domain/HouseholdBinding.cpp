#include "model/domain/HouseholdBinding.h"

#include <QCoreApplication>
#include <algorithm>

namespace gongji {

QString HouseholdBinding::kindLabel(Kind kind)
{
    return kind == Kind::MutualAid ? QCoreApplication::translate("HouseholdBinding", "Mutual aid (共济)")
                                   : QCoreApplication::translate("HouseholdBinding", "Kinship account (亲情)");
}

QString HouseholdBinding::kindKeyword(Kind kind)
{
    return kind == Kind::MutualAid ? QStringLiteral("mutual_aid") : QStringLiteral("kinship");
}

QString HouseholdBinding::directionKeyword(Kind kind, Direction direction)
{
    if (kind == Kind::MutualAid)
        return direction == Direction::Outgoing ? QStringLiteral("authorizes") : QStringLiteral("authorized_by");
    return direction == Direction::Outgoing ? QStringLiteral("holds") : QStringLiteral("held_by");
}

QList<HouseholdBinding> Household::select(HouseholdBinding::Kind kind, HouseholdBinding::Direction direction,
                                          bool active) const
{
    QList<HouseholdBinding> found;
    for (const HouseholdBinding &b : bindings) {
        if (b.kind == kind && b.direction == direction && b.isActive() == active)
            found.append(b);
    }
    return found;
}

QList<HouseholdBinding> Household::history() const
{
    QList<HouseholdBinding> ended;
    for (const HouseholdBinding &b : bindings) {
        if (!b.isActive())
            ended.append(b);
    }
    std::stable_sort(ended.begin(), ended.end(),
                     [](const HouseholdBinding &a, const HouseholdBinding &b) { return a.endedAt > b.endedAt; });
    return ended;
}

} // namespace gongji
