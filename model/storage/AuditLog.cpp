#include "storage/AuditLog.h"

#include <QJsonDocument>

#include "storage/SqlStatement.h"
#include "storage/Timestamp.h"

namespace gongji {

AuditLog::AuditLog(const QString &connection) : m_connection(connection) {}

void AuditLog::append(const QString &actor, const QString &action, const QString &subject, const QJsonObject &detail)
{
    SqlStatement q(m_connection, QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, detail) "
                                                "VALUES (:at, :actor, :action, :subject, :detail)"));
    q.bind(QStringLiteral(":at"), Timestamp::toText(Timestamp::now()))
        .bind(QStringLiteral(":actor"), actor)
        .bind(QStringLiteral(":action"), action)
        .bind(QStringLiteral(":subject"), subject.isNull() ? QStringLiteral("") : subject) // a null QString binds as NULL
        .bind(QStringLiteral(":detail"), QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)))
        .exec();
}

qint64 AuditLog::count() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 AuditLog::countFor(const QString &action, const QString &subject) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = :action AND subject = :subject"));
    q.bind(QStringLiteral(":action"), action).bind(QStringLiteral(":subject"), subject).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace gongji
