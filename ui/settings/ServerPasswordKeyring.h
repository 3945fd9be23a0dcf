#pragma once
#include <QString>

namespace gongji {

// The office server's password in the system keyring (Secret Service, KWallet) through
// QtKeychain, keyed by the server address without password. Built without QtKeychain (or with
// no keyring running) it keeps nothing and the desk asks at every start.
class ServerPasswordKeyring
{
public:
    static bool isAvailable();
    // Empty when nothing is kept or the keyring cannot be reached.
    static QString read(const QString &address);
    // False when the keyring cannot be reached (the password is then simply not kept).
    static bool write(const QString &address, const QString &password);
    static void forget(const QString &address);
};

} // namespace gongji
