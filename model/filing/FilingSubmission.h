#pragma once
#include <QString>

#include <optional>

#include "model/domain/ClerkAccount.h"
#include "model/domain/Filing.h"
#include "model/domain/Outcome.h"
#include "model/filing/FilingEvaluator.h"

namespace gongji {

// What a submission came to. Beside the Outcome (Input: an incomplete draft, refused by the
// rules or a warning not confirmed; NotAllowed: not a clerk account; Storage: nothing stored), the
// status says which of the filing's own cases it is.
struct SubmissionResult : Outcome
{
    enum class Status { Stored, Refused, NeedsConfirmation, Failed };
    Status status = Status::Failed;
    QString filingNumber;
    qint64 filingId = 0;
    FilingVerdict verdict; // as re-checked inside the transaction
    // When the connection to an office server broke during the submission: whether the filing
    // reached it (whole; never half). Stored also sets status Stored.
    enum class Reached { NotLost, Stored, Absent, Unknown };
    Reached reached = Reached::NotLost;

    bool stored() const { return status == Status::Stored; }
    // Sets the status with the failure kind it means (Failed: `failedAs`) and `message`.
    void settle(Status to, FailureKind failedAs = FailureKind::Input, const QString &message = {})
    {
        status = to;
        ok = to == Status::Stored;
        failure = ok ? FailureKind::None : to == Status::Failed ? failedAs : FailureKind::Input;
        error = message;
    }
};

// The one path that stores a mutual-aid filing, used by the wizard and the batch intake:
// inside one BEGIN IMMEDIATE transaction the draft is checked again, the filing, its bindings,
// their journal lines and an audit entry are written, and committed together, or nothing is.
// On an office server that is five round trips whatever the number of targets: BEGIN, the
// writer's lock, the reads (two batches), the writes (one batch), COMMIT (docs/storage.md).
class FilingSubmission
{
public:
    explicit FilingSubmission(const QString &connection);

    // Refused when any target (or the authorizer) is refused or a warning is not confirmed;
    // the draft must have at least one target. Failed (nothing stored) unless draft.clerk is an
    // active account (RoleCheck, "clerk").
    SubmissionResult submit(const FilingDraft &draft);

private:
    // What a submission reads under its write lock, besides the checks' own reads: in the same
    // round trip.
    struct Ground
    {
        FilingNeighbourhood around;
        std::optional<ClerkAccount> account;
        bool expiredBindings = false; // bindings still stored as active whose period is over
        QString number; // the day's next filing number
        qint64 lastSeq = 0; // the journal's
        qint64 filingId = 0; // reserved
        QList<qint64> bindingIds; // reserved, one per target
    };
    Ground readGround(const FilingDraft &draft, const QDate &today) const;
    void settleAfterLoss(const Filing &filing, SubmissionResult &result) const;

    QString m_connection;
};

} // namespace gongji
