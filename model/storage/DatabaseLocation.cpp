#include "model/storage/DatabaseLocation.h"

#include <QCoreApplication>
#include <QUrl>

namespace gongji {

DatabaseLocation DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    const bool server = text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
    if (!server) {
        location.path = text;
        return location;
    }
    location.isServer = true;
    const QUrl url(text, QUrl::StrictMode);
    location.user = url.userName();
    location.password = url.password();
    location.host = url.host();
    location.port = url.port(5432);
    location.databaseName = url.path().mid(1);
    if (!url.isValid() || location.user.isEmpty() || location.host.isEmpty() || location.databaseName.isEmpty()
        || location.databaseName.contains(QLatin1Char('/')))
        location.error = QCoreApplication::translate("DatabaseLocation",
            "%1 is not a database server address. Write it as postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.")
                             .arg(location.displayName());
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (!isServer)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace gongji
