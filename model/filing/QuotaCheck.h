#pragma once
#include <optional>

#include "model/domain/Person.h"
#include "model/domain/Finding.h"
#include "model/domain/RuleSet.h"

namespace gongji {

// The quota rules (共济额度, docs/quota.md), shared by a new filing and a change of the quota on
// an active binding: QUOTA_NOT_ALLOWED where the rule set sets nothing aside, QUOTA_REQUIRED for a
// target beyond the set's boundary without a quota above 0, QUOTA_EXCEEDS_BALANCE when the quota is
// more than the authorizer's balance above the reserve floor that no other quota holds.
class QuotaCheck
{
public:
    // setAsideFen: the quotas already held for the authorizer's other targets (active bindings and
    // earlier targets of the same filing). All findings are on Finding::Field::Quota.
    static Findings check(const RuleSet &rules, const Person &authorizer, const Person &target,
                          const std::optional<qint64> &quotaFen, qint64 setAsideFen);
    // What is still free for quotas: balance less reserve floor less what is set aside, at least 0.
    static qint64 freeFen(const RuleSet &rules, const Person &authorizer, qint64 setAsideFen);
};

} // namespace gongji
