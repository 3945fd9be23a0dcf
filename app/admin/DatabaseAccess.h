#pragma once
#include <QString>
#include <QTextStream>

#include "model/storage/Database.h"

namespace gongji {

// Opens a database for gongji-admin. An office server's password is never taken from the command
// line: it comes from --db-password-file FILE, else from libpq's password file (~/.pgpass,
// PGPASSFILE), else it is asked on the terminal without echo. A password left in the address
// still works, with a warning.
class DatabaseAccess
{
public:
    DatabaseAccess(const QString &dbPasswordFile, QTextStream &err);

    Database::OpenResult open(const QString &where, const QString &connection, bool upgradeServerSchema = false);

private:
    QString m_dbPasswordFile;
    QTextStream &m_err;
};

} // namespace gongji
