// gongji-admin: the administration command line (registry, batch filings and kinship accounts,
// households, revocation, payment preview, rule sets, demo data).
#include <QGuiApplication>

#include "AdminApp.h"

int main(int argc, char *argv[])
{
    // `print` lays out fonts and writes PDFs, which needs a GUI application; the command line has
    // no window, so the offscreen platform serves unless the caller chose one.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // The desk's names: both programs then find the same default database file.
    QCoreApplication::setApplicationName(QStringLiteral("gongji-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("gongji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GONGJI_VERSION));
    return gongji::AdminApp().run(QCoreApplication::arguments());
}
