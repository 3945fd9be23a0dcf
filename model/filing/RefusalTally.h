#pragma once
#include <QList>
#include <QString>

#include "model/filing/FilingEvaluator.h"
#include "model/storage/RefusalStore.h"

namespace gongji {

// Counts the targets refused, with their codes, for the statistics (docs/statistics.md): a
// refusal the counter showed the clerk (a target added and refused, a submission refused) or a
// committed batch reported. A check that stores nothing (check-filings without --commit) counts
// nothing. Only who, when, where and the codes are kept: never an ID number.
class RefusalTally
{
public:
    explicit RefusalTally(const QString &connection);

    // The refused target `targetIndex` of `verdict` (its codes and the authorizer's).
    static RefusalStore::RefusedTarget refusedTarget(const FilingVerdict &verdict, int targetIndex,
                                                     const QString &clerk, const QString &channel);
    // Every refused target of `verdict`.
    static QList<RefusalStore::RefusedTarget> refusedTargets(const FilingVerdict &verdict, const QString &clerk,
                                                             const QString &channel);
    // Stores them in a transaction of its own. A failure to count is not the clerk's problem:
    // it returns false and the counter goes on.
    bool record(const QList<RefusalStore::RefusedTarget> &refused);

private:
    QString m_connection;
};

} // namespace gongji
