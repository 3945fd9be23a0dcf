#pragma once
#include <QString>

#include "model/domain/Filing.h"
#include "model/filing/FilingEvaluator.h"

namespace gongji {

struct SubmissionResult
{
    enum class Status { Stored, Refused, NeedsConfirmation, Failed };
    Status status = Status::Failed;
    QString filingNumber;
    qint64 filingId = 0;
    FilingVerdict verdict; // as re-checked inside the transaction
    QString error; // Failed: why (not a clerk account, storage) in the UI language
    // When the connection to an office server broke during the submission: whether the filing
    // reached it (whole; never half). Stored also sets status Stored.
    enum class Outcome { NotLost, Stored, Absent, Unknown };
    Outcome outcome = Outcome::NotLost;

    bool stored() const { return status == Status::Stored; }
};

// The one path that stores a mutual-aid filing, used by the wizard and the batch intake:
// inside one BEGIN IMMEDIATE transaction the draft is checked again, the filing, its bindings
// and an audit entry are written, and committed together, or nothing is.
class FilingSubmission
{
public:
    explicit FilingSubmission(const QString &connection);

    // Refused when any target (or the authorizer) is refused or a warning is not confirmed;
    // the draft must have at least one target. Failed (nothing stored) unless draft.clerk is an
    // active account (RoleCheck, "clerk").
    SubmissionResult submit(const FilingDraft &draft);

private:
    void settleAfterLoss(const Filing &filing, SubmissionResult &result) const;

    QString m_connection;
};

} // namespace gongji
