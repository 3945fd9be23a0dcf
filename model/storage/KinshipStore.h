#pragma once
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/KinshipBinding.h"

#include "model/domain/KinshipRule.h"

namespace gongji {

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
    // The active binding in which `holderId` holds `memberId`, if any.
    std::optional<KinshipBinding> activeOfPair(qint64 holderId, qint64 memberId) const;
    // "QQ" + yyyyMMdd + "-" + 4 digits; call inside the WriteTransaction that inserts it.
    QString nextNumber(const QDate &day) const;
    // Sets binding.id; call inside a WriteTransaction.
    void insert(KinshipBinding &binding);
    // False when not active (any more). Call inside a WriteTransaction.
    bool end(qint64 id, const QDateTime &endedAt, const QString &endedBy, EndRequester requestedBy,
             const QString &reason);

private:
    QList<KinshipBinding> select(const QString &where, const QString &placeholder, const QVariant &value) const;
    QString m_connection;
};

} // namespace gongji
