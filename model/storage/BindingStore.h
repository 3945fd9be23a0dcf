#pragma once
#include <QDate>
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

class StatementBatch;

class SqlRow;

// Every SQL statement on mutual-aid bindings.
class BindingStore
{
public:
    explicit BindingStore(const QString &connection);

    // "Active" always means on a day: not ended, and not past its valid_until (a binding whose
    // period is over counts as ended even before the expiry at start-up has stored that).
    QList<MutualAidBinding> activeByTarget(qint64 targetId,
                                           const QDate &on = QDate::currentDate()) const; // by started_at, id
    QList<MutualAidBinding> activeByAuthorizer(qint64 authorizerId, const QDate &on = QDate::currentDate()) const;
    bool activePairExists(qint64 authorizerId, qint64 targetId, const QDate &on = QDate::currentDate()) const;
    // The binding in which `authorizerId` authorizes `targetId` active on `on`, if any (a pair has one at most).
    std::optional<MutualAidBinding> activeOfPair(qint64 authorizerId, qint64 targetId,
                                                 const QDate &on = QDate::currentDate()) const;
    // Every active binding in which the person is authorizer or target.
    QList<MutualAidBinding> activeTouching(qint64 personId, const QDate &on = QDate::currentDate()) const;
    // Bindings still stored as active whose valid_until lies before `day`: the ones to expire.
    QList<qint64> activeEndedBefore(const QDate &day) const;
    static int queueActiveEndedBefore(StatementBatch &batch, const QDate &day);
    static QList<qint64> readIds(const StatementBatch &batch, int index);
    // When the latest ended binding of this pair ended, if any; an expiry (BindingExpiry) is
    // not counted.
    std::optional<QDateTime> lastEndOfPair(qint64 authorizerId, qint64 targetId) const;
    QList<MutualAidBinding> byFiling(qint64 filingId) const;
    std::optional<MutualAidBinding> findById(qint64 bindingId) const;
    // Inserts binding and its proofs; sets binding.id. Call inside a WriteTransaction.
    void insert(MutualAidBinding &binding);
    // The same among other statements sent together, for a binding whose id is reserved already.
    static void queueInsert(StatementBatch &batch, const MutualAidBinding &binding);
    // Ends an active binding; false when it is not active (any more). Call inside a WriteTransaction.
    bool end(qint64 bindingId, const QDateTime &endedAt, const QString &endedBy, EndRequester requestedBy,
             const QString &reason);
    // Sum of the quotas (fen) of the authorizer's bindings active on `on`, leaving out
    // `exceptBindingId` (the binding whose quota is being changed; 0 = none left out).
    qint64 quotaSetAside(qint64 authorizerId, const QDate &on = QDate::currentDate(), qint64 exceptBindingId = 0) const;
    // Sets or clears the quota of an active binding; false when it is not active (any more).
    // Call inside a WriteTransaction.
    bool setQuota(qint64 bindingId, const std::optional<qint64> &quotaFen);
    qint64 countActive() const;
    // Every active binding whose authorizer's pooling region starts with `regionPrefix` ("" = all),
    // streamed so that a national report does not hold a million rows.
    void forEachActiveByAuthorizerRegion(const QString &regionPrefix, const QDate &on,
                                         const std::function<void(const BindingWithPersons &)> &visit) const;

    // For other stores that read bindings: the column list under `alias`, "active on :on" for
    // `alias`, the binding read from a row starting at column `first` (its proofs not read), and
    // how many columns it takes.
    static QString columns(const QString &alias);
    static QString activeOn(const QString &alias);
    // The condition on an ended binding from whose end a cooldown runs (lastEndOfPair).
    static QString endStartingCooldown();
    static MutualAidBinding fromRow(const SqlRow &row, int first);
    static constexpr int columnCount = 15;

private:
    // The id of the pair's binding active on `on`, or 0.
    qint64 activeIdOfPair(qint64 authorizerId, qint64 targetId, const QDate &on) const;
    // `where` names :id; with a valid `on` it also names :on.
    QList<MutualAidBinding> select(const QString &where, qint64 id, const QDate &on) const;
    QString m_connection;
};

} // namespace gongji
