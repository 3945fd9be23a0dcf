#pragma once
#include <QString>

namespace gongji {

// Where gongji-admin gets a password from: the first line of a file (--password-file), or the
// terminal, typed without echo. Never from the command line itself, where `ps` would show it.
class PasswordInput
{
public:
    struct Result
    {
        bool ok = false;
        QString password;
        QString error; // what is wrong and what to do
        QString warning; // e.g. a password file that others may read; the password is still used
    };

    // The first line of FILE, its line break removed.
    static Result fromFile(const QString &path);
    // Asked on the controlling terminal (/dev/tty) with echo off; refused when there is none.
    static Result fromTerminal(const QString &prompt);
    // From FILE when given, otherwise asked twice on the terminal (the two must match).
    static Result newPassword(const QString &path, const QString &whose);
};

} // namespace gongji
