#include "model/rules/RuleSetChange.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/storage/AuditLog.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetChange)
};

QString describe(const RuleSet &set)
{
    return QStringLiteral("%1 %2 (%3 – %4)")
        .arg(set.region, set.title, set.effectiveFrom.toString(Qt::ISODate),
             set.effectiveTo.isValid() ? set.effectiveTo.toString(Qt::ISODate) : Text::tr("open"));
}

} // namespace

RuleSetChange::RuleSetChange(const QString &connection) : m_connection(connection) {}

QStringList RuleSetChange::check(const RuleSet &candidate, const QList<qint64> &ignoring) const
{
    QStringList problems = candidate.validate();
    for (const RuleSet &stored : RuleSetStore(m_connection).all()) {
        if (stored.region != candidate.region || ignoring.contains(stored.id) || stored.id == candidate.id)
            continue;
        if (candidate.overlaps(stored))
            problems << Text::tr("The period overlaps the stored rule set %1 of the same region. Change the dates, "
                                 "or make a new version of that set instead.")
                            .arg(describe(stored));
    }
    return problems;
}

RuleSetChange::Result RuleSetChange::add(const RuleSet &ruleSet, const QString &actor)
{
    return addAll({ruleSet}, actor);
}

RuleSetChange::Result RuleSetChange::addAll(QList<RuleSet> ruleSets, const QString &actor)
{
    Result result;
    try {
        WriteTransaction transaction(m_connection);
        if (const QString refusal = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor); !refusal.isEmpty()) {
            return Result::refused(FailureKind::NotAllowed, {refusal});
        }
        for (int i = 0; i < ruleSets.size(); ++i) {
            RuleSet &set = ruleSets[i];
            set.id = 0;
            set.sortLists();
            const QString prefix = ruleSets.size() > 1 ? Text::tr("Rule set %1: ").arg(i + 1) : QString();
            for (const QString &problem : check(set))
                result.errors << prefix + problem;
            for (int j = 0; j < i; ++j) {
                if (ruleSets.at(j).region == set.region && ruleSets.at(j).overlaps(set))
                    result.errors << prefix
                            + Text::tr("The period overlaps rule set %1 of the same region.").arg(j + 1);
            }
        }
        if (!result.errors.isEmpty())
            return Result::refused(FailureKind::Input, result.errors);
        RuleSetStore store(m_connection);
        for (RuleSet &set : ruleSets) {
            store.insert(set);
            AuditLog(m_connection).append(actor, AuditAction::RulesAdd, QString::number(set.id), set.toJson());
        }
        transaction.commit();
        result.succeed();
        result.id = ruleSets.isEmpty() ? 0 : ruleSets.last().id;
    } catch (const StorageError &error) {
        result = Result::refused(FailureKind::Storage, {error.userMessage()});
    }
    return result;
}

QList<RuleSet> RuleSetChange::proposedAfterNewVersion(qint64 baseId, const RuleSet &next) const
{
    QList<RuleSet> sets = RuleSetStore(m_connection).all();
    for (RuleSet &set : sets) {
        if (set.id == baseId)
            set.effectiveTo = next.effectiveFrom.addDays(-1);
    }
    RuleSet added = next;
    added.id = -1;
    sets.append(added);
    return sets;
}

RuleSetChange::Result RuleSetChange::newVersion(qint64 baseId, RuleSet next, const QString &actor)
{
    Result result;
    next.id = 0;
    next.sortLists();
    try {
        WriteTransaction transaction(m_connection);
        if (const QString refusal = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor); !refusal.isEmpty()) {
            return Result::refused(FailureKind::NotAllowed, {refusal});
        }
        RuleSetStore store(m_connection);
        const std::optional<RuleSet> base = store.findById(baseId);
        if (!base) {
            return Result::refused(FailureKind::Stale,
                                   {Text::tr("The rule set to version does not exist (any more).")});
        }
        if (next.region != base->region)
            result.errors << Text::tr("A new version keeps the region of the set it replaces (%1).").arg(base->region);
        if (!next.effectiveFrom.isValid() || next.effectiveFrom <= base->effectiveFrom)
            result.errors << Text::tr("The new version must start after %1, when the current one started.")
                                 .arg(base->effectiveFrom.toString(Qt::ISODate));
        RuleSet closed = *base;
        closed.effectiveTo = next.effectiveFrom.addDays(-1);
        if (base->effectiveTo.isValid() && base->effectiveTo < closed.effectiveTo)
            closed.effectiveTo = base->effectiveTo; // already ended earlier: leave it
        result.errors += check(next, {baseId});
        if (!result.errors.isEmpty())
            return Result::refused(FailureKind::Input, result.errors);
        if (closed.effectiveTo != base->effectiveTo)
            store.closePeriod(baseId, closed.effectiveTo);
        store.insert(next);
        QJsonObject detail = next.toJson();
        detail.insert(QStringLiteral("replaces"), baseId);
        AuditLog(m_connection).append(actor, AuditAction::RulesNewVersion, QString::number(next.id), detail);
        transaction.commit();
        result.succeed();
        result.id = next.id;
    } catch (const StorageError &error) {
        result = Result::refused(FailureKind::Storage, {error.userMessage()});
    }
    return result;
}

RuleSetChange::Result RuleSetChange::update(const RuleSet &ruleSet, const QString &actor)
{
    Result result;
    RuleSet edited = ruleSet;
    edited.sortLists();
    try {
        WriteTransaction transaction(m_connection);
        if (const QString refusal = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor); !refusal.isEmpty()) {
            return Result::refused(FailureKind::NotAllowed, {refusal});
        }
        RuleSetStore store(m_connection);
        if (!store.findById(edited.id)) {
            return Result::refused(FailureKind::Stale, {Text::tr("The rule set does not exist (any more).")});
        }
        if (store.isReferenced(edited.id)) {
            return Result::refused(FailureKind::Input,
                                   {Text::tr("Filings were checked against this rule set, so it cannot be changed. "
                                             "Make a new version instead.")});
        }
        result.errors = check(edited);
        if (!result.errors.isEmpty())
            return Result::refused(FailureKind::Input, result.errors);
        store.update(edited);
        AuditLog(m_connection).append(actor, AuditAction::RulesUpdate, QString::number(edited.id), edited.toJson());
        transaction.commit();
        result.succeed();
        result.id = edited.id;
    } catch (const StorageError &error) {
        result = Result::refused(FailureKind::Storage, {error.userMessage()});
    }
    return result;
}

RuleSetChange::Result RuleSetChange::remove(qint64 id, const QString &actor)
{
    Result result;
    try {
        WriteTransaction transaction(m_connection);
        if (const QString refusal = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor); !refusal.isEmpty()) {
            return Result::refused(FailureKind::NotAllowed, {refusal});
        }
        RuleSetStore store(m_connection);
        const std::optional<RuleSet> set = store.findById(id);
        if (!set) {
            return Result::refused(FailureKind::Stale, {Text::tr("The rule set does not exist (any more).")});
        }
        if (store.isReferenced(id)) {
            return Result::refused(
                FailureKind::Input,
                {Text::tr("Filings were checked against this rule set, so it cannot be deleted. Close its "
                          "period with a new version instead.")});
        }
        store.remove(id);
        AuditLog(m_connection).append(actor, AuditAction::RulesRemove, QString::number(id), set->toJson());
        transaction.commit();
        result.succeed();
        result.id = id;
    } catch (const StorageError &error) {
        result = Result::refused(FailureKind::Storage, {error.userMessage()});
    }
    return result;
}

} // namespace gongji
