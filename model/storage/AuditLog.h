#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "model/domain/AuditAction.h"
#include "model/storage/AuditEntry.h"

namespace gongji {

class StatementBatch;

// Append-only record of who did what (the database rejects UPDATE and DELETE on it).
// Details never contain full ID numbers: pass masked ones (append masks any that slip through,
// in the subject and in every text of the detail, with IdNumber::maskWithin).
class AuditLog
{
public:
    explicit AuditLog(const QString &connection);

    // Call inside the WriteTransaction of the action it records.
    void append(const QString &actor, AuditAction action, const QString &subject, const QJsonObject &detail = {});
    // The same among other statements sent together (a filing's writes, in one round trip).
    static void queueAppend(StatementBatch &batch, const QString &actor, AuditAction action, const QString &subject,
                            const QJsonObject &detail = {});
    qint64 count() const;
    // How many entries record `action` on `subject` (e.g. earlier prints of one filing).
    qint64 countFor(AuditAction action, const QString &subject) const;

    // Entries matching `filter`, newest first, at most `limit`. Keyset paging: pass the last
    // entry of the previous page as `after` to read the next one (served by the index on `at`,
    // so a page costs the same at the end of a million rows as at the start). No role check
    // here: callers (AuditLogModel, AuditCsv) check that the reader is a supervisor.
    QList<AuditEntry> entries(const AuditFilter &filter, int limit, const AuditEntry *after = nullptr) const;
    // The distinct actors and actions in the log, sorted, for filter choices.
    QStringList actors() const;
    QStringList actions() const;

private:
    QString m_connection;
};

} // namespace gongji
