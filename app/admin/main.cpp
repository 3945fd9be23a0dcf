// gongji-admin: the administration command line (registry, batch filings and kinship accounts,
// households, revocation, payment preview, rule sets, demo data).
#include <QCoreApplication>

#include "AdminApp.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The desk's names: both programs then find the same default database file.
    QCoreApplication::setApplicationName(QStringLiteral("gongji-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("gongji"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GONGJI_VERSION));
    return gongji::AdminApp().run(QCoreApplication::arguments());
}
