#include "model/printing/PrintRecord.h"

#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

QString documentName(PrintRecord::Document document)
{
    switch (document) {
    case PrintRecord::Document::Filing:
        return QStringLiteral("filing");
    case PrintRecord::Document::Revocation:
        return QStringLiteral("revocation");
    case PrintRecord::Document::Kinship:
        return QStringLiteral("kinship");
    case PrintRecord::Document::QuotaChange:
        return QStringLiteral("quota_change");
    }
    return {};
}
} // namespace

PrintRecord::PrintRecord(const QString &connection) : m_connection(connection) {}

QString PrintRecord::subject(Document document, const QString &key)
{
    // A filing number stands alone, as before; the others are prefixed, so their numbers never meet.
    return document == Document::Filing ? key : documentName(document) + QLatin1Char(':') + key;
}

qint64 PrintRecord::printCount(Document document, const QString &key) const
{
    return AuditLog(m_connection).countFor(AuditAction::Print, subject(document, key));
}

PrintStamp PrintRecord::record(Document document, const QString &key, const QString &clerk, const QString &output,
                               QString *error)
{
    try {
        // BEGIN IMMEDIATE: two counters reprinting at once still get distinct copy numbers.
        WriteTransaction transaction(m_connection);
        const QString refusal = RoleCheck(m_connection).refusal(clerk, ClerkRole::Clerk);
        if (!refusal.isEmpty()) {
            if (error)
                *error = refusal;
            return {};
        }
        AuditLog audit(m_connection);
        PrintStamp stamp;
        stamp.copy = int(audit.countFor(AuditAction::Print, subject(document, key))) + 1;
        stamp.printedAt = Timestamp::now();
        stamp.clerk = clerk;
        audit.append(clerk, AuditAction::Print, subject(document, key),
                     QJsonObject{{QStringLiteral("document"), documentName(document)},
                                 {QStringLiteral("copy"), stamp.copy},
                                 {QStringLiteral("reprint"), stamp.isReprint()},
                                 {QStringLiteral("output"), output}});
        transaction.commit();
        return stamp;
    } catch (const StorageError &failure) {
        if (error)
            *error = failure.userMessage();
        return {};
    }
}

} // namespace gongji
