#include "InitCommand.h"

#include "PasswordInput.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/storage/ClerkStore.h"

namespace gongji {

InitCommand::InitCommand()
    : m_supervisor(QStringLiteral("supervisor"), QStringLiteral("The login of the first supervisor."),
                   QStringLiteral("LOGIN"))
    , m_name(QStringLiteral("name"), QStringLiteral("The supervisor's name as shown in the desk (default: the login)."),
             QStringLiteral("NAME"))
{}

QString InitCommand::summary() const
{
    return QStringLiteral("Create the first supervisor of a new database (refused once one exists).");
}

QString InitCommand::description() const
{
    return QStringLiteral("Creates the very first account of the database, a supervisor, who then adds the clerks\n"
                          "(add-clerk). The password is read from the first line of the global --password-file\n"
                          "FILE, or asked twice on the terminal without echo; it needs at least %1 characters.\n"
                          "A login is 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting\n"
                          "with a letter. No sign-in is needed, and none is possible yet.\n\n"
                          "Refused with exit code 1, nothing changed, once the database has a supervisor: further\n"
                          "accounts are added by a supervisor with add-clerk.")
        .arg(ClerkAccounts::minimumPasswordLength);
}

void InitCommand::addOptions(QCommandLineParser &parser) const { parser.addOptions({m_supervisor, m_name}); }

QString InitCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("init takes only options, found \"%1\"; give the login with --supervisor LOGIN.")
            .arg(parser.positionalArguments().join(QLatin1Char(' ')));
    if (parser.value(m_supervisor).trimmed().isEmpty())
        return QStringLiteral("--supervisor LOGIN is missing; init creates the first supervisor under that login.");
    return {};
}

int InitCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString login = parser.value(m_supervisor).trimmed();
    // Asked before the password is typed: nobody types one for nothing.
    if (ClerkStore(context.connection).countSupervisors() > 0) {
        context.err << "This database has a supervisor already; init is only for a new database. A supervisor adds "
                       "further accounts with add-clerk. Nothing was changed.\n";
        return ExitInputRefused;
    }
    PasswordInput::Result password = PasswordInput::newPassword(context.passwordFile, login);
    if (!password.warning.isEmpty())
        context.err << password.warning << '\n';
    if (!password.ok) {
        context.err << password.error << '\n';
        return ExitInputRefused;
    }
    const ClerkAccounts::Result created
        = ClerkAccounts(context.connection).createFirstSupervisor(login, parser.value(m_name), password.password);
    password.password.fill(QLatin1Char('\0'));
    if (!created.ok) {
        context.err << created.error << " Nothing was changed.\n";
        return exitCodeFor(created.failure);
    }
    context.out << "Supervisor " << login << " created. Sign in with --clerk " << login
                << " to add clerks (add-clerk) and to change data.\n";
    return ExitOk;
}

} // namespace gongji
