#include "model/filing/FilingSubmission.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>

#include "model/accounts/RoleCheck.h"
#include "model/filing/BindingExpiry.h"
#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/journal/HandoverJournal.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/SignatureStore.h"
#include "model/storage/WriteTransaction.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/IdReservation.h"
#include "model/storage/JournalStore.h"
#include "model/storage/NeighbourhoodStore.h"
#include "model/storage/StatementBatch.h"

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
    return std::any_of(verdict.targets.begin(), verdict.targets.end(),
                       [](const TargetVerdict &t) { return t.refused(); });
}

// How long a submission whose connection broke waits for the server to answer whether the
// filing reached it (a restarted server is back within seconds). Bounded: no counter hangs.
constexpr int kOutcomeWaitMs = 10000;

// After the connection broke while `filing` was being stored: its transaction committed whole or
// not at all; asked on a new connection. The number alone could have been taken by another
// counter since: the filing is ours when authorizer and time match too.
SubmissionResult::Reached outcomeAfterLoss(const QString &connection, const Filing &filing)
{
    const QDeadlineTimer deadline(kOutcomeWaitMs);
    for (;;) {
        try {
            const std::optional<Filing> found = FilingStore(connection).findByNumber(filing.number);
            return found && found->authorizerId == filing.authorizerId && found->filedAt == filing.filedAt
                ? SubmissionResult::Reached::Stored
                : SubmissionResult::Reached::Absent;
        } catch (const StorageError &error) {
            if (error.kind() != StorageError::Kind::ConnectionLost || deadline.hasExpired())
                return SubmissionResult::Reached::Unknown;
        }
        QThread::msleep(250);
    }
}

} // namespace

FilingSubmission::FilingSubmission(const QString &connection) : m_connection(connection) {}

FilingSubmission::Ground FilingSubmission::readGround(const FilingDraft &draft, const QDate &today) const
{
    // The submission's own reads ride in the first of the checks' two round trips.
    StatementBatch reads(m_connection);
    const int accountAt = ClerkStore::queueFindByLogin(reads, draft.clerk);
    const int expiredAt = BindingStore::queueActiveEndedBefore(reads, draft.filedOn);
    const int numberAt = FilingStore::queueNextNumber(reads, today);
    const int seqAt = JournalStore::queueLastSeq(reads);
    const int filingIdAt = IdReservation::queue(reads, QStringLiteral("filing"), 1);
    const int bindingIdsAt = IdReservation::queue(reads, QStringLiteral("binding"), int(draft.targets.size()));
    Ground ground;
    ground.around = NeighbourhoodStore(m_connection).load(FilingEvaluator::readsFor(draft), reads);
    ground.account = ClerkStore::readAccount(reads, accountAt);
    ground.expiredBindings = !BindingStore::readIds(reads, expiredAt).isEmpty();
    ground.number = FilingStore::readNextNumber(reads, numberAt, today);
    ground.lastSeq = JournalStore::readLastSeq(reads, seqAt);
    ground.filingId = IdReservation::read(reads, filingIdAt).value(0);
    ground.bindingIds = IdReservation::read(reads, bindingIdsAt);
    return ground;
}

