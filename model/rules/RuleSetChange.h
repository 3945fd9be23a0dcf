#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include "model/domain/Outcome.h"
#include "model/domain/RuleSet.h"

namespace gongji {

// The one path for every change to rule sets (GUI editor, CLI import): validated against the set
// itself and against the stored sets of the same region, applied in one transaction with an audit
// entry. A set that filings or bindings refer to is never changed in place or deleted: a new
// version is made instead, which closes the old one's period the day before it starts.
class RuleSetChange
{
public:
    // Input: the set does not pass its checks (each problem in `errors`); NotAllowed: not a
    // supervisor; Stale: the set is gone; Storage: nothing was written.
    struct Result : Outcome
    {
        QStringList errors; // in the UI language, each says what to change; `error` joins them
        qint64 id = 0; // of the set added, versioned or updated

        static Result refused(FailureKind kind, const QStringList &problems)
        {
            Result result;
            result.refuse(kind, problems);
            return result;
        }
        void refuse(FailureKind kind, const QStringList &problems)
        {
            ok = false;
            failure = kind;
            errors = problems;
            error = problems.join(QLatin1Char('\n'));
        }
    };

    explicit RuleSetChange(const QString &connection);

    // Problems of `candidate` on its own and against the stored sets of its region
    // (overlapping periods), ignoring the ids in `ignoring` (the set being replaced or closed).
    QStringList check(const RuleSet &candidate, const QList<qint64> &ignoring = {}) const;

    Result add(const RuleSet &ruleSet, const QString &actor);
    // Adds every set or none (an import): each checked against the stored sets and the others.
    Result addAll(QList<RuleSet> ruleSets, const QString &actor);
    // `next` is the edited copy; its effective_from must be after the base set's start.
    Result newVersion(qint64 baseId, RuleSet next, const QString &actor);
    Result update(const RuleSet &ruleSet, const QString &actor);
    Result remove(qint64 id, const QString &actor);

    // Every stored set as it would be after newVersion(baseId, next): for RuleImpact.
    QList<RuleSet> proposedAfterNewVersion(qint64 baseId, const RuleSet &next) const;

private:
    QString m_connection;
};

} // namespace gongji
