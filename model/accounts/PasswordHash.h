#pragma once
#include <QByteArray>
#include <QString>

namespace gongji {

// Argon2id password hashes through libsodium (crypto_pwhash_str): the stored string carries its
// own salt and parameters, so verification never needs anything else, and a hash made with older
// parameters is recognised and replaced at the next successful sign-in.
class PasswordHash
{
public:
    enum class Cost { Interactive, Moderate, TestOnlyMinimum };

    // Empty on failure (out of memory).
    static QString hash(const QString &password);
    static bool verify(const QString &storedHash, const QString &password);
    static bool needsRehash(const QString &storedHash);

    // Interactive by default. Tests lower it so that hundreds of accounts stay fast.
    static void setCost(Cost cost);
};

} // namespace gongji
