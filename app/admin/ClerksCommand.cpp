#include "ClerksCommand.h"

#include "model/accounts/ClerkAccounts.h"

namespace gongji {

QString ClerksCommand::summary() const
{
    return QStringLiteral("List the accounts with role and state; needs a supervisor's sign-in.");
}

QString ClerksCommand::description() const
{
    return QStringLiteral("Prints one line per account, ordered by login:\n"
                          "  LOGIN<TAB>ROLE<TAB>STATE<TAB>NAME\n"
                          "ROLE is clerk or supervisor; STATE is active, disabled, or locked until TIME (UTC,\n"
                          "after five wrong passwords). Nothing is changed, but the list of who may sign in is\n"
                          "for supervisors only: needs a supervisor's sign-in (the global --clerk LOGIN, see\n"
                          "gongji-admin --help).");
}

void ClerksCommand::addOptions(QCommandLineParser &) const {}

QString ClerksCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("clerks takes no arguments, found \"%1\".")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    return {};
}

int ClerksCommand::run(const QCommandLineParser &, const AdminContext &context)
{
    QString error;
    const QList<ClerkAccount> accounts = ClerkAccounts(context.connection).list(context.actor, &error);
    if (!error.isEmpty()) {
        context.err << error << '\n';
        return ExitInputRefused;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ClerkAccount &account : accounts) {
        QString state = account.active ? QStringLiteral("active") : QStringLiteral("disabled");
        if (account.active && account.isLockedAt(now))
            state = QStringLiteral("locked until ") + account.lockedUntil.toUTC().toString(Qt::ISODate);
        context.out << account.login << '\t' << ClerkRoles::keyword(account.role) << '\t' << state << '\t'
                    << account.displayName << '\n';
    }
    return ExitOk;
}

} // namespace gongji
