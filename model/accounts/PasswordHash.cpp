#include "model/accounts/PasswordHash.h"

#include <sodium.h>

namespace gongji {

namespace {

PasswordHash::Cost g_cost = PasswordHash::Cost::Interactive;

void limits(unsigned long long *ops, size_t *mem)
{
    switch (g_cost) {
    case PasswordHash::Cost::Moderate:
        *ops = crypto_pwhash_OPSLIMIT_MODERATE;
        *mem = crypto_pwhash_MEMLIMIT_MODERATE;
        return;
    case PasswordHash::Cost::TestOnlyMinimum:
        *ops = crypto_pwhash_OPSLIMIT_MIN;
        *mem = crypto_pwhash_MEMLIMIT_MIN;
        return;
    case PasswordHash::Cost::Interactive:
        break;
    }
    *ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    *mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

bool ready()
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

} // namespace

QString PasswordHash::hash(const QString &password)
{
    if (!ready())
        return {};
    unsigned long long ops = 0;
    size_t mem = 0;
    limits(&ops, &mem);
    QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc
        = crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), ops, mem, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    return rc == 0 ? QString::fromLatin1(out) : QString();
}

bool PasswordHash::verify(const QString &storedHash, const QString &password)
{
    if (!ready() || storedHash.isEmpty())
        return false;
    const QByteArray stored = storedHash.toLatin1();
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(stored.constData(), utf8.constData(), size_t(utf8.size())) == 0;
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    return ok;
}

bool PasswordHash::needsRehash(const QString &storedHash)
{
    if (!ready())
        return false;
    unsigned long long ops = 0;
    size_t mem = 0;
    limits(&ops, &mem);
    return crypto_pwhash_str_needs_rehash(storedHash.toLatin1().constData(), ops, mem) != 0;
}

void PasswordHash::setCost(Cost cost) { g_cost = cost; }

} // namespace gongji
