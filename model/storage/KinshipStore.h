#pragma once
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace gongji {

// A kinship-account binding (亲情账户): the holder may show the member's e-voucher. No money moves.
struct KinshipBinding
{
    qint64 id = 0;
    QString number;             // QQ20261122-0001
    qint64 holderId = 0;
    qint64 memberId = 0;
    QString relationship;       // what the member is to the holder
    bool faceVerified = false;
    bool householdRegisterSeen = false;
    QString clerk;
    QString channel;            // "counter" / "batch"
    QString status;             // "active" / "ended"
    QDateTime startedAt;
    QDateTime endedAt;
    QString endedBy;
    QString endRequestedBy;     // "holder" / "member" / "system"
    QString endReason;
};

// The limits of kinship accounts, as data (DOMAIN.md §8).
struct KinshipRule
{
    int maxMembersPerHolder = 5;
    int faceVerificationAge = 16;
};

// Every SQL statement on kinship accounts.
class KinshipStore
{
public:
    explicit KinshipStore(const QString &connection);

    // The rule in force on `date` (the latest that has started); nullopt before any.
    std::optional<KinshipRule> ruleOn(const QDate &date) const;
    std::optional<KinshipBinding> findById(qint64 id) const;
    std::optional<KinshipBinding> findByNumber(const QString &number) const;
    QList<KinshipBinding> activeByHolder(qint64 holderId) const;
    QList<KinshipBinding> activeByMember(qint64 memberId) const;
    bool activePairExists(qint64 holderId, qint64 memberId) const;
    // "QQ" + yyyyMMdd + "-" + 4 digits; call inside the WriteTransaction that inserts it.
    QString nextNumber(const QDate &day) const;
    // Sets binding.id; call inside a WriteTransaction.
    void insert(KinshipBinding &binding);
    // False when not active (any more). Call inside a WriteTransaction.
    bool end(qint64 id, const QDateTime &endedAt, const QString &endedBy, const QString &requestedBy,
             const QString &reason);

private:
    QList<KinshipBinding> select(const QString &where, const QString &placeholder, const QVariant &value) const;
    QString m_connection;
};

} // namespace gongji
