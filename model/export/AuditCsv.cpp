#include "model/export/AuditCsv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include "model/accounts/RoleCheck.h"
#include "model/csv/CsvField.h"
#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditCsv)
};

} // namespace

AuditCsv::AuditCsv(const QString &connection) : m_connection(connection) {}

QByteArray AuditCsv::headerLine() { return QByteArrayLiteral("time_local,time_utc,clerk,action,subject,detail\r\n"); }

QByteArray AuditCsv::line(const AuditEntry &entry)
{
    const QStringList fields{
        entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
        Timestamp::toText(entry.at),
        CsvField::text(entry.actor),
        CsvField::text(entry.action),
        CsvField::text(entry.subject),
        CsvField::text(QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact))),
    };
    return fields.join(QLatin1Char(',')).toUtf8() + QByteArrayLiteral("\r\n");
}

bool AuditCsv::writeRows(const AuditFilter &filter, QIODevice *device, qint64 *rows) const
{
    if (device->write(CsvField::utf8Bom) < 0 || device->write(headerLine()) < 0)
        return false;
    AuditLog log(m_connection);
    QList<AuditEntry> page = log.entries(filter, pageSize);
    while (!page.isEmpty()) {
        QByteArray chunk;
        for (const AuditEntry &entry : page)
            chunk += line(entry);
        if (device->write(chunk) < 0)
            return false;
        *rows += page.size();
        if (page.size() < pageSize)
            break;
        const AuditEntry last = page.last();
        page = log.entries(filter, pageSize, &last);
    }
    return true;
}

AuditCsv::Result AuditCsv::exportTo(const QString &actor, const AuditFilter &filter, const QString &path)
{
    Result result;
    bool written = false; // an unaudited export is removed again
    try {
        // Checked before anything is read; checked again in the transaction that records it.
        result.error = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor);
        if (!result.error.isEmpty())
            return result;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error = Text::tr("%1 cannot be written (%2): choose another folder.")
                               .arg(QDir::toNativeSeparators(path), file.errorString());
            return result;
        }
        if (!writeRows(filter, &file, &result.rows) || !file.commit()) {
            file.cancelWriting();
            result.error = Text::tr("%1 could not be written completely (%2): nothing was saved; check the free "
                                    "space and choose another folder.")
                               .arg(QDir::toNativeSeparators(path), file.errorString());
            result.rows = 0;
            return result;
        }
        written = true;
        WriteTransaction transaction(m_connection);
        result.error = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor);
        if (!result.error.isEmpty()) {
            QFile::remove(path);
            result.rows = 0;
            return result;
        }
        QJsonObject detail{{QStringLiteral("rows"), result.rows}};
        if (!filter.actor.isEmpty())
            detail.insert(QStringLiteral("clerk"), filter.actor);
        if (!filter.action.isEmpty())
            detail.insert(QStringLiteral("action"), filter.action);
        if (filter.from.isValid())
            detail.insert(QStringLiteral("from"), Timestamp::dateToText(filter.from));
        if (filter.to.isValid())
            detail.insert(QStringLiteral("to"), Timestamp::dateToText(filter.to));
        AuditLog(m_connection).append(actor, AuditAction::AuditExport, QFileInfo(path).fileName(), detail);
        transaction.commit();
        result.ok = true;
    } catch (const StorageError &error) {
        result.error = error.userMessage();
        result.rows = 0;
        if (written)
            QFile::remove(path);
    }
    return result;
}

} // namespace gongji
