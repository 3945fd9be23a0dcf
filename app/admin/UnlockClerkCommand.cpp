#include "UnlockClerkCommand.h"

#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/SignIn.h"

namespace gongji {

QString UnlockClerkCommand::summary() const
{
    return QStringLiteral("Lift the lockout of an account after failed sign-ins; needs a supervisor's sign-in.");
}

QString UnlockClerkCommand::description() const
{
    return QStringLiteral("After %1 wrong passwords in a row a login is locked for %2 minutes. unlock-clerk lifts\n"
                          "the lock of LOGIN at once (ask whether the failed attempts were the clerk's own: the\n"
                          "audit log has them). Needs a supervisor's sign-in (the global --clerk LOGIN, see\n"
                          "gongji-admin --help); the change is audited. Exit code 1 when there is no such account,\n"
                          "4 when the sign-in fails; nothing is changed then.")
        .arg(SignIn::maxFailures)
        .arg(SignIn::lockMinutes);
}

int UnlockClerkCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const ClerkAccounts::Result result = ClerkAccounts(context.connection).unlock(context.actor, login(parser));
    return report(context, result, QStringLiteral("Unlocked %1.").arg(login(parser)));
}

} // namespace gongji
