#include "model/startup/DatabaseStartup.h"

#include <QCoreApplication>

#include "model/filing/BindingExpiry.h"
#include "model/storage/DatabaseLocation.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};
} // namespace

Database::OpenResult DatabaseStartup::open(const QString &where, const QString &connection,
                                           const Database::Options &options, const QDate &today)
{
    Database::OpenResult result = Database::open(where, connection, options);
    if (!result.ok)
        return result;
    try {
        BindingExpiry(connection).endExpired(today);
    } catch (const StorageError &error) {
        Database::close(connection);
        result.ok = false;
        result.error
            = Text::tr("Cannot prepare %1: %2").arg(DatabaseLocation::parse(where).displayName(), error.userMessage());
    }
    return result;
}

} // namespace gongji
