#include "model/filing/QuotaCheck.h"

#include <QCoreApplication>

#include "model/domain/Money.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QuotaCheck)
};

} // namespace

qint64 QuotaCheck::freeFen(const RuleSet &rules, const Person &authorizer, qint64 setAsideFen)
{
    return qMax<qint64>(0, authorizer.balanceFen - rules.reserveFloorFen - setAsideFen);
}

Findings QuotaCheck::check(const RuleSet &rules, const Person &authorizer, const Person &target,
                           const std::optional<qint64> &quotaFen, qint64 setAsideFen)
{
    Findings findings;
    const qint64 quota = quotaFen.value_or(0);
    if (!rules.allowsQuota()) {
        if (quota > 0)
            findings.append(Finding{RefusalCode::QuotaNotAllowed, Finding::Field::Quota,
                                    Text::tr("quota_required_beyond: %1").arg(rules.quotaRequiredBeyond)});
        return findings;
    }
    if (quota <= 0) {
        if (rules.requiresQuota(authorizer, target))
            findings.append(Finding{RefusalCode::QuotaRequired, Finding::Field::Quota,
                                    Text::tr("target insured in %1, authorizer in %2")
                                        .arg(target.poolingRegion, authorizer.poolingRegion)});
        return findings;
    }
    const qint64 free = freeFen(rules, authorizer, setAsideFen);
    if (quota > free)
        findings.append(Finding{RefusalCode::QuotaExceedsBalance, Finding::Field::Quota,
                                Text::tr("still free: %1 yuan (balance %2, reserve floor %3, already set aside %4)")
                                    .arg(Money::formatYuan(free), Money::formatYuan(authorizer.balanceFen),
                                         Money::formatYuan(rules.reserveFloorFen), Money::formatYuan(setAsideFen))});
    return findings;
}

} // namespace gongji
