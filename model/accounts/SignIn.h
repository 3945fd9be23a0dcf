#pragma once
#include <QDateTime>
#include <QString>

#include "model/storage/ClerkStore.h"

namespace gongji {

// Checks a clerk's login and password. Five failed attempts in a row lock the login for five
// minutes; every attempt, good or bad, is audited (never the password). A hash made with older
// parameters is replaced on success.
class SignIn
{
public:
    struct Result
    {
        bool ok = false;
        ClerkAccount account; // when ok
        QString error; // in the UI language; the same text for unknown login and wrong password
        QDateTime lockedUntil; // set when the login is locked
        // ok, but the password is older than the policy allows: it must be changed before any
        // work (the desk asks for a new one, gongji-admin allows only change-password).
        bool passwordExpired = false;
    };

    static constexpr int maxFailures = 5;
    static constexpr int lockMinutes = 5;

    explicit SignIn(const QString &connection);
    Result signIn(const QString &login, const QString &password,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Counts one more wrong password for `account` (the lockout rule, for every place a password
    // is checked); returns when the login is now locked until, or an invalid time.
    static QDateTime recordFailure(ClerkStore &store, const ClerkAccount &account, const QDateTime &now);

private:
    QString m_connection;
};

} // namespace gongji
