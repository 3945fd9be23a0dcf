#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/Person.h"
#include "model/filing/FilingDraft.h"
#include "model/filing/PendingBinding.h"
#include "model/domain/Finding.h"
#include "model/domain/RuleSet.h"

namespace gongji {

struct AuthorizerVerdict
{
    Findings findings;
    std::optional<Person> person;
    std::optional<RuleSet> ruleSet; // the set in force for this authorizer on the filing date
    bool refused() const { return hasRefusal(findings); }
};

struct TargetVerdict
{
    Findings findings; // the target's own findings (not the authorizer's)
    std::optional<Person> person;
    bool refused() const { return hasRefusal(findings); }
    bool hasWarnings() const { return hasWarning(findings); }
};

struct FilingVerdict
{
    AuthorizerVerdict authorizer;
    QList<TargetVerdict> targets; // same order as the draft's targets

    // Authorizer findings plus the target's own: what a target row reports.
    Findings findingsFor(int targetIndex) const;
    bool targetAccepted(int targetIndex, bool warningsConfirmed) const;
};

// The rules engine: checks a draft against the registry, the stored bindings and the rule set
// in force, and reports every code that applies (docs/domain.md §6), not only the first.
class FilingEvaluator
{
public:
    explicit FilingEvaluator(const QString &connection);

    // ID, registry, insurance, status and rule checks of the authorizer, plus the commitment.
    AuthorizerVerdict checkAuthorizer(const FilingDraft &draft) const;
    // Checks one target for an authorizer already checked. `pending` = bindings accepted but
    // not yet stored (earlier targets of the same draft, earlier rows of a batch).
    TargetVerdict checkTarget(const AuthorizerVerdict &authorizer, const TargetEntry &target, const QDate &filedOn,
                              const QList<PendingBinding> &pending) const;
    // Whole draft: each target sees the draft's earlier non-refused targets as pending,
    // after `earlier`.
    FilingVerdict evaluate(const FilingDraft &draft, const QList<PendingBinding> &earlier = {}) const;

private:
    QString m_connection;
};

} // namespace gongji
