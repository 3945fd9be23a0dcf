#include "model/filing/FilingSubmission.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/SignatureStore.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FilingSubmission)
};

bool anyRefused(const FilingVerdict &verdict)
{
    if (verdict.authorizer.refused())
        return true;
    return std::any_of(verdict.targets.begin(), verdict.targets.end(), [](const TargetVerdict &t) { return t.refused(); });
}

} // namespace

FilingSubmission::FilingSubmission(const QString &connection) : m_connection(connection) {}

SubmissionResult FilingSubmission::submit(const FilingDraft &draft)
{
    SubmissionResult result;
    if (draft.targets.isEmpty()) {
        result.error = Text::tr("The filing has no target. Add at least one target before submitting.");
        return result;
    }
    if (draft.clerk.trimmed().isEmpty()) {
        result.error = Text::tr("No clerk is recorded for this filing; sign in again.");
        return result;
    }
    if (draft.signature && !draft.signature->problem().isEmpty()) {
        result.error = draft.signature->problem();
        return result;
    }
    try {
        // Check again under the write lock: another counter may have bound a target since the
        // clerk saw the verdict on screen.
        WriteTransaction transaction(m_connection);
        result.error = RoleCheck(m_connection).refusal(draft.clerk, ClerkRole::Clerk);
        if (!result.error.isEmpty()) {
            result.status = SubmissionResult::Status::Failed;
            return result;
        }
        result.verdict = FilingEvaluator(m_connection).evaluate(draft);
        if (anyRefused(result.verdict)) {
            result.status = SubmissionResult::Status::Refused;
            return result;
        }
        for (int i = 0; i < draft.targets.size(); ++i) {
            if (result.verdict.targets.at(i).hasWarnings() && !draft.targets.at(i).ageWarningConfirmed) {
                result.status = SubmissionResult::Status::NeedsConfirmation;
                return result;
            }
        }

        const QDateTime now = Timestamp::now();
        const Person &authorizer = *result.verdict.authorizer.person;
        Filing filing;
        filing.number = FilingStore(m_connection).nextNumber(now.toLocalTime().date());
        filing.authorizerId = authorizer.id;
        filing.clerk = draft.clerk;
        filing.channel = draft.channel;
        filing.filedAt = now;
        filing.effectiveOn = draft.filedOn;
        filing.ruleSetId = result.verdict.authorizer.ruleSet->id;
        filing.commitmentVersion = draft.commitmentVersion;
        filing.commitmentAt = draft.commitmentAt.isValid() ? draft.commitmentAt : now;
        filing.commitmentMethod = draft.commitmentMethod;
        FilingStore(m_connection).insert(filing);
        if (draft.signature)
            SignatureStore(m_connection).insert(filing.id, *draft.signature);

        BindingStore bindings(m_connection);
        QJsonArray targets;
        for (int i = 0; i < draft.targets.size(); ++i) {
            const TargetEntry &entry = draft.targets.at(i);
            const Person &target = *result.verdict.targets.at(i).person;
            MutualAidBinding binding;
            binding.filingId = filing.id;
            binding.authorizerId = authorizer.id;
            binding.targetId = target.id;
            binding.relationship = entry.relationship;
            binding.proofs = entry.proofs;
            binding.ruleSetId = filing.ruleSetId;
            binding.startedAt = now;
            binding.ageWarningConfirmed = entry.ageWarningConfirmed && result.verdict.targets.at(i).hasWarnings();
            bindings.insert(binding);
            targets.append(QJsonObject{{QStringLiteral("binding_id"), binding.id},
                                       {QStringLiteral("target"), IdNumber::mask(target.idNumber)},
                                       {QStringLiteral("relationship"), entry.relationship}});
        }
        AuditLog(m_connection).append(draft.clerk, AuditAction::Filing, filing.number,
                                      QJsonObject{{QStringLiteral("authorizer"), IdNumber::mask(authorizer.idNumber)},
                                                  {QStringLiteral("channel"), draft.channel},
                                                  {QStringLiteral("commitment"), draft.commitmentMethod},
                                                  {QStringLiteral("signed_on_screen"), draft.signature.has_value()},
                                                  {QStringLiteral("rule_set_id"), filing.ruleSetId},
                                                  {QStringLiteral("targets"), targets}});
        transaction.commit();
        result.status = SubmissionResult::Status::Stored;
        result.filingNumber = filing.number;
        result.filingId = filing.id;
    } catch (const StorageError &error) {
        result.status = SubmissionResult::Status::Failed;
        result.error = error.userMessage();
        result.filingNumber.clear();
        result.filingId = 0;
    }
    return result;
}

} // namespace gongji
