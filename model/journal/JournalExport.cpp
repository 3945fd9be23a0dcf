#include "model/journal/JournalExport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

#include "model/accounts/RoleCheck.h"
#include "model/storage/AuditLog.h"
#include "model/storage/JournalStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JournalExport)
};

} // namespace

JournalExport::JournalExport(const QString &connection) : m_connection(connection) {}

JournalExport::Result JournalExport::write(qint64 after, const QString &path, const QString &actor)
{
    Result result;
    result.lastSeq = after;
    if (after < 0) {
        result.error = Text::tr("The sequence number to export after must be 0 or more.");
        return result;
    }
    try {
        // Under the writer lock: no line is added while the file is written, and the audit entry
        // names exactly what left the office.
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor)))
            return result;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error
                = Text::tr("Cannot write %1: %2. Choose a folder you may write to.").arg(path, file.errorString());
            return result;
        }
        // The lines carry full ID numbers: owner-only before the first byte.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        JournalStore(m_connection).forEachAfter(after, [&](qint64 seq, const QString &line) {
            file.write(line.toUtf8());
            file.write("\n", 1);
            ++result.count;
            result.lastSeq = seq;
        });
        if (!file.commit()) {
            result.error = Text::tr("Cannot write %1: %2. Nothing was exported.").arg(path, file.errorString());
            return result;
        }
        AuditLog(m_connection)
            .append(actor, AuditAction::JournalExport, QFileInfo(path).fileName(),
                    QJsonObject{{QStringLiteral("after"), after},
                                {QStringLiteral("lines"), result.count},
                                {QStringLiteral("last_seq"), result.lastSeq}});
        transaction.commit();
        result.succeed();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
        result.count = 0;
        result.lastSeq = after;
    }
    return result;
}

} // namespace gongji
