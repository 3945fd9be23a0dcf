#include "model/storage/NamedStatements.h"

#include <QHash>
#include <QMutex>

namespace gongji {

namespace {

struct Session
{
    pg_conn *handle = nullptr;
    QHash<QString, NamedStatements::Statement> bySql;
    int nextName = 1;
};

// Sessions by connection name. Each connection is used by one thread (QtSql's rule), different
// threads use different connections: one lock for the map.
struct Sessions
{
    QMutex mutex;
    QHash<QString, Session> byConnection;
};

Sessions &sessions()
{
    static Sessions all;
    return all;
}

// The statement's :name placeholders as $1, $2 … (one number per name), skipping quoted text and
// "::" casts. `names` receives the names in their numbers' order.
QByteArray numbered(const QString &sql, QStringList &names)
{
    QString out;
    out.reserve(sql.size());
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\''), i + 1);
            const qsizetype stop = end < 0 ? sql.size() - 1 : end;
            out += sql.mid(i, stop - i + 1);
            i = stop;
            continue;
        }
        if (c == QLatin1Char(':') && i + 1 < sql.size() && sql.at(i + 1) == QLatin1Char(':')) {
            out += QStringLiteral("::");
            ++i;
            continue;
        }
        if (c == QLatin1Char(':') && i + 1 < sql.size() && (sql.at(i + 1).isLetter() || sql.at(i + 1) == u'_')) {
            qsizetype end = i + 1;
            while (end < sql.size() && (sql.at(end).isLetterOrNumber() || sql.at(end) == u'_'))
                ++end;
            const QString name = sql.mid(i, end - i);
            qsizetype number = names.indexOf(name);
            if (number < 0) {
                names << name;
                number = names.size() - 1;
            }
            out += QLatin1Char('$') + QString::number(number + 1);
            i = end - 1;
            continue;
        }
        out += c;
    }
    return out.toUtf8();
}

// The connection's session, emptied when the connection now has another libpq handle.
Session &sessionOf(const QString &connection, pg_conn *handle)
{
    Session &session = sessions().byConnection[connection];
    if (session.handle != handle) {
        session.bySql.clear();
        session.handle = handle;
    }
    return session;
}

} // namespace

NamedStatements::Statement NamedStatements::of(const QString &connection, pg_conn *session, const QString &sql)
{
    Sessions &all = sessions();
    QMutexLocker lock(&all.mutex);
    Session &current = sessionOf(connection, session);
    const auto found = current.bySql.constFind(sql);
    if (found != current.bySql.cend())
        return *found;
    Statement statement;
    statement.sql = numbered(sql, statement.placeholders);
    if (current.bySql.size() >= kMostPerSession)
        return statement;
    statement.name = "gongji_" + QByteArray::number(current.nextName++);
    current.bySql.insert(sql, statement);
    return statement;
}

void NamedStatements::markPrepared(const QString &connection, pg_conn *session, const QString &sql)
{
    Sessions &all = sessions();
    QMutexLocker lock(&all.mutex);
    Session &current = sessionOf(connection, session);
    const auto found = current.bySql.find(sql);
    if (found != current.bySql.end())
        found->prepared = true;
}

void NamedStatements::forget(const QString &connection)
{
    Sessions &all = sessions();
    QMutexLocker lock(&all.mutex);
    all.byConnection.remove(connection);
}

} // namespace gongji
