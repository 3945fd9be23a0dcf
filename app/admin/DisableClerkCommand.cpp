#include "DisableClerkCommand.h"

#include "model/accounts/ClerkAccounts.h"

namespace gongji {

QString DisableClerkCommand::summary() const
{
    return QStringLiteral("Disable an account: it can no longer sign in; needs a supervisor's sign-in.");
}

QString DisableClerkCommand::description() const
{
    return QStringLiteral("Disables the account LOGIN: it can no longer sign in, at the desk or here. What it\n"
                          "did stays, under its login; enable-clerk undoes it. Your own account cannot be\n"
                          "disabled (another supervisor does that), so an active supervisor always remains.\n"
                          "Needs a supervisor's sign-in (the global --clerk LOGIN, see gongji-admin --help); the\n"
                          "change is audited. Exit code 1 when there is no such account or it cannot be\n"
                          "disabled, 4 when the sign-in fails; nothing is changed then.");
}

int DisableClerkCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const ClerkAccounts::Result result
        = ClerkAccounts(context.connection).setActive(context.actor, login(parser), false);
    return report(context, result, QStringLiteral("Disabled %1: it can no longer sign in.").arg(login(parser)));
}

} // namespace gongji
