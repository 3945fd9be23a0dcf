#include "CommandSignIn.h"

#include "AdminCommand.h"
#include "PasswordInput.h"
#include "model/accounts/RoleCheck.h"
#include "model/accounts/SignIn.h"
#include "model/storage/ClerkStore.h"

namespace gongji {

namespace {
const QString nothingChanged = QStringLiteral(" Nothing was changed.");
} // namespace

CommandSignIn::Outcome CommandSignIn::check(const QString &connection, const QString &command, const QString &login,
                                            const QString &passwordFile, ClerkRole role, QTextStream &err,
                                            QString *verified)
{
    Outcome outcome;
    outcome.status = ExitSignIn;
    const QString prefix = QStringLiteral("gongji-admin ") + command + QStringLiteral(": ");
    if (login.trimmed().isEmpty()) {
        err << prefix << command << " changes data and needs "
            << (role == ClerkRole::Supervisor ? "a supervisor's sign-in" : "a sign-in")
            << ": give --clerk LOGIN, your account, and the password on the terminal or with --password-file FILE."
            << nothingChanged << '\n';
        return outcome;
    }
    if (ClerkStore(connection).all().isEmpty()) {
        err << prefix
            << "this database has no accounts yet, so nobody can sign in. Create the first supervisor with "
               "gongji-admin --db PATH init --supervisor LOGIN."
            << nothingChanged << '\n';
        return outcome;
    }
    PasswordInput::Result password = passwordFile.isEmpty()
        ? PasswordInput::fromTerminal(QStringLiteral("Password for %1: ").arg(login.trimmed()))
        : PasswordInput::fromFile(passwordFile);
    if (!password.warning.isEmpty())
        err << prefix << password.warning << '\n';
    if (!password.ok) {
        err << prefix << password.error
            << (password.error.endsWith(QLatin1String("nothing was changed.")) ? QString() : nothingChanged) << '\n';
        return outcome;
    }
    const SignIn::Result signedIn = SignIn(connection).signIn(login.trimmed(), password.password);
    if (signedIn.ok && verified)
        *verified = password.password;
    password.password.fill(QLatin1Char('\0'));
    if (!signedIn.ok) {
        err << prefix << "sign-in as " << login.trimmed() << " refused: " << signedIn.error << nothingChanged << '\n';
        return outcome;
    }
    // An expired password allows one thing: changing it.
    if (signedIn.passwordExpired && command != QLatin1String("change-password")) {
        err << prefix << "the password of " << signedIn.account.login << " is older than the password policy allows; "
            << "change it first: gongji-admin --clerk " << signedIn.account.login << " change-password."
            << nothingChanged << '\n';
        return outcome;
    }
    const QString refusal = RoleCheck(connection).refusal(signedIn.account.login, role);
    if (!refusal.isEmpty()) {
        err << prefix << refusal << nothingChanged << '\n';
        return outcome;
    }
    outcome.status = ExitOk;
    outcome.login = signedIn.account.login;
    return outcome;
}

} // namespace gongji
