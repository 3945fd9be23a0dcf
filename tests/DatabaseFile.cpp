#include "DatabaseFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "model/storage/Database.h"

namespace DatabaseFile {

namespace {

// `sql` counts; its one bound value list is `values`.
qint64 countIn(const QString &path, const QString &sql, const QVariantList &values)
{
    const QString connection = QStringLiteral("database-file-count");
    if (!gongji::Database::open(path, connection).ok)
        return -1;
    qint64 count = -1;
    {
        QSqlQuery q(QSqlDatabase::database(connection));
        q.prepare(sql);
        for (const QVariant &value : values)
            q.addBindValue(value);
        if (q.exec() && q.next())
            count = q.value(0).toLongLong();
    }
    gongji::Database::close(connection);
    return count;
}

} // namespace

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

qint64 rowsIn(const QString &path, const QString &table)
{
    return countIn(path, QStringLiteral("SELECT COUNT(*) FROM ") + table, {}); // tests name their own tables
}

qint64 auditEntriesIn(const QString &path, const QString &action, const QString &actor)
{
    return countIn(path, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ?"),
                   {action, actor});
}

} // namespace DatabaseFile
