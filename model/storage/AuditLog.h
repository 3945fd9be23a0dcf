#pragma once
#include <QJsonObject>
#include <QString>

namespace gongji {

// Append-only record of who did what (the database rejects UPDATE and DELETE on it).
// Details never contain full ID numbers: pass masked ones.
class AuditLog
{
public:
    explicit AuditLog(const QString &connection);

    // Call inside the WriteTransaction of the action it records.
    void append(const QString &actor, const QString &action, const QString &subject,
                const QJsonObject &detail = {});
    qint64 count() const;
    // How many entries record `action` on `subject` (e.g. earlier prints of one filing).
    qint64 countFor(const QString &action, const QString &subject) const;

private:
    QString m_connection;
};

} // namespace gongji