SubmissionResult FilingSubmission::submit(const FilingDraft &draft)
{
    SubmissionResult result;
    if (draft.targets.isEmpty()) {
        result.settle(SubmissionResult::Status::Failed, FailureKind::Input,
                      Text::tr("The filing has no target. Add at least one target before submitting."));
        return result;
    }
    if (draft.clerk.trimmed().isEmpty()) {
        result.settle(SubmissionResult::Status::Failed, FailureKind::Input,
                      Text::tr("No clerk is recorded for this filing; sign in again."));
        return result;
    }
    if (draft.signature && !draft.signature->problem().isEmpty()) {
        result.settle(SubmissionResult::Status::Failed, FailureKind::Input, draft.signature->problem());
        return result;
    }
    Filing filing; // its number is known once it is being written
    try {
        // Check again under the write lock: another counter may have bound a target since the
        // clerk saw the verdict on screen.
        WriteTransaction transaction(m_connection);
        const QDateTime now = Timestamp::now();
        Ground ground = readGround(draft, now.toLocalTime().date());
        if (const QString refusal = RoleCheck::refusalOf(draft.clerk, ground.account, ClerkRole::Clerk);
            !refusal.isEmpty()) {
            result.settle(SubmissionResult::Status::Failed, FailureKind::NotAllowed, refusal);
            return result;
        }
        if (ground.expiredBindings) {
            // A binding whose period ended before the filing date is ended first, so that the same
            // pair can be bound again (one active binding per pair, enforced by the database);
            // that writes journal lines, so everything is read again after it. Rare: once a day.
            BindingExpiry::endExpiredWithin(m_connection, draft.filedOn);
            ground = readGround(draft, now.toLocalTime().date());
        }
        result.verdict = FilingEvaluator::evaluate(draft, ground.around);
        if (anyRefused(result.verdict)) {
            result.settle(SubmissionResult::Status::Refused);
            return result;
        }
        for (int i = 0; i < draft.targets.size(); ++i) {
            if (result.verdict.targets.at(i).hasWarnings() && !draft.targets.at(i).ageWarningConfirmed) {
                result.settle(SubmissionResult::Status::NeedsConfirmation);
                return result;
            }
        }

        // Every write in one round trip: the ids were reserved with the reads.
        StatementBatch writes(m_connection);
        const Person &authorizer = *result.verdict.authorizer.person;
        const QString region = result.verdict.authorizer.ruleSet->region;
        filing.id = ground.filingId;
        filing.number = ground.number;
        filing.authorizerId = authorizer.id;
        filing.clerk = draft.clerk;
        filing.channel = draft.channel;
        filing.filedAt = now;
        filing.effectiveOn = draft.filedOn;
        filing.ruleSetId = result.verdict.authorizer.ruleSet->id;
        filing.commitmentVersion = draft.commitmentVersion;
        filing.commitmentAt = draft.commitmentAt.isValid() ? draft.commitmentAt : now;
        filing.commitmentMethod = draft.commitmentMethod;
        FilingStore::queueInsert(writes, filing);
        if (draft.signature)
            SignatureStore::queueInsert(writes, filing.id, *draft.signature);

        QList<JournalEntry> lines{HandoverJournal::filingEntry(filing, authorizer, region)};
        QJsonArray targets;
        for (int i = 0; i < draft.targets.size(); ++i) {
            const TargetEntry &entry = draft.targets.at(i);
            const Person &target = *result.verdict.targets.at(i).person;
            MutualAidBinding binding;
            binding.id = ground.bindingIds.at(i);
            binding.filingId = filing.id;
            binding.authorizerId = authorizer.id;
            binding.targetId = target.id;
            binding.relationship = entry.relationship;
            binding.proofs = entry.proofs;
            binding.ruleSetId = filing.ruleSetId;
            binding.status = BindingStatus::Active;
            binding.startedAt = now;
            binding.ageWarningConfirmed = entry.ageWarningConfirmed && result.verdict.targets.at(i).hasWarnings();
            binding.validUntil = entry.validUntil;
            if (entry.quotaFen.value_or(0) > 0)
                binding.quotaFen = entry.quotaFen;
            BindingStore::queueInsert(writes, binding);
            lines.append(HandoverJournal::mutualAidEntry(QStringLiteral("binding"), binding, filing, authorizer, target,
                                                         region, draft.clerk));
            QJsonObject audited{{QStringLiteral("binding_id"), binding.id},
                                {QStringLiteral("target"), IdNumber::mask(target.idNumber)},
                                {QStringLiteral("relationship"), entry.relationship}};
            if (entry.validUntil.isValid())
                audited.insert(QStringLiteral("valid_until"), entry.validUntil.toString(Qt::ISODate));
            if (binding.quotaFen)
                audited.insert(QStringLiteral("quota"), Money::formatYuan(*binding.quotaFen));
            targets.append(audited);
        }
        HandoverJournal::queue(writes, lines, ground.lastSeq);
        AuditLog::queueAppend(writes, draft.clerk, AuditAction::Filing, filing.number,
                              QJsonObject{{QStringLiteral("authorizer"), IdNumber::mask(authorizer.idNumber)},
                                          {QStringLiteral("channel"), draft.channel},
                                          {QStringLiteral("commitment"), draft.commitmentMethod},
                                          {QStringLiteral("signed_on_screen"), draft.signature.has_value()},
                                          {QStringLiteral("rule_set_id"), filing.ruleSetId},
                                          {QStringLiteral("targets"), targets}});
        writes.run();
        transaction.commit();
        result.settle(SubmissionResult::Status::Stored);
        result.filingNumber = filing.number;
        result.filingId = filing.id;
    } catch (const StorageError &error) {
        result.settle(SubmissionResult::Status::Failed, FailureKind::Storage, error.userMessage());
        result.filingNumber.clear();
        result.filingId = 0;
        if (error.kind() == StorageError::Kind::ConnectionLost)
            settleAfterLoss(filing, result);
    }
    return result;
}

void FilingSubmission::settleAfterLoss(const Filing &filing, SubmissionResult &result) const
{
    // Before the filing was written the server had nothing of it.
    result.reached
        = filing.number.isEmpty() ? SubmissionResult::Reached::Absent : outcomeAfterLoss(m_connection, filing);
    switch (result.reached) {
    case SubmissionResult::Reached::Stored:
        result.settle(SubmissionResult::Status::Stored);
        result.filingNumber = filing.number;
        result.filingId = filing.id;
        break;
    case SubmissionResult::Reached::Absent:
        result.error = Text::tr("The connection to the office database broke while the filing was being stored. It was "
                                "not stored: nothing of it is kept. What you entered is still here; submit it again.");
        break;
    case SubmissionResult::Reached::NotLost:
        break;
    case SubmissionResult::Reached::Unknown:
        result.error
            = Text::tr("The connection to the office database broke while the filing was being stored, and the "
                       "server does not answer yet. The filing is either stored whole or not at all. Look up the "
                       "authorizer's household once the server is back: if the bindings are not there, submit again "
                       "(what you entered is still here).");
        break;
    }
}

} // namespace gongji
