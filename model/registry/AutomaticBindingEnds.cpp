#include "model/registry/AutomaticBindingEnds.h"

#include "model/filing/BindingRevocation.h"
#include "model/storage/BindingStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"

namespace gongji {

AutomaticBindingEnds::AutomaticBindingEnds(const QString &connection) : m_connection(connection) {}

// Reasons are stored words, the same in every UI language; screens may translate them.
QString AutomaticBindingEnds::endedReason(const QString &status) { return QStringLiteral("registry: ") + status; }

QString AutomaticBindingEnds::movedReason() { return QStringLiteral("registry: pooling region out of scope"); }

AutomaticBindingEnds::Counts AutomaticBindingEnds::apply(const Person &before, const Person &after,
                                                         const QString &actor, const QDate &today)
{
    Counts counts;
    BindingStore bindings(m_connection);
    const QList<MutualAidBinding> mutual = bindings.activeTouching(after.id, today);

    const bool gone = (after.status == QLatin1String("terminated") || after.status == QLatin1String("deceased"))
        && after.status != before.status;
    if (gone) {
        for (const MutualAidBinding &b : mutual)
            counts.mutualAid += BindingRevocation::endMutualAidWithin(m_connection, b.id, EndRequester::System,
                                                                      endedReason(after.status), actor,
                                                                      QStringLiteral("automatic_end"));
        KinshipStore kinship(m_connection);
        QList<KinshipBinding> accounts = kinship.activeByHolder(after.id);
        accounts += kinship.activeByMember(after.id);
        for (const KinshipBinding &k : accounts)
            counts.kinship += BindingRevocation::endKinshipWithin(m_connection, k.id, EndRequester::System,
                                                                  endedReason(after.status), actor,
                                                                  QStringLiteral("kinship_automatic_end"));
        return counts;
    }
    if (after.poolingRegion == before.poolingRegion)
        return counts;
    // Kinship accounts know no territory; only mutual aid has a scope.
    PersonStore persons(m_connection);
    RuleSetStore rules(m_connection);
    for (const MutualAidBinding &b : mutual) {
        const std::optional<Person> authorizer = b.authorizerId == after.id ? after : persons.findById(b.authorizerId);
        const std::optional<Person> target = b.targetId == after.id ? after : persons.findById(b.targetId);
        if (!authorizer || !target)
            continue;
        const std::optional<RuleSet> rule = rules.resolve(authorizer->poolingRegion, today);
        if (rule && !rule->scopeCovers(*authorizer, *target))
            counts.mutualAid += BindingRevocation::endMutualAidWithin(
                m_connection, b.id, EndRequester::System, movedReason(), actor, QStringLiteral("automatic_end"));
    }
    return counts;
}

} // namespace gongji
