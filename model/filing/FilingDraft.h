#pragma once
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/domain/Signature.h"

namespace gongji {

// One target as the clerk entered it.
struct TargetEntry
{
    QString relationship; // keyword of docs/domain.md §4
    QString idType;
    QString idNumber; // as typed; normalised by the evaluator
    QString name;
    QStringList proofs; // proof keywords seen by the clerk
    bool ageWarningConfirmed = false; // the clerk confirmed the warnings (AGE_IMPLAUSIBLE, RELATIONSHIP_UNUSUAL)
    QDate validUntil; // end of the authorization period, inclusive; invalid = open-ended
    std::optional<qint64> quotaFen; // money set aside for this target (共济额度); empty = none
};

// A filing being prepared at the counter or read from a batch file. Plain data: the
// evaluator checks it, FilingSubmission stores it.
struct FilingDraft
{
    QString authorizerIdType;
    QString authorizerIdNumber;
    QString authorizerName; // empty: not compared (the counter looks the person up by number)
    bool commitmentAcknowledged = false;
    QString commitmentVersion;
    QDateTime commitmentAt; // UTC
    QString commitmentMethod = QStringLiteral("paper"); // or "citizen_screen" (see Filing)
    QDate filedOn; // the filing date: rules and cooldown are judged on it
    QString clerk;
    QString channel = QStringLiteral("counter"); // or "batch"
    QList<TargetEntry> targets;
    // The authorizer's signature on the citizen's screen; none: they sign the printed summary.
    std::optional<Signature> signature;
};

} // namespace gongji
