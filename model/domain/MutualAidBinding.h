#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/domain/BindingStatus.h"
#include "model/domain/EndRequester.h"

namespace gongji {

// A mutual-aid binding: the authorizer's personal account may pay for the target.
struct MutualAidBinding
{
    qint64 id = 0;
    qint64 filingId = 0;
    qint64 authorizerId = 0;
    qint64 targetId = 0;
    QString relationship;
    QStringList proofs;
    qint64 ruleSetId = 0;
    BindingStatus status = BindingStatus::Active;
    QDateTime startedAt; // UTC
    QDateTime endedAt; // UTC, invalid while active
    QString endedBy; // clerk login, or "system" for automatic ends
    std::optional<EndRequester> endRequestedBy; // Authorizer, Target or System; empty while active
    QString endReason;
    bool ageWarningConfirmed
        = false; // the clerk confirmed the target's warnings (AGE_IMPLAUSIBLE, RELATIONSHIP_UNUSUAL)
    QDate validUntil; // last day of the authorization period (授权期限); invalid = open-ended
    // Money set aside for this target (共济额度), in fen; empty where nothing is. Only an active
    // binding holds it: ending the binding frees it.
    std::optional<qint64> quotaFen;

    // How the end of an authorization period is stored (BindingExpiry does it): words kept in
    // the database, the same in every UI language.
    static QString expiredReason() { return QStringLiteral("expired"); }
    static QString systemActor() { return QStringLiteral("system"); }

    // Active on `day`: not ended, and the period (if any) not over.
    bool isActiveOn(const QDate &day) const
    {
        return status == BindingStatus::Active && (!validUntil.isValid() || validUntil >= day);
    }
};

} // namespace gongji
