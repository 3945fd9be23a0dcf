#include "model/filing/QuotaChange.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/filing/QuotaCheck.h"
#include "model/journal/HandoverJournal.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/QuotaChangeStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QuotaChange)
};

QJsonValue yuanOrNull(const std::optional<qint64> &fen)
{
    return fen ? QJsonValue(Money::formatYuan(*fen)) : QJsonValue(QJsonValue::Null);
}

QString yuanOrNone(const std::optional<qint64> &fen)
{
    return fen ? Text::tr("%1 yuan").arg(Money::formatYuan(*fen)) : Text::tr("no quota");
}

} // namespace

QuotaChange::QuotaChange(const QString &connection) : m_connection(connection) {}

QuotaChange::Result QuotaChange::change(qint64 bindingId, const std::optional<qint64> &quotaFen, const QString &clerk,
                                        const QDate &on)
{
    Result result;
    if (quotaFen && *quotaFen < 0) {
        result.error = Text::tr("A quota cannot be negative.");
        return result;
    }
    const std::optional<qint64> after = quotaFen.value_or(0) > 0 ? quotaFen : std::nullopt;
    try {
        // Under the write lock: another counter may have changed a quota or the binding since.
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(clerk, ClerkRole::Clerk)))
            return result;
        BindingStore bindings(m_connection);
        const std::optional<MutualAidBinding> binding = bindings.findById(bindingId);
        if (!binding || !binding->isActiveOn(on)) {
            result.failIf(FailureKind::Stale,
                          Text::tr("This binding is not active (any more); nothing was changed. "
                                   "Refresh the household view."));
            return result;
        }
        result.beforeFen = binding->quotaFen;
        if (binding->quotaFen == after) {
            result.error = Text::tr("The quota is already %1; nothing was changed.").arg(yuanOrNone(after));
            return result;
        }
        PersonStore persons(m_connection);
        const std::optional<Person> authorizer = persons.findById(binding->authorizerId);
        const std::optional<Person> target = persons.findById(binding->targetId);
        const std::optional<RuleSet> rules
            = authorizer ? RuleSetStore(m_connection).resolve(authorizer->poolingRegion, on) : std::nullopt;
        if (!authorizer || !target || !rules) {
            result.findings.append(Finding{RefusalCode::NoRuleInEffect, Finding::Field::Quota, {}});
            result.error = RefusalCodes::message(RefusalCode::NoRuleInEffect);
            return result;
        }
        const qint64 otherQuotas = bindings.quotaSetAside(authorizer->id, on, bindingId);
        result.findings = QuotaCheck::check(*rules, *authorizer, *target, after, otherQuotas);
        if (hasRefusal(result.findings)) {
            result.error = result.findings.first().text();
            return result;
        }
        if (!bindings.setQuota(bindingId, after)) {
            result.failIf(FailureKind::Stale,
                          Text::tr("This binding is not active (any more); nothing was changed. "
                                   "Refresh the household view."));
            return result;
        }
        QuotaChangeRecord record;
        record.bindingId = bindingId;
        record.changedAt = Timestamp::now();
        record.clerk = clerk;
        record.beforeFen = binding->quotaFen;
        record.afterFen = after;
        QuotaChangeStore(m_connection).insert(record);
        AuditLog(m_connection)
            .append(clerk, AuditAction::QuotaChange, QString::number(bindingId),
                    QJsonObject{{QStringLiteral("authorizer"), IdNumber::mask(authorizer->idNumber)},
                                {QStringLiteral("target"), IdNumber::mask(target->idNumber)},
                                {QStringLiteral("change_id"), record.id},
                                {QStringLiteral("quota_before"), yuanOrNull(record.beforeFen)},
                                {QStringLiteral("quota_after"), yuanOrNull(record.afterFen)}});
        HandoverJournal(m_connection).recordMutualAid(QStringLiteral("quota_change"), bindingId, clerk);
        transaction.commit();
        result.succeed();
        result.changeId = record.id;
        result.afterFen = after;
        result.freeFen = QuotaCheck::freeFen(*rules, *authorizer, otherQuotas + after.value_or(0));
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
        result.changeId = 0;
    }
    return result;
}

} // namespace gongji
