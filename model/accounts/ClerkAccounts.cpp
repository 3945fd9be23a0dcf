#include "model/accounts/ClerkAccounts.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include "model/accounts/PasswordHash.h"
#include "model/accounts/RoleCheck.h"
#include "model/accounts/SignIn.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/PasswordPolicyStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClerkAccounts)
};
} // namespace

ClerkAccounts::ClerkAccounts(const QString &connection) : m_connection(connection) {}

bool ClerkAccounts::allows(const QString &actor, ClerkRole role) const
{
    return RoleCheck(m_connection).refusal(actor, role).isEmpty();
}

ClerkAccounts::Result ClerkAccounts::createFirstSupervisor(const QString &login, const QString &displayName,
                                                           const QString &password)
{
    return create(login, login, displayName, ClerkRole::Supervisor, password, true);
}

ClerkAccounts::Result ClerkAccounts::add(const QString &actor, const QString &login, const QString &displayName,
                                         ClerkRole role, const QString &password)
{
    return create(actor, login, displayName, role, password, false);
}

ClerkAccounts::Result ClerkAccounts::create(const QString &actor, const QString &login, const QString &displayName,
                                            ClerkRole role, const QString &password, bool first)
{
    Result result;
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!loginPattern.match(login).hasMatch()) {
        return Outcome::failed(
            FailureKind::Input,
            Text::tr(
                "A login is 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter."));
    }
    if (result.failIf(FailureKind::Input, passwordProblem(password)))
        return result;
    try {
        WriteTransaction transaction(m_connection);
        ClerkStore store(m_connection);
        if (first && store.countSupervisors() > 0) {
            result.error
                = Text::tr("A supervisor exists already; further accounts are added by a supervisor (add-clerk).");
            return result;
        }
        if (!first) {
            if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
                return result;
        }
        if (store.findByLogin(login)) {
            return Outcome::failed(FailureKind::Input, Text::tr("The login %1 exists already.").arg(login));
        }
        ClerkAccount account;
        account.login = login;
        account.displayName = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
        account.role = role;
        account.passwordHash = PasswordHash::hash(password);
        if (account.passwordHash.isEmpty()) {
            result.error = Text::tr("The password could not be hashed (out of memory); nothing was stored.");
            return result;
        }
        store.insert(account);
        store.rememberPassword(account.id, account.passwordHash);
        AuditLog(m_connection)
            .append(actor, AuditAction::AccountAdd, login,
                    QJsonObject{{QStringLiteral("role"), ClerkRoles::keyword(role)}});
        transaction.commit();
        return Outcome::done();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

QString ClerkAccounts::passwordProblem(const QString &password) const
{
    try {
        return policy().problem(password);
    } catch (const StorageError &error) {
        return error.userMessage();
    }
}

PasswordPolicy ClerkAccounts::policy() const { return PasswordPolicyStore(m_connection).current(); }

QString ClerkAccounts::reuseProblem(const ClerkStore &store, const ClerkAccount &account, const QString &password,
                                    const PasswordPolicy &policy)
{
    // The history holds the current password too once it was set under this policy's schema;
    // one set before has only its hash in the account.
    QStringList hashes
        = policy.historyCount > 0 ? store.recentPasswordHashes(account.id, policy.historyCount) : QStringList();
    if (!hashes.contains(account.passwordHash))
        hashes.prepend(account.passwordHash);
    for (const QString &hash : std::as_const(hashes)) {
        if (!PasswordHash::verify(hash, password))
            continue;
        if (policy.historyCount > 1)
            return Text::tr("This password was one of the last %1 of the account: choose another.")
                .arg(policy.historyCount);
        return Text::tr("The new password is the same as the current one: choose another.");
    }
    return {};
}

void ClerkAccounts::storeNewPassword(ClerkStore &store, qint64 id, const QString &hash)
{
    store.replacePassword(id, hash);
    store.rememberPassword(id, hash);
}

ClerkAccounts::Result ClerkAccounts::setPolicy(const QString &actor, const PasswordPolicy &policy)
{
    Result result;
    if (result.failIf(FailureKind::Input, policy.invalidity()))
        return result;
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result;
        PasswordPolicyStore(m_connection).insert(policy, actor);
        AuditLog(m_connection)
            .append(actor, AuditAction::PasswordPolicySet, QString(),
                    QJsonObject{{QStringLiteral("min_length"), policy.minLength},
                                {QStringLiteral("min_classes"), policy.minClasses},
                                {QStringLiteral("max_age_days"), policy.maxAgeDays},
                                {QStringLiteral("history_count"), policy.historyCount}});
        transaction.commit();
        return Outcome::done();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

ClerkAccounts::Result
ClerkAccounts::changeAccount(const QString &actor, const QString &login, AuditAction action,
                             const std::function<QString(ClerkStore &, const ClerkAccount &)> &change)
{
    Result result;
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result;
        ClerkStore store(m_connection);
        const std::optional<ClerkAccount> account = store.findByLogin(login.trimmed());
        if (!account) {
            return Outcome::failed(
                FailureKind::Input,
                Text::tr("There is no account %1: check the login in the list of accounts.").arg(login.trimmed()));
        }
        if (result.failIf(FailureKind::Input, change(store, *account)))
            return result;
        AuditLog(m_connection)
            .append(actor, action, account->login,
                    QJsonObject{{QStringLiteral("role"), ClerkRoles::keyword(account->role)}});
        transaction.commit();
        return Outcome::done();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

ClerkAccounts::Result ClerkAccounts::setActive(const QString &actor, const QString &login, bool active)
{
    return changeAccount(actor, login, active ? AuditAction::AccountEnable : AuditAction::AccountDisable,
                         [&](ClerkStore &store, const ClerkAccount &account) -> QString {
                             if (account.active == active)
                                 return active ? Text::tr("The account %1 is enabled already.").arg(account.login)
                                               : Text::tr("The account %1 is disabled already.").arg(account.login);
                             // So the last active supervisor always stays: only another one could disable it.
                             if (!active && account.login == actor)
                                 return Text::tr("You cannot disable your own account: another supervisor can.");
                             store.setActive(account.id, active);
                             return {};
                         });
}

ClerkAccounts::Result ClerkAccounts::resetPassword(const QString &actor, const QString &login,
                                                   const QString &newPassword)
{
    if (Result problem; problem.failIf(FailureKind::Input, passwordProblem(newPassword)))
        return problem;
    return changeAccount(actor, login, AuditAction::AccountResetPassword,
                         [&](ClerkStore &store, const ClerkAccount &account) -> QString {
                             const QString reused = reuseProblem(store, account, newPassword, policy());
                             if (!reused.isEmpty())
                                 return reused;
                             const QString hash = PasswordHash::hash(newPassword);
                             if (hash.isEmpty())
                                 return Text::tr(
                                     "The password could not be hashed (out of memory); nothing was stored.");
                             storeNewPassword(store, account.id, hash);
                             store.setLockState(account.id, 0, QDateTime());
                             return {};
                         });
}

ClerkAccounts::Result ClerkAccounts::unlock(const QString &actor, const QString &login)
{
    return changeAccount(actor, login, AuditAction::AccountUnlock,
                         [&](ClerkStore &store, const ClerkAccount &account) -> QString {
                             if (account.failedAttempts == 0 && !account.lockedUntil.isValid())
                                 return Text::tr("The account %1 is not locked.").arg(account.login);
                             store.setLockState(account.id, 0, QDateTime());
                             return {};
                         });
}

ClerkAccounts::Result ClerkAccounts::changeOwnPassword(const QString &login, const QString &oldPassword,
                                                       const QString &newPassword)
{
    Result result;
    if (result.failIf(FailureKind::Input, passwordProblem(newPassword)))
        return result;
    if (newPassword == oldPassword) {
        return Outcome::failed(FailureKind::Input,
                               Text::tr("The new password is the same as the current one: choose another."));
    }
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(login.trimmed(), ClerkRole::Clerk)))
            return result;
        ClerkStore store(m_connection);
        const std::optional<ClerkAccount> account = store.findByLogin(login.trimmed());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (account && account->isLockedAt(now)) {
            result.error
                = Text::tr("This login is locked after failed attempts until %1; the password was not changed.")
                      .arg(account->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
            return result;
        }
        if (!account || !PasswordHash::verify(account->passwordHash, oldPassword)) {
            // Counts like a failed sign-in, so that this is no way around the lockout.
            if (account) {
                SignIn::recordFailure(store, *account, now);
                AuditLog(m_connection)
                    .append(account->login, AuditAction::PasswordChangeFailed, account->login,
                            QJsonObject{{QStringLiteral("why"), QStringLiteral("wrong password")}});
                transaction.commit();
            }
            result.error = Text::tr("The current password is wrong; the password was not changed.");
            return result;
        }
        if (result.failIf(FailureKind::Input, reuseProblem(store, *account, newPassword, policy())))
            return result;
        const QString hash = PasswordHash::hash(newPassword);
        if (hash.isEmpty()) {
            result.error = Text::tr("The password could not be hashed (out of memory); nothing was stored.");
            return result;
        }
        storeNewPassword(store, account->id, hash);
        AuditLog(m_connection).append(account->login, AuditAction::PasswordChange, account->login);
        transaction.commit();
        return Outcome::done();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

QList<ClerkAccount> ClerkAccounts::list(const QString &actor, QString *error) const
{
    QList<ClerkAccount> accounts;
    try {
        const QString refusal = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor);
        if (error)
            *error = refusal;
        if (!refusal.isEmpty())
            return accounts;
        accounts = ClerkStore(m_connection).all();
        for (ClerkAccount &account : accounts)
            account.passwordHash.clear(); // nobody above needs it
    } catch (const StorageError &storageError) {
        if (error)
            *error = storageError.userMessage();
        accounts.clear();
    }
    return accounts;
}

} // namespace gongji
