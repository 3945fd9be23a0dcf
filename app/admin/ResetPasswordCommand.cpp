#include "ResetPasswordCommand.h"

#include "PasswordInput.h"
#include "model/accounts/ClerkAccounts.h"

namespace gongji {

ResetPasswordCommand::ResetPasswordCommand()
    : m_newPasswordFile(QStringLiteral("new-password-file"),
                        QStringLiteral("Read the new password from the first line of FILE instead of asking twice on "
                                       "the terminal."),
                        QStringLiteral("FILE"))
{}

QString ResetPasswordCommand::summary() const
{
    return QStringLiteral("Give an account a new password (also unlocks it); needs a supervisor's sign-in.");
}

QString ResetPasswordCommand::description() const
{
    return QStringLiteral("Sets a new password for the account LOGIN, e.g. when a clerk forgot theirs, and lifts\n"
                          "a lockout. The new password is read from --new-password-file FILE or asked twice on\n"
                          "the terminal without echo; it needs at least %1 characters. Tell it to the clerk in\n"
                          "person. Needs a supervisor's sign-in (the global --clerk LOGIN and its password, see\n"
                          "gongji-admin --help); the change is audited, never the password. Exit code 1 when\n"
                          "there is no such account or the password is too short, 4 when the sign-in fails;\n"
                          "nothing is changed then.")
        .arg(ClerkAccounts::minimumPasswordLength);
}

void ResetPasswordCommand::addOptions(QCommandLineParser &parser) const
{
    AccountCommand::addOptions(parser);
    parser.addOption(m_newPasswordFile);
}

int ResetPasswordCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    PasswordInput::Result password = PasswordInput::newPassword(parser.value(m_newPasswordFile), login(parser));
    if (!password.warning.isEmpty())
        context.err << password.warning << '\n';
    if (!password.ok) {
        context.err << password.error << '\n';
        return ExitInputRefused;
    }
    const ClerkAccounts::Result result
        = ClerkAccounts(context.connection).resetPassword(context.actor, login(parser), password.password);
    password.password.fill(QLatin1Char('\0'));
    return report(context, result,
                  QStringLiteral("New password set for %1; tell it to them in person.").arg(login(parser)));
}

} // namespace gongji
