#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace gongji {

// A counter clerk's or supervisor's account.
struct ClerkAccount
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString role;            // "clerk" / "supervisor"
    QString passwordHash;    // Argon2id string (PasswordHash)
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil;   // UTC; invalid when not locked

    bool isSupervisor() const { return role == QLatin1String("supervisor"); }
    // Locked after failed attempts (SignIn's lockout) and not yet free again at `now`.
    bool isLockedAt(const QDateTime &now) const { return lockedUntil.isValid() && lockedUntil > now; }
};

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
