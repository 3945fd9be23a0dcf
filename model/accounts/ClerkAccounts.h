#pragma once
#include <QList>
#include <QString>
#include <functional>

#include "model/domain/AuditAction.h"
#include "model/domain/Outcome.h"
#include "model/domain/PasswordPolicy.h"
#include "model/storage/ClerkStore.h"

namespace gongji {

// Creating and changing accounts: the first supervisor (only while there is none), then clerks and
// further supervisors by a supervisor, who also disables, enables, unlocks and resets them; every
// account changes its own password. The role is checked here, in the model, not by hiding buttons;
// each change is one transaction with its audit entry (never a password or a hash).
class ClerkAccounts
{
public:
    // Input: the login, the password or the account's state does not allow it; NotAllowed: the
    // actor's role (or a disabled, unknown actor); Storage: nothing was written.
    using Result = Outcome;

    explicit ClerkAccounts(const QString &connection);

    Result createFirstSupervisor(const QString &login, const QString &displayName, const QString &password);
    // `actor` must be an active supervisor's login.
    Result add(const QString &actor, const QString &login, const QString &displayName, ClerkRole role,
               const QString &password);
    // Supervisor only. A disabled account cannot sign in; its records stay. Refused for the actor's
    // own account (another supervisor does that), so the last active supervisor always stays.
    Result setActive(const QString &actor, const QString &login, bool active);
    // Supervisor only: a new password (told to the clerk in person); also lifts a lockout.
    Result resetPassword(const QString &actor, const QString &login, const QString &newPassword);
    // Supervisor only: lifts a lockout after failed sign-ins.
    Result unlock(const QString &actor, const QString &login);
    // Any active account, knowing its current password.
    Result changeOwnPassword(const QString &login, const QString &oldPassword, const QString &newPassword);
    // Supervisor only: every account by login, without password hashes. Empty and `error` set
    // (when given) if refused.
    QList<ClerkAccount> list(const QString &actor, QString *error = nullptr) const;

    // Supervisor only: a new password policy for every account (PasswordPolicy), audited.
    Result setPolicy(const QString &actor, const PasswordPolicy &policy);
    // The policy in force.
    PasswordPolicy policy() const;

    // Whether `actor` may do what needs `role` (Clerk: any active account; Supervisor).
    bool allows(const QString &actor, ClerkRole role) const;

    // No policy accepts fewer characters.
    static constexpr int minimumPasswordLength = PasswordPolicy::lowestMinLength;

private:
    // Runs `change` on the account `login` inside one transaction after the supervisor check and
    // audits `action`; `change` returns an error (nothing is written then) or empty.
    Result changeAccount(const QString &actor, const QString &login, AuditAction action,
                         const std::function<QString(ClerkStore &, const ClerkAccount &)> &change);
    QString passwordProblem(const QString &password) const;
    // Why `password` may not be the account's new one: one of its last passwords (the policy's
    // history, the current one included). Verifies against each kept hash.
    static QString reuseProblem(const ClerkStore &store, const ClerkAccount &account, const QString &password,
                                const PasswordPolicy &policy);
    // Sets `hash` as the account's new password and keeps it in the history.
    static void storeNewPassword(ClerkStore &store, qint64 id, const QString &hash);
    Result create(const QString &actor, const QString &login, const QString &displayName, ClerkRole role,
                  const QString &password, bool first);
    QString m_connection;
};

} // namespace gongji
