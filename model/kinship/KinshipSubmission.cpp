#include "model/kinship/KinshipSubmission.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/journal/HandoverJournal.h"
#include "model/storage/AuditLog.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

KinshipSubmission::KinshipSubmission(const QString &connection) : m_connection(connection) {}

KinshipSubmission::Result KinshipSubmission::submit(const KinshipDraft &draft)
{
    Result result;
    if (draft.clerk.trimmed().isEmpty()) {
        result.failIf(FailureKind::Input,
                      QCoreApplication::translate("KinshipSubmission", "No clerk is recorded; sign in again."));
        return result;
    }
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(draft.clerk, ClerkRole::Clerk)))
            return result;
        result.verdict = KinshipEvaluator(m_connection).evaluate(draft);
        if (result.verdict.refused())
            return result;
        KinshipStore store(m_connection);
        const QDateTime now = Timestamp::now();
        KinshipBinding binding;
        binding.number = store.nextNumber(now.toLocalTime().date());
        binding.holderId = result.verdict.holder->id;
        binding.memberId = result.verdict.member->id;
        binding.relationship = draft.relationship;
        binding.faceVerified = draft.faceVerified;
        binding.householdRegisterSeen = draft.householdRegisterSeen;
        binding.clerk = draft.clerk;
        binding.channel = draft.channel;
        binding.startedAt = now;
        store.insert(binding);
        AuditLog(m_connection)
            .append(draft.clerk, AuditAction::KinshipBinding, binding.number,
                    QJsonObject{{QStringLiteral("holder"), IdNumber::mask(result.verdict.holder->idNumber)},
                                {QStringLiteral("member"), IdNumber::mask(result.verdict.member->idNumber)},
                                {QStringLiteral("relationship"), draft.relationship},
                                {QStringLiteral("face_verified"), draft.faceVerified},
                                {QStringLiteral("household_register_seen"), draft.householdRegisterSeen},
                                {QStringLiteral("channel"), draft.channel}});
        HandoverJournal(m_connection).recordKinship(QStringLiteral("kinship_binding"), binding.id, draft.clerk);
        transaction.commit();
        result.succeed();
        result.number = binding.number;
        result.bindingId = binding.id;
    } catch (const StorageError &error) {
        result.number.clear();
        result.bindingId = 0;
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

} // namespace gongji
