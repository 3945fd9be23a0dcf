#pragma once
#include <QString>
#include <QStringList>

#include "model/domain/Outcome.h"

namespace gongji {

// The database role every counter of an office connects as, set up by the role that owns the
// schema (gongji-admin setup-office). It may read and write the data (the registry, rules,
// filings, bindings, accounts) and only read and append to the audit log; it owns nothing, so it
// cannot create, alter, drop or truncate a table, touch a trigger, create a function or grant
// itself anything; it gets no temporary tables and nothing in another schema. See
// docs/office-security.md. PostgreSQL only.
class CounterRole
{
public:
    // Input: not a server, not a plain name, or a role that may not be a counter's; Storage: the
    // rights could not be granted (or the server failed).
    struct Result : Outcome
    {
        bool created = false; // the role did not exist and was made (LOGIN, no password yet)
    };

    explicit CounterRole(const QString &connection);

    // Creates NAME when missing and grants it exactly the rights above on every table of the
    // schema (again: after a migration new tables get theirs). Refused for the owner itself, a
    // superuser, or a role that may create roles or databases or is a member of the owner.
    Result setUp(const QString &name);
    // The counter roles set up before on this schema (recorded in the owner's default
    // privileges), to be granted the rights on a migration's new tables.
    QStringList known() const;

    // A plain role name: lower-case letter first, then letters, digits, '_' (at most 63).
    static bool isValidName(const QString &name);
    // The tables a counter may only read and append to (append-only, enforced by triggers too).
    static QStringList appendOnlyTables();

private:
    void grantOn(const QString &quotedRole);

    QString m_connection;
};

} // namespace gongji
