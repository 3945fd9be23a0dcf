#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/domain/ClerkAccount.h"

namespace gongji {

class StatementBatch;

// Every SQL statement on clerk accounts.
class ClerkStore
{
public:
    explicit ClerkStore(const QString &connection);

    std::optional<ClerkAccount> findByLogin(const QString &login) const;
    // findByLogin among other reads sent together: added to `batch`, then read after it ran.
    static int queueFindByLogin(StatementBatch &batch, const QString &login);
    static std::optional<ClerkAccount> readAccount(const StatementBatch &batch, int index);
    QList<ClerkAccount> all() const;
    qint64 countSupervisors() const;
    // Sets account.id. Call inside a WriteTransaction.
    void insert(ClerkAccount &account);
    // Failed attempts and lock; call inside a WriteTransaction.
    void setLockState(qint64 id, int failedAttempts, const QDateTime &lockedUntil);
    // The same password hashed again (newer parameters): its age does not change.
    void setPasswordHash(qint64 id, const QString &hash);
    // A new password: its age starts now. Call inside a WriteTransaction, with rememberPassword.
    void replacePassword(qint64 id, const QString &hash);
    // Keeps the hash of a password just set, for the policy's "not one of the last N".
    void rememberPassword(qint64 id, const QString &hash);
    // The hashes of the account's last `count` passwords, newest first (the current one included).
    QStringList recentPasswordHashes(qint64 id, int count) const;
    // Enables or disables the account; call inside a WriteTransaction.
    void setActive(qint64 id, bool active);

private:
    QString m_connection;
};

} // namespace gongji
