#include "model/domain/FilingNeighbourhood.h"

#include <algorithm>

namespace gongji {

std::optional<Person> FilingNeighbourhood::byDocument(const QString &idType, const QString &idNumber) const
{
    for (const Person &person : persons) {
        if (person.idType == idType && person.idNumber == idNumber)
            return person;
    }
    return std::nullopt;
}

std::optional<Person> FilingNeighbourhood::byId(qint64 personId) const
{
    const auto found = persons.constFind(personId);
    return found == persons.cend() ? std::nullopt : std::optional<Person>(*found);
}

QList<MutualAidBinding> FilingNeighbourhood::byAuthorizer(qint64 personId) const
{
    QList<MutualAidBinding> found;
    std::copy_if(active.begin(), active.end(), std::back_inserter(found),
                 [&](const MutualAidBinding &b) { return b.authorizerId == personId; });
    return found;
}

QList<MutualAidBinding> FilingNeighbourhood::byTarget(qint64 personId) const
{
    QList<MutualAidBinding> found;
    std::copy_if(active.begin(), active.end(), std::back_inserter(found),
                 [&](const MutualAidBinding &b) { return b.targetId == personId; });
    return found;
}

QList<MutualAidBinding> FilingNeighbourhood::touching(qint64 personId) const
{
    return byAuthorizer(personId) + byTarget(personId);
}

bool FilingNeighbourhood::pairActive(qint64 authorizerId, qint64 targetId) const
{
    return std::any_of(active.begin(), active.end(), [&](const MutualAidBinding &b) {
        return b.authorizerId == authorizerId && b.targetId == targetId;
    });
}

qint64 FilingNeighbourhood::quotaSetAside(qint64 authorizerId) const
{
    qint64 fen = 0;
    for (const MutualAidBinding &b : active) {
        if (b.authorizerId == authorizerId)
            fen += b.quotaFen.value_or(0);
    }
    return fen;
}

std::optional<QDateTime> FilingNeighbourhood::lastEndOfPair(qint64 authorizerId, qint64 targetId) const
{
    const auto found = lastEnds.constFind({authorizerId, targetId});
    return found == lastEnds.cend() ? std::nullopt : std::optional<QDateTime>(*found);
}

} // namespace gongji
