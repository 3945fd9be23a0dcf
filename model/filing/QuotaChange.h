#pragma once
#include <QDate>
#include <QString>
#include <optional>

#include "model/domain/Finding.h"
#include "model/domain/Outcome.h"

namespace gongji {

// The one path that changes the quota (调整额度) of an active mutual-aid binding, from the
// household screen and `gongji-admin set-quota` alike: inside one write transaction the clerk's
// role is checked, the new quota is checked again against the rule set in force for the
// authorizer (QuotaCheck, the other quotas as stored at that moment), the binding updated, the
// change kept (binding_quota_change, for its printed summary) and audited; or nothing is written.
class QuotaChange
{
public:
    // Input: refused by the rules (findings) or no change; NotAllowed: not a clerk account; Stale:
    // the binding is not active (any more); Storage: nothing was written.
    struct Result : Outcome
    {
        Findings findings; // the quota codes when refused by the rules
        qint64 changeId = 0; // the stored change: print it with PrintRecord::Document::QuotaChange
        std::optional<qint64> beforeFen;
        std::optional<qint64> afterFen;
        qint64 freeFen = 0; // what is still free for quotas after the change
    };

    explicit QuotaChange(const QString &connection);

    // quotaFen empty or 0: no quota any more (refused where the target needs one). `on`: the day
    // whose rule set applies.
    Result change(qint64 bindingId, const std::optional<qint64> &quotaFen, const QString &clerk,
                  const QDate &on = QDate::currentDate());

private:
    QString m_connection;
};

} // namespace gongji
