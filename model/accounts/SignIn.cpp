#include "model/accounts/SignIn.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/PasswordHash.h"
#include "model/storage/AuditLog.h"
#include "model/storage/PasswordPolicyStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SignIn)
};
} // namespace

SignIn::SignIn(const QString &connection) : m_connection(connection) {}

QDateTime SignIn::recordFailure(ClerkStore &store, const ClerkAccount &account, const QDateTime &now)
{
    const int failures = account.failedAttempts + 1;
    const QDateTime lock = failures >= maxFailures ? now.addSecs(lockMinutes * 60) : QDateTime();
    store.setLockState(account.id, failures >= maxFailures ? 0 : failures, lock);
    return lock;
}

SignIn::Result SignIn::signIn(const QString &login, const QString &password, const QDateTime &now)
{
    Result result;
    try {
        WriteTransaction transaction(m_connection);
        ClerkStore store(m_connection);
        AuditLog audit(m_connection);
        const std::optional<ClerkAccount> account = store.findByLogin(login.trimmed());
        const auto fail = [&](const QString &why, const QString &message) {
            audit.append(login.trimmed(), AuditAction::SignInFailed, login.trimmed(),
                         QJsonObject{{QStringLiteral("why"), why}});
            transaction.commit();
            result.error = message;
            return result;
        };
        // One message for an unknown login and a wrong password: the screen tells nobody which logins exist.
        const QString wrong = Text::tr("Login or password is wrong.");
        if (!account || !account->active)
            return fail(account ? QStringLiteral("inactive") : QStringLiteral("unknown login"), wrong);
        if (account->isLockedAt(now)) {
            result.lockedUntil = account->lockedUntil;
            return fail(
                QStringLiteral("locked"),
                Text::tr("This login is locked after %1 failed attempts until %2. Ask a supervisor if it was not you.")
                    .arg(maxFailures)
                    .arg(account->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"))));
        }
        if (!PasswordHash::verify(account->passwordHash, password)) {
            const QDateTime lock = recordFailure(store, *account, now);
            result.lockedUntil = lock;
            return fail(
                QStringLiteral("wrong password"),
                lock.isValid()
                    ? Text::tr("Login or password is wrong. The login is now locked for %1 minutes.").arg(lockMinutes)
                    : wrong);
        }
        store.setLockState(account->id, 0, QDateTime());
        if (PasswordHash::needsRehash(account->passwordHash)) {
            const QString fresh = PasswordHash::hash(password);
            if (!fresh.isEmpty())
                store.setPasswordHash(account->id, fresh);
        }
        result.passwordExpired = PasswordPolicyStore(m_connection).current().isExpired(account->passwordChangedAt, now);
        QJsonObject detail{{QStringLiteral("role"), ClerkRoles::keyword(account->role)}};
        if (result.passwordExpired)
            detail.insert(QStringLiteral("password_expired"), true);
        audit.append(account->login, AuditAction::SignIn, account->login, detail);
        transaction.commit();
        result.ok = true;
        result.account = *account;
        result.account.passwordHash.clear(); // nobody above needs it
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    return result;
}

} // namespace gongji
