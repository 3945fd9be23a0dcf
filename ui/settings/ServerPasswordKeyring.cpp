#include "ui/settings/ServerPasswordKeyring.h"

#ifdef GONGJI_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <qt6keychain/keychain.h>
#endif

namespace gongji {

#ifdef GONGJI_HAVE_QTKEYCHAIN
bool ServerPasswordKeyring::isAvailable()
{
    // The keyrings of a Linux desktop (Secret Service, KWallet) are reached over the session bus.
    return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
}

namespace {

const QString kService = QStringLiteral("gongji-desk office database");

// QtKeychain works asynchronously; at start the desk has nothing else to do but wait.
bool finish(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plain-text file instead
    if (!ServerPasswordKeyring::isAvailable())
        return false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}

} // namespace

QString ServerPasswordKeyring::read(const QString &address)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(address);
    return finish(job) ? job.textData() : QString();
}

bool ServerPasswordKeyring::write(const QString &address, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(address);
    job.setTextData(password);
    return finish(job);
}

void ServerPasswordKeyring::forget(const QString &address)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(address);
    finish(job);
}
#else
bool ServerPasswordKeyring::isAvailable() { return false; }

QString ServerPasswordKeyring::read(const QString &) { return QString(); }

bool ServerPasswordKeyring::write(const QString &, const QString &) { return false; }

void ServerPasswordKeyring::forget(const QString &) {}
#endif

} // namespace gongji
