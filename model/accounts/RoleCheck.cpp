#include "model/accounts/RoleCheck.h"

#include <QCoreApplication>

#include "model/storage/ClerkStore.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RoleCheck)
};
} // namespace

RoleCheck::RoleCheck(const QString &connection) : m_connection(connection) {}

QString RoleCheck::refusal(const QString &actor, ClerkRole role) const
{
    if (actor.trimmed().isEmpty())
        return refusalOf(actor, std::nullopt, role);
    return refusalOf(actor, ClerkStore(m_connection).findByLogin(actor), role);
}

QString RoleCheck::refusalOf(const QString &actor, const std::optional<ClerkAccount> &account, ClerkRole role)
{
    if (actor.trimmed().isEmpty())
        return Text::tr("Nobody is signed in: sign in with your own login first.");
    if (!account)
        return Text::tr("%1 is not a clerk account of this database: sign in with your own login.").arg(actor);
    if (!account->active)
        return Text::tr("The account %1 is disabled: ask a supervisor.").arg(actor);
    if (role == ClerkRole::Supervisor && !account->isSupervisor())
        return Text::tr("Only a supervisor may do this; %1 is a clerk. Ask a supervisor.").arg(actor);
    return {};
}

} // namespace gongji
