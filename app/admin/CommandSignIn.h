#pragma once
#include <QString>
#include <QTextStream>

#include "model/domain/ClerkRole.h"

namespace gongji {

// The sign-in a changing gongji-admin command needs: --clerk LOGIN and the password (from
// --password-file or asked on the terminal), checked by SignIn (audited; five failures lock the
// login), then the role the command needs (RoleCheck). On refusal the reason is written to `err`
// and nothing else happens; the model checks the role again inside its own transaction.
class CommandSignIn
{
public:
    struct Outcome
    {
        int status = 0; // ExitOk, or ExitSignIn when refused (the message is written)
        QString login; // the signed-in account, the actor of the command
    };

    // `password`, when given, receives the password that signed in (change-password needs it again).
    static Outcome check(const QString &connection, const QString &command, const QString &login,
                         const QString &passwordFile, ClerkRole role, QTextStream &err, QString *password = nullptr);
};

} // namespace gongji
