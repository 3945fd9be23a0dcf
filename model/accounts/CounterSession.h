#pragma once
#include <QJsonObject>
#include <QString>

#include "model/accounts/SignIn.h"

#include "model/domain/AuditAction.h"

namespace gongji {

// What happens to a signed-in clerk's session at the counter after the sign-in: the screen is
// locked (Ctrl+L or idle), unlocked with the same clerk's password, or the clerk signs out.
// Each step is one transaction with one audit entry, so the log shows who left a counter when.
class CounterSession
{
public:
    CounterSession(const QString &connection, const QString &login);

    QString login() const { return m_login; }

    // Records the lock; `reason` is "shortcut" or "idle". Empty, or why it could not be recorded.
    QString lock(const QString &reason);
    // The signed-in clerk's password again, checked by SignIn (which audits the attempt and locks
    // the login after five failures); on success the unlock is recorded too.
    SignIn::Result unlock(const QString &password);
    // Records the sign-out and whether an unfinished filing was thrown away with it.
    QString signOut(bool discardedFiling);

private:
    QString record(AuditAction action, const QJsonObject &detail);

    QString m_connection;
    QString m_login;
};

} // namespace gongji
