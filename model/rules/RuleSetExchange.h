#pragma once
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "model/domain/RuleSet.h"
#include "model/rules/RuleImpact.h"
#include "model/rules/RuleSetChange.h"

namespace gongji {

// Rule sets as JSON files (the format of resources/rules/default-rule-sets.json: an array with one
// object per set, every parameter of docs/domain.md §5, reserve_floor in yuan, dates YYYY-MM-DD,
// effective_to null when open, limits null when unlimited).
// Export → import into an empty database → export gives the same bytes.
class RuleSetExchange
{
public:
    // As RuleSetChange reports it (errors: invalid sets and conflicts, each naming the set;
    // nothing imported). With dryRun, ok says whether the import would be.
    struct ImportResult : RuleSetChange::Result
    {
        int added = 0;
        int identical = 0; // already stored exactly so: nothing to do
        RuleImpact::Report impact; // only with dryRun
    };

    explicit RuleSetExchange(const QString &connection);

    // Ordered by region and start; `region` empty: all.
    QByteArray exportJson(const QString &region = {}) const;
    ImportResult importJson(const QByteArray &json, const QString &actor, bool dryRun);

private:
    QString m_connection;
};

} // namespace gongji
