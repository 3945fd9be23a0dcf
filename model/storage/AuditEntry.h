#pragma once
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace gongji {

// One row of the audit log as read back: who (the clerk's login), when, what, on which record.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString actor; // clerk login (for a failed sign-in: the login that was typed)
    QString action; // raw action name, e.g. "filing", "sign_in_failed", "id_reveal"
    QString subject; // the record acted on (filing number, binding id, login, …)
    QJsonObject detail; // never a full ID number or a password
};

// Which entries to read: empty strings and invalid dates mean "any". The dates are calendar days
// in the desk's local time, both included.
struct AuditFilter
{
    QString actor;
    QString action;
    QDate from;
    QDate to;

    bool operator==(const AuditFilter &other) const
    {
        return actor == other.actor && action == other.action && from == other.from && to == other.to;
    }
};

} // namespace gongji
