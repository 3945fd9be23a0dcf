#include "model/filing/RefusalTally.h"

#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

RefusalTally::RefusalTally(const QString &connection) : m_connection(connection) {}

RefusalStore::RefusedTarget RefusalTally::refusedTarget(const FilingVerdict &verdict, int targetIndex,
                                                        const QString &clerk, const QString &channel)
{
    RefusalStore::RefusedTarget refused;
    refused.at = Timestamp::now();
    refused.clerk = clerk;
    refused.channel = channel;
    if (verdict.authorizer.person)
        refused.poolingRegion = verdict.authorizer.person->poolingRegion;
    if (verdict.authorizer.ruleSet)
        refused.ruleSetId = verdict.authorizer.ruleSet->id;
    refused.codes = refusalNames(targetIndex < verdict.targets.size() ? verdict.findingsFor(targetIndex)
                                                                      : verdict.authorizer.findings);
    return refused;
}

QList<RefusalStore::RefusedTarget> RefusalTally::refusedTargets(const FilingVerdict &verdict, const QString &clerk,
                                                                const QString &channel)
{
    QList<RefusalStore::RefusedTarget> result;
    for (int i = 0; i < verdict.targets.size(); ++i) {
        if (verdict.authorizer.refused() || verdict.targets.at(i).refused())
            result.append(refusedTarget(verdict, i, clerk, channel));
    }
    return result;
}

bool RefusalTally::record(const QList<RefusalStore::RefusedTarget> &refused)
{
    if (refused.isEmpty())
        return true;
    try {
        WriteTransaction transaction(m_connection);
        RefusalStore store(m_connection);
        for (const RefusalStore::RefusedTarget &target : refused)
            store.insert(target);
        transaction.commit();
        return true;
    } catch (const StorageError &) {
        return false;
    }
}

} // namespace gongji
