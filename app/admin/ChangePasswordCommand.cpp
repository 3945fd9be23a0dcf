#include "ChangePasswordCommand.h"

#include "CommandSignIn.h"
#include "PasswordInput.h"
#include "model/accounts/ClerkAccounts.h"

namespace gongji {

ChangePasswordCommand::ChangePasswordCommand()
    : m_newPasswordFile(QStringLiteral("new-password-file"),
                        QStringLiteral("Read the new password from the first line of FILE instead of asking twice on "
                                       "the terminal."),
                        QStringLiteral("FILE"))
{}

QString ChangePasswordCommand::summary() const
{
    return QStringLiteral("Change your own password (the account given with --clerk).");
}

QString ChangePasswordCommand::description() const
{
    return QStringLiteral("Changes the password of the account given with the global --clerk LOGIN, which signs\n"
                          "in with its current password (--password-file FILE or the terminal, see gongji-admin\n"
                          "--help). The new password is read from --new-password-file FILE or asked twice on the\n"
                          "terminal without echo; it needs at least %1 characters and must differ from the\n"
                          "current one. The change is audited, never the password. A forgotten password is reset\n"
                          "by a supervisor (reset-password).\n"
                          "Exit code 4 when the sign-in fails, 1 when the new password is refused; nothing is\n"
                          "changed then.")
        .arg(ClerkAccounts::minimumPasswordLength);
}

void ChangePasswordCommand::addOptions(QCommandLineParser &parser) const { parser.addOption(m_newPasswordFile); }

QString ChangePasswordCommand::checkUsage(const QCommandLineParser &parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("change-password takes no LOGIN: it changes the password of --clerk LOGIN. A "
                              "supervisor sets another account's password with reset-password.");
    return {};
}

int ChangePasswordCommand::run(const QCommandLineParser &parser, const AdminContext &context)
{
    QString current;
    const CommandSignIn::Outcome signedIn = CommandSignIn::check(
        context.connection, name(), context.clerk, context.passwordFile, ClerkRole::Clerk, context.err, &current);
    if (signedIn.status != ExitOk)
        return signedIn.status;
    PasswordInput::Result fresh = PasswordInput::newPassword(parser.value(m_newPasswordFile), signedIn.login);
    if (!fresh.warning.isEmpty())
        context.err << fresh.warning << '\n';
    if (!fresh.ok) {
        current.fill(QLatin1Char('\0'));
        context.err << fresh.error << '\n';
        return ExitInputRefused;
    }
    const ClerkAccounts::Result changed
        = ClerkAccounts(context.connection).changeOwnPassword(signedIn.login, current, fresh.password);
    current.fill(QLatin1Char('\0'));
    fresh.password.fill(QLatin1Char('\0'));
    if (!changed.ok) {
        context.err << changed.error << " Nothing was changed.\n";
        return exitCodeFor(changed.failure);
    }
    context.out << "Password changed for " << signedIn.login << ".\n";
    return ExitOk;
}

} // namespace gongji
