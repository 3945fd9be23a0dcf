#pragma once
#include <QString>

namespace gongji {

// gongji-desk from the open database to quit: the first supervisor on a database without any
// account, the sign-in, the main window for the signed-in clerk, and after a sign-out the
// sign-in again for the next clerk (Quit there ends the program). The benchmark hook
// GONGJI_EXIT_AFTER_SHOW quits once the main window is on screen.
class DeskSession
{
public:
    DeskSession(const QString &connection, const QString &databasePath);

    // --clerk LOGIN [--password-file FILE]: signs in without typing (still through SignIn,
    // audited). Without a file the sign-in dialog starts with the login filled in.
    void setAutomaticSignIn(const QString &login, const QString &passwordFile);
    void setExitAfterShow(bool exit) { m_exitAfterShow = exit; }

    // The program's exit status.
    int run();

private:
    QString m_connection;
    QString m_databasePath;
    QString m_login;
    QString m_passwordFile;
    bool m_exitAfterShow = false;
};

} // namespace gongji
