#pragma once
#include <QDateTime>
#include <QString>
#include <functional>

#include "model/domain/EndRequester.h"
#include "model/domain/Outcome.h"

namespace gongji {

// The one path that ends a binding (解除), mutual aid or kinship account: one transaction, the
// binding ended with clerk, time, who asked and why, and an audit entry.
class BindingRevocation
{
public:
    // Input: who asked or the reason is missing; NotAllowed: not a clerk account; Stale: the
    // binding is not active (any more); Storage: nothing was written.
    using Result = Outcome;

    explicit BindingRevocation(const QString &connection);

    // Both refused, nothing written, unless `clerk` is an active account (RoleCheck, "clerk").
    // The reason is free text shown in lists and printouts: a number typed into it is stored
    // masked (IdNumber::maskWithin).
    // Mutual aid: asked by its authorizer or its target (EndRequesters::ofMutualAid()).
    Result revoke(qint64 bindingId, EndRequester requestedBy, const QString &reason, const QString &clerk);
    // Kinship account: asked by its holder or its member (EndRequesters::ofKinship()).
    Result revokeKinship(qint64 kinshipBindingId, EndRequester requestedBy, const QString &reason,
                         const QString &clerk);

    // For callers that already hold the write transaction (automatic ends during a registry
    // import) and have checked their actor's role there: ends the binding and writes its audit
    // entry and its hand-over journal line as `journalItem` ("revocation", "automatic_end",
    // "expiry"; "kinship_end", "kinship_automatic_end"); false when it was not active.
    // Throws StorageError. `endedAt` invalid: now.
    static bool endMutualAidWithin(const QString &connection, qint64 bindingId, EndRequester requestedBy,
                                   const QString &reason, const QString &clerk, const QString &journalItem,
                                   const QDateTime &endedAt = {});
    static bool endKinshipWithin(const QString &connection, qint64 kinshipBindingId, EndRequester requestedBy,
                                 const QString &reason, const QString &clerk, const QString &journalItem);

private:
    Result run(const QList<EndRequester> &requesters, EndRequester requestedBy, const QString &reason,
               const QString &clerk, const std::function<bool()> &endWithin);
    QString m_connection;
};

} // namespace gongji
