#include "model/storage/AuditLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTime>

#include "model/domain/IdNumber.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

// Whatever a caller passes, a full ID number never reaches the log: any long digit run in the
// subject or in a text of the detail is stored masked (IdNumber::mask).
QJsonValue masked(const QJsonValue &value)
{
    if (value.isString())
        return IdNumber::maskWithin(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(masked(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = masked(it.value());
        return object;
    }
    return value;
}

} // namespace

AuditLog::AuditLog(const QString &connection) : m_connection(connection) {}

void AuditLog::append(const QString &actor, AuditAction action, const QString &subject, const QJsonObject &detail)
{
    StatementBatch batch(m_connection);
    queueAppend(batch, actor, action, subject, detail);
    batch.run();
}

void AuditLog::queueAppend(StatementBatch &batch, const QString &actor, AuditAction action, const QString &subject,
                           const QJsonObject &detail)
{
    batch.add(QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, detail) "
                             "VALUES (:at, :actor, :action, :subject, :detail)"));
    batch.bind(QStringLiteral(":at"), Timestamp::nowText())
        .bind(QStringLiteral(":actor"), actor)
        .bind(QStringLiteral(":action"), AuditActions::keyword(action))
        .bind(QStringLiteral(":subject"),
              subject.isNull() ? QStringLiteral("") : IdNumber::maskWithin(subject)) // a null QString binds as NULL
        .bind(QStringLiteral(":detail"),
              QString::fromUtf8(QJsonDocument(masked(detail).toObject()).toJson(QJsonDocument::Compact)));
}

qint64 AuditLog::count() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 AuditLog::countFor(AuditAction action, const QString &subject) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = :action AND subject = :subject"));
    q.bind(QStringLiteral(":action"), AuditActions::keyword(action)).bind(QStringLiteral(":subject"), subject).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

namespace {

// The stored text of the first instant of a local calendar day.
QString startOfLocalDay(const QDate &day) { return Timestamp::toText(QDateTime(day, QTime(0, 0), Qt::LocalTime)); }

QStringList distinct(const QString &connection, const QString &sql)
{
    SqlStatement q(connection, sql);
    q.exec();
    QStringList values;
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

} // namespace

QList<AuditEntry> AuditLog::entries(const AuditFilter &filter, int limit, const AuditEntry *after) const
{
    // Built from fixed fragments only; every value is bound. Stored times are all in one text
    // format, so comparing the text compares the times.
    QString where;
    if (!filter.actor.isEmpty())
        where += QStringLiteral(" AND actor = :actor");
    if (!filter.action.isEmpty())
        where += QStringLiteral(" AND action = :action");
    if (filter.from.isValid())
        where += QStringLiteral(" AND at >= :from");
    if (filter.to.isValid())
        where += QStringLiteral(" AND at < :until");
    if (after)
        where += QStringLiteral(" AND (at < :afterAt OR (at = :afterAt AND id < :afterId))");
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT id, at, actor, action, subject, detail FROM audit_log "
                                  "WHERE 1 = 1%1 ORDER BY at DESC, id DESC LIMIT :limit")
                       .arg(where));
    if (!filter.actor.isEmpty())
        q.bind(QStringLiteral(":actor"), filter.actor);
    if (!filter.action.isEmpty())
        q.bind(QStringLiteral(":action"), filter.action);
    if (filter.from.isValid())
        q.bind(QStringLiteral(":from"), startOfLocalDay(filter.from));
    if (filter.to.isValid())
        q.bind(QStringLiteral(":until"), startOfLocalDay(filter.to.addDays(1)));
    if (after)
        q.bind(QStringLiteral(":afterAt"), Timestamp::toText(after->at)).bind(QStringLiteral(":afterId"), after->id);
    q.bind(QStringLiteral(":limit"), qMax(0, limit)).exec();
    QList<AuditEntry> result;
    while (q.next()) {
        AuditEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.at = Timestamp::fromText(q.value(1).toString());
        entry.actor = q.value(2).toString();
        entry.action = q.value(3).toString();
        entry.subject = q.value(4).toString();
        entry.detail = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        result.append(entry);
    }
    return result;
}

QStringList AuditLog::actors() const
{
    return distinct(m_connection, QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
}

QStringList AuditLog::actions() const
{
    return distinct(m_connection, QStringLiteral("SELECT DISTINCT action FROM audit_log ORDER BY action"));
}

} // namespace gongji
