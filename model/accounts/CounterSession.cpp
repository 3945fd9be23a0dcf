#include "model/accounts/CounterSession.h"

#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

CounterSession::CounterSession(const QString &connection, const QString &login)
    : m_connection(connection)
    , m_login(login)
{}

QString CounterSession::lock(const QString &reason)
{
    return record(AuditAction::SessionLock, QJsonObject{{QStringLiteral("reason"), reason}});
}

SignIn::Result CounterSession::unlock(const QString &password)
{
    SignIn::Result result = SignIn(m_connection).signIn(m_login, password);
    if (!result.ok)
        return result;
    const QString error = record(AuditAction::SessionUnlock, QJsonObject());
    if (!error.isEmpty()) {
        result.ok = false;
        result.error = error;
    }
    return result;
}

QString CounterSession::signOut(bool discardedFiling)
{
    return record(AuditAction::SignOut, QJsonObject{{QStringLiteral("discarded_filing"), discardedFiling}});
}

QString CounterSession::record(AuditAction action, const QJsonObject &detail)
{
    try {
        WriteTransaction transaction(m_connection);
        AuditLog(m_connection).append(m_login, action, m_login, detail);
        transaction.commit();
    } catch (const StorageError &error) {
        return error.userMessage();
    }
    return QString();
}

} // namespace gongji
