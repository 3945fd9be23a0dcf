#pragma once
#include <QString>

#include <optional>

#include "model/domain/ClerkAccount.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// Whether an actor may do what needs a role: every mutation asks this inside its own
// transaction, so that hiding a button in the GUI or an option in the CLI is never the only
// guard. Roles are ClerkRole::Clerk (filings, revocations, kinship, printing, revealing an ID number) and
// ClerkRole::Supervisor (all of that plus accounts, rule sets, registry import and the audit log).
class RoleCheck
{
public:
    explicit RoleCheck(const QString &connection);

    // Empty when `actor` is an active account with `role`, or a supervisor; otherwise why not,
    // in the UI language, saying what to do.
    QString refusal(const QString &actor, ClerkRole role) const;
    // The same for an account already read (none: not an account of this database).
    static QString refusalOf(const QString &actor, const std::optional<ClerkAccount> &account, ClerkRole role);

private:
    QString m_connection;
};

} // namespace gongji
