#pragma once
#include <QString>
#include <optional>

namespace gongji {

// What an account may do. A clerk files, revokes, binds kinship accounts, prints and reveals ID
// numbers; a supervisor may do all of that and manages accounts, rule sets, the registry and the
// audit log (docs/domain.md, "Accounts and roles").
enum class ClerkRole { Clerk, Supervisor };

// The one conversion between ClerkRole and its texts.
class ClerkRoles
{
public:
    // "clerk" / "supervisor": the database column, the CLI's --role, the audit log.
    static QString keyword(ClerkRole role);
    static std::optional<ClerkRole> fromKeyword(const QString &keyword);
    // For people, in the UI language.
    static QString label(ClerkRole role);
};

} // namespace gongji
