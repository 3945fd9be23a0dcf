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
#include "model/storage/NeighbourhoodStore.h"

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

    // What the checks of `draft` read, and that read (with the persons of `pending`, bindings
    // accepted but not yet stored): two round trips to an office server whatever the draft.
    static NeighbourhoodStore::Request readsFor(const FilingDraft &draft);
    FilingNeighbourhood read(const FilingDraft &draft, const QList<PendingBinding> &pending = {}) const;

    // ID, registry, insurance, status and rule checks of the authorizer, plus the commitment.
    static AuthorizerVerdict checkAuthorizer(const FilingDraft &draft, const FilingNeighbourhood &around);
    AuthorizerVerdict checkAuthorizer(const FilingDraft &draft) const; // reads first
    // Checks one target for an authorizer already checked. `pending` = bindings accepted but
    // not yet stored (earlier targets of the same draft, earlier rows of a batch).
    static TargetVerdict checkTarget(const AuthorizerVerdict &authorizer, const TargetEntry &target,
                                     const QDate &filedOn, const QList<PendingBinding> &pending,
                                     const FilingNeighbourhood &around);
    // Whole draft: each target sees the draft's earlier non-refused targets as pending,
    // after `earlier`.
    static FilingVerdict evaluate(const FilingDraft &draft, const FilingNeighbourhood &around,
                                  const QList<PendingBinding> &earlier = {});
    FilingVerdict evaluate(const FilingDraft &draft, const QList<PendingBinding> &earlier = {}) const; // reads first

private:
    QString m_connection;
};

} // namespace gongji
