// gongji-admin: the administration command line (registry, batch filings and kinship accounts,
// households, revocation, payment preview, rule sets, printing, demo data, database copies).
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <memory>
#include <unistd.h>

#include "AdminApp.h"

namespace {

// `print`, `set-quota --pdf` and `report --pdf` lay out fonts and write PDFs, which needs a GUI
// application; every other command stays a plain console program (no platform plugin, no runtime directory).
bool needsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "print") == 0 || qstrncmp(argv[i], "--pdf", 5) == 0)
            return true;
    }
    return false;
}

void prepareHeadlessGui()
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (cron, ssh as root) there is no XDG_RUNTIME_DIR: make the private one Qt
    // would pick itself, so that it does not warn on stderr.
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        const QString dir = QDir::temp().filePath(QStringLiteral("runtime-%1").arg(getuid()));
        if (QDir().mkpath(dir)) {
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        prepareHeadlessGui();
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The desk's names: both programs then find the same default database file and settings.
    QCoreApplication::setApplicationName(QStringLiteral("gongji-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("gongji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GONGJI_VERSION));
    return gongji::AdminApp().run(QCoreApplication::arguments());
}
