#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "domain/Person.h"

namespace gongji {

// A mutual-aid binding: the authorizer's personal account may pay for the target.
struct Binding
{
    qint64 id = 0;
    qint64 filingId = 0;
    qint64 authorizerId = 0;
    qint64 targetId = 0;
    QString relationship;
    QStringList proofs;
    qint64 ruleSetId = 0;
    QString status;          // "active" / "ended"
    QDateTime startedAt;     // UTC
    QDateTime endedAt;       // UTC, invalid while active
    QString endedBy;         // clerk login, or "system" for automatic ends
    QString endRequestedBy;  // "authorizer" / "target" / "system"
    QString endReason;
    bool ageWarningConfirmed = false;
};

// An active binding with both people, for reports that judge many bindings at once.
struct BindingWithPersons
{
    Binding binding;
    Person authorizer;
    Person target;
};

// Every SQL statement on mutual-aid bindings.
class BindingStore
{
public:
    explicit BindingStore(const QString &connection);

    QList<Binding> activeByTarget(qint64 targetId) const;      // ordered by started_at, id
    QList<Binding> activeByAuthorizer(qint64 authorizerId) const;
    bool activePairExists(qint64 authorizerId, qint64 targetId) const;
    // When the latest ended binding of this pair ended, if any.
    std::optional<QDateTime> lastEndOfPair(qint64 authorizerId, qint64 targetId) const;
    QList<Binding> byFiling(qint64 filingId) const;
    std::optional<Binding> findById(qint64 bindingId) const;
    // Inserts binding and its proofs; sets binding.id. Call inside a WriteTransaction.
    void insert(Binding &binding);
    // Ends an active binding; false when it is not active (any more). Call inside a WriteTransaction.
    bool end(qint64 bindingId, const QDateTime &endedAt, const QString &endedBy, const QString &requestedBy,
             const QString &reason);
    qint64 countActive() const;
    // Every active binding whose authorizer's pooling region starts with `regionPrefix` ("" = all),
    // streamed so that a national report does not hold a million rows.
    void forEachActiveByAuthorizerRegion(const QString &regionPrefix,
                                         const std::function<void(const BindingWithPersons &)> &visit) const;

private:
    QList<Binding> select(const QString &where, const QString &placeholder, qint64 value) const;
    QString m_connection;
};

} // namespace gongji
