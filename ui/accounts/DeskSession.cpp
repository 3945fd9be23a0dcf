#include "accounts/DeskSession.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QTimer>
#include <QWindow>
#include <cstdio>

#include "MainWindow.h"
#include "accounts/FirstSupervisorDialog.h"
#include "accounts/SignIn.h"
#include "accounts/SignInDialog.h"
#include "storage/ClerkStore.h"
#include "storage/StorageError.h"

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
} // namespace

DeskSession::DeskSession(const QString &connection, const QString &databasePath)
    : m_connection(connection)
    , m_databasePath(databasePath)
{
}

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
                signedIn = result.ok;
                account = result.account;
                message = result.error;
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
            if (m_exitAfterShow) {
                // tests/bench/bench_startup without --clerk: start-up to the first window a clerk
                // sees, the sign-in dialog; nobody signs in.
                auto *poll = new QTimer(&dialog);
                QObject::connect(poll, &QTimer::timeout, &dialog, [&dialog] {
                    if (dialog.windowHandle() && dialog.windowHandle()->isExposed())
                        dialog.reject();
                });
                poll->start(1);
            }
            if (dialog.exec() != QDialog::Accepted)
                return 0;
            account = dialog.account();
        }
        message.clear();

        MainWindow window(m_connection, m_databasePath, account);
        QObject::connect(&window, &MainWindow::signedOut, qApp, &QCoreApplication::quit);
        window.show();
        if (m_exitAfterShow) {
            // tests/bench/bench_startup times start-up to the first painted main window, then quits.
            auto *poll = new QTimer(&window);
            QObject::connect(poll, &QTimer::timeout, &window, [&window] {
                if (window.windowHandle() && window.windowHandle()->isExposed())
                    QCoreApplication::quit();
            });
            poll->start(1);
        }
        const int status = QApplication::exec();
        if (!window.isSignedOut())
            return status;
        login.clear(); // the next clerk types their own login
    }
}

} // namespace gongji
