#include "ui/accounts/DeskSession.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QTimer>
#include <QWindow>
#include <cstdio>
#include <functional>

#include "ui/MainWindow.h"
#include "ui/accounts/FirstSupervisorDialog.h"
#include "model/accounts/SignIn.h"
#include "ui/accounts/SignInDialog.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(gongji::DeskSession)
};

// The first line of the file, without its line break; a null string when it cannot be read.
QString readPassword(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("Cannot read the password file %1: %2").arg(path, file.errorString());
        return QString();
    }
    QString line = QString::fromUtf8(file.readLine());
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}
// tests/bench/bench_startup: once `window` is painted, `then` ends the run (the main window
// quits the event loop; the sign-in dialog is rejected).
void whenExposed(QWidget *window, const std::function<void()> &then)
{
    auto *poll = new QTimer(window);
    QObject::connect(poll, &QTimer::timeout, window, [window, then] {
        if (window->windowHandle() && window->windowHandle()->isExposed())
            then();
    });
    poll->start(1);
}

} // namespace

DeskSession::DeskSession(const QString &connection, const QString &databasePath)
    : m_connection(connection)
    , m_databasePath(databasePath)
{}

void DeskSession::setAutomaticSignIn(const QString &login, const QString &passwordFile)
{
    m_login = login.trimmed();
    m_passwordFile = passwordFile;
}

int DeskSession::run()
{
    QString login = m_login;
    QString message;
    bool noAccounts = false;
    try {
        noAccounts = ClerkStore(m_connection).all().isEmpty();
    } catch (const StorageError &error) {
        QMessageBox::critical(nullptr, Text::tr("Database error"), error.userMessage());
        return 1;
    }
    if (noAccounts) {
        if (!m_passwordFile.isEmpty()) {
            fprintf(stderr, "gongji-desk: %s\n",
                    qPrintable(Text::tr("The database has no accounts yet: start without --clerk and "
                                        "--password-file to create the first supervisor.")));
            return 1;
        }
        FirstSupervisorDialog first(m_connection);
        if (first.exec() != QDialog::Accepted)
            return 0;
        login = first.login();
    }

    bool automatic = !m_login.isEmpty() && !m_passwordFile.isEmpty();
    for (;;) {
        ClerkAccount account;
        bool signedIn = false;
        if (automatic) {
            automatic = false;
            const QString password = readPassword(m_passwordFile, &message);
            if (!password.isNull()) {
                const SignIn::Result result = SignIn(m_connection).signIn(m_login, password);
                // An expired password is changed in the sign-in dialog, never from a file.
                signedIn = result.ok && !result.passwordExpired;
                account = result.account;
                message = result.passwordExpired
                    ? Text::tr("The password of %1 has expired: sign in here and choose a new one.").arg(m_login)
                    : result.error;
            }
            if (!signedIn) {
                fprintf(stderr, "gongji-desk: %s\n", qPrintable(message));
                if (m_exitAfterShow)
                    return 1; // a benchmark has nobody to type the password
            }
        }
        if (!signedIn) {
            SignInDialog dialog(m_connection);
            dialog.setLogin(login);
            dialog.showError(message);
            if (m_exitAfterShow) // without --clerk: start-up to the first window a clerk sees
                whenExposed(&dialog, [&dialog] { dialog.reject(); });
            if (dialog.exec() != QDialog::Accepted)
                return 0;
            account = dialog.account();
        }
        message.clear();

        MainWindow window(m_connection, m_databasePath, account);
        QObject::connect(&window, &MainWindow::signedOut, qApp, &QCoreApplication::quit);
        window.show();
        // The sign-in dialog just closed: without this a window manager may leave the keyboard
        // with nothing, and the clerk's first card read would be lost.
        window.raise();
        window.activateWindow();
        if (m_exitAfterShow) // start-up to the first painted main window, after the sign-in
            whenExposed(&window, [] { QCoreApplication::quit(); });
        const int status = QApplication::exec();
        if (!window.isSignedOut())
            return status;
        login.clear(); // the next clerk types their own login
    }
}

} // namespace gongji
