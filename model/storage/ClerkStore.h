#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/ClerkAccount.h"

namespace gongji {

// Every SQL statement on clerk accounts.
class ClerkStore
{
public:
    explicit ClerkStore(const QString &connection);

    std::optional<ClerkAccount> findByLogin(const QString &login) const;
    QList<ClerkAccount> all() const;
    qint64 countSupervisors() const;
    // Sets account.id. Call inside a WriteTransaction.
    void insert(ClerkAccount &account);
    // Failed attempts and lock; call inside a WriteTransaction.
    void setLockState(qint64 id, int failedAttempts, const QDateTime &lockedUntil);
    void setPasswordHash(qint64 id, const QString &hash);
    // Enables or disables the account; call inside a WriteTransaction.
    void setActive(qint64 id, bool active);

private:
    QString m_connection;
};

} // namespace gongji
