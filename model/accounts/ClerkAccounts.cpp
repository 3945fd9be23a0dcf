#include "accounts/ClerkAccounts.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include "accounts/PasswordHash.h"
#include "accounts/RoleCheck.h"
#include "storage/AuditLog.h"
#include "storage/ClerkStore.h"
#include "storage/StorageError.h"
#include "storage/WriteTransaction.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClerkAccounts)
};
} // namespace

ClerkAccounts::ClerkAccounts(const QString &connection) : m_connection(connection) {}

bool ClerkAccounts::allows(const QString &actor, const QString &role) const
{
    return RoleCheck(m_connection).refusal(actor, role).isEmpty();
}

ClerkAccounts::Result ClerkAccounts::createFirstSupervisor(const QString &login, const QString &displayName,
                                                           const QString &password)
{
    return create(login, login, displayName, QStringLiteral("supervisor"), password, true);
}

ClerkAccounts::Result ClerkAccounts::add(const QString &actor, const QString &login, const QString &displayName,
                                         const QString &role, const QString &password)
{
    return create(actor, login, displayName, role, password, false);
}

ClerkAccounts::Result ClerkAccounts::create(const QString &actor, const QString &login, const QString &displayName,
                                            const QString &role, const QString &password, bool first)
{
    Result result;
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!loginPattern.match(login).hasMatch()) {
        result.error = Text::tr("A login is 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.");
        return result;
    }
    if (role != QLatin1String("clerk") && role != QLatin1String("supervisor")) {
        result.error = Text::tr("The role is clerk or supervisor.");
        return result;
    }
    if (password.size() < minimumPasswordLength) {
        result.error = Text::tr("The password needs at least %1 characters.").arg(minimumPasswordLength);
        return result;
    }
    try {
        WriteTransaction transaction(m_connection);
        ClerkStore store(m_connection);
        if (first && store.countSupervisors() > 0) {
            result.error = Text::tr("A supervisor exists already; further accounts are added by a supervisor (add-clerk).");
            return result;
        }
        if (!first) {
            result.error = RoleCheck(m_connection).refusal(actor, QStringLiteral("supervisor"));
            if (!result.error.isEmpty())
                return result;
        }
        if (store.findByLogin(login)) {
            result.error = Text::tr("The login %1 exists already.").arg(login);
            return result;
        }
        ClerkAccount account;
        account.login = login;
        account.displayName = displayName.trimmed().isEmpty() ? login : displayName.trimmed();
        account.role = role;
        account.passwordHash = PasswordHash::hash(password);
        if (account.passwordHash.isEmpty()) {
            result.error = Text::tr("The password could not be hashed (out of memory); nothing was stored.");
            return result;
        }
        store.insert(account);
        AuditLog(m_connection).append(actor, QStringLiteral("account_add"), login, QJsonObject{{QStringLiteral("role"), role}});
        transaction.commit();
        result.ok = true;
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    return result;
}

} // namespace gongji
