#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "model/domain/Person.h"

#include "model/domain/MutualAidBinding.h"

#include "model/domain/BindingWithPersons.h"

namespace gongji {

// Every SQL statement on mutual-aid bindings.
class BindingStore
{
public:
    explicit BindingStore(const QString &connection);

    QList<MutualAidBinding> activeByTarget(qint64 targetId) const;      // ordered by started_at, id
    QList<MutualAidBinding> activeByAuthorizer(qint64 authorizerId) const;
    bool activePairExists(qint64 authorizerId, qint64 targetId) const;
    // The active binding in which `authorizerId` authorizes `targetId`, if any (a pair has one at most).
    std::optional<MutualAidBinding> activeOfPair(qint64 authorizerId, qint64 targetId) const;
    // When the latest ended binding of this pair ended, if any.
    std::optional<QDateTime> lastEndOfPair(qint64 authorizerId, qint64 targetId) const;
    QList<MutualAidBinding> byFiling(qint64 filingId) const;
    std::optional<MutualAidBinding> findById(qint64 bindingId) const;
    // Inserts binding and its proofs; sets binding.id. Call inside a WriteTransaction.
    void insert(MutualAidBinding &binding);
    // Ends an active binding; false when it is not active (any more). Call inside a WriteTransaction.
    bool end(qint64 bindingId, const QDateTime &endedAt, const QString &endedBy, const QString &requestedBy,
             const QString &reason);
    qint64 countActive() const;
    // Every active binding whose authorizer's pooling region starts with `regionPrefix` ("" = all),
    // streamed so that a national report does not hold a million rows.
    void forEachActiveByAuthorizerRegion(const QString &regionPrefix,
                                         const std::function<void(const BindingWithPersons &)> &visit) const;

private:
    QList<MutualAidBinding> select(const QString &where, const QString &placeholder, qint64 value) const;
    QString m_connection;
};

} // namespace gongji
