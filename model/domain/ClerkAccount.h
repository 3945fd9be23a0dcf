#pragma once
#include <QDateTime>
#include <QString>

#include "model/domain/ClerkRole.h"

namespace gongji {

// A counter clerk's or supervisor's account.
struct ClerkAccount
{
    qint64 id = 0;
    QString login;
    QString displayName;
    ClerkRole role = ClerkRole::Clerk;
    QString passwordHash; // Argon2id string (PasswordHash)
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; invalid when not locked
    QDateTime passwordChangedAt; // UTC: when the password was last set (the policy's maximum age counts from it)

    bool isSupervisor() const { return role == ClerkRole::Supervisor; }
    // Locked after failed attempts (SignIn's lockout) and not yet free again at `now`.
    bool isLockedAt(const QDateTime &now) const { return lockedUntil.isValid() && lockedUntil > now; }
};

} // namespace gongji
