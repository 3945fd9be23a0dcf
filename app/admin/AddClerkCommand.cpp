#include "AddClerkCommand.h"

#include "PasswordInput.h"
#include "model/accounts/ClerkAccounts.h"

namespace gongji {

AddClerkCommand::AddClerkCommand()
    : m_role(QStringLiteral("role"), QStringLiteral("clerk (default) or supervisor."), QStringLiteral("ROLE"),
             QStringLiteral("clerk"))
    , m_name(QStringLiteral("name"), QStringLiteral("The name shown in the desk (default: the login)."),
             QStringLiteral("NAME"))
    , m_newPasswordFile(QStringLiteral("new-password-file"),
                        QStringLiteral("Read the new account's password from the first line of FILE instead of "
                                       "asking twice on the terminal."),
                        QStringLiteral("FILE"))
{}

QString AddClerkCommand::usage() const
{
    return QStringLiteral("LOGIN [--role clerk|supervisor] [--name NAME] [--new-password-file FILE]");
}

QString AddClerkCommand::summary() const
{
    return QStringLiteral("Add an account (clerk or supervisor); needs a supervisor's sign-in.");
}

QString AddClerkCommand::description() const
{
    return QStringLiteral("Adds the account LOGIN with the role clerk (filings, revocations, kinship accounts,\n"
                          "printing) or supervisor (all of that, plus accounts, rule sets, registry import,\n"
                          "restore). Needs a supervisor's sign-in (the global --clerk LOGIN and its password,\n"
                          "see gongji-admin --help); the audit log names who added the account.\n"
                          "The new account's password is read from --new-password-file FILE or asked twice on\n"
                          "the terminal without echo; it needs at least %1 characters. Tell it to the clerk in\n"
                          "person. A login is 2 to 32 lower-case letters, digits, dots, dashes or underscores,\n"
                          "starting with a letter.\n"
                          "Exit code 1 when the login is taken or not valid, the role unknown or the password too\n"
                          "short; 4 when the sign-in fails or is not a supervisor's. Nothing is changed then.")
        .arg(ClerkAccounts::minimumPasswordLength);
}

void AddClerkCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({m_role, m_name, m_newPasswordFile});
    parser.addPositionalArgument(QStringLiteral("LOGIN"), QStringLiteral("The new account's login."));
}

QString AddClerkCommand::checkUsage(const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1)
        return QStringLiteral("give exactly one LOGIN, the new account's, found %1 arguments.").arg(arguments.size());
    if (!ClerkRoles::fromKeyword(parser.value(m_role)))
        return QStringLiteral("--role is clerk or supervisor, found \"%1\".").arg(parser.value(m_role));
    if (parser.isSet(m_newPasswordFile) && parser.value(m_newPasswordFile).isEmpty())
        return QStringLiteral("--new-password-file needs a FILE.");
    return {};
}

int AddClerkCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    const QString login = parser.positionalArguments().constFirst().trimmed();
    PasswordInput::Result password = PasswordInput::newPassword(parser.value(m_newPasswordFile), login);
    if (!password.warning.isEmpty())
        context.err << password.warning << '\n';
    if (!password.ok) {
        context.err << password.error << '\n';
        return ExitInputRefused;
    }
    const ClerkRole role = ClerkRoles::fromKeyword(parser.value(m_role)).value_or(ClerkRole::Clerk);
    const ClerkAccounts::Result added
        = ClerkAccounts(context.connection).add(context.actor, login, parser.value(m_name), role, password.password);
    password.password.fill(QLatin1Char('\0'));
    if (!added.ok) {
        context.err << added.error << " Nothing was changed.\n";
        return exitCodeFor(added.failure);
    }
    context.out << "Added " << ClerkRoles::keyword(role) << ' ' << login << ".\n";
    return ExitOk;
}

} // namespace gongji
