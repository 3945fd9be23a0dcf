#include "EnableClerkCommand.h"

#include "model/accounts/ClerkAccounts.h"

namespace gongji {

QString EnableClerkCommand::summary() const
{
    return QStringLiteral("Enable a disabled account again; needs a supervisor's sign-in.");
}

QString EnableClerkCommand::description() const
{
    return QStringLiteral("Enables the disabled account LOGIN again: it may sign in with its password.\n"
                          "Needs a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin --help); the\n"
                          "change is audited. Exit code 1 when there is no such account, 4 when the sign-in\n"
                          "fails; nothing is changed then.");
}

int EnableClerkCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const ClerkAccounts::Result result
        = ClerkAccounts(context.connection).setActive(context.actor, login(parser), true);
    return report(context, result, QStringLiteral("Enabled %1: it may sign in again.").arg(login(parser)));
}

} // namespace gongji
