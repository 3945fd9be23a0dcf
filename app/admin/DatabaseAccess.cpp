#include "DatabaseAccess.h"

#include "PasswordInput.h"
#include "model/startup/DatabaseStartup.h"
#include "model/storage/DatabaseLocation.h"

namespace gongji {

DatabaseAccess::DatabaseAccess(const QString &dbPasswordFile, QTextStream &err)
    : m_dbPasswordFile(dbPasswordFile)
    , m_err(err)
{}

Database::OpenResult DatabaseAccess::open(const QString &where, const QString &connection, bool upgradeServerSchema)
{
    Database::Options options;
    options.upgradeServerSchema = upgradeServerSchema;
    const DatabaseLocation location = DatabaseLocation::parse(where);
    if (location.isServer && !m_dbPasswordFile.isEmpty()) {
        PasswordInput::Result password = PasswordInput::fromFile(m_dbPasswordFile);
        if (!password.warning.isEmpty())
            m_err << "gongji-admin: " << password.warning << '\n';
        if (!password.ok) {
            Database::OpenResult refused;
            refused.error = password.error;
            return refused;
        }
        options.password = password.password;
        password.password.fill(QLatin1Char('\0'));
    }
    Database::OpenResult opened = DatabaseStartup::open(where, connection, options);
    if (opened.needsPassword && options.password.isEmpty()) {
        PasswordInput::Result typed = PasswordInput::fromTerminal(
            QStringLiteral("Password of the database role %1 on %2: ").arg(location.user, location.host));
        if (!typed.ok) {
            opened.error
                += QStringLiteral(" ")
                + QStringLiteral(
                       "Put it in a password file (~/.pgpass, see the README) or give --db-password-file FILE.");
            return opened;
        }
        options.password = typed.password;
        typed.password.fill(QLatin1Char('\0'));
        opened = DatabaseStartup::open(where, connection, options);
    }
    options.password.fill(QLatin1Char('\0'));
    if (!opened.warning.isEmpty())
        m_err << "gongji-admin: warning: " << opened.warning << '\n';
    return opened;
}

} // namespace gongji
