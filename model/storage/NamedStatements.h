#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

struct pg_conn;

namespace gongji {

// The statements a PostgreSQL session has prepared under a name, by SQL text: a StatementBatch
// sends a statement's text and has the server plan it once per session, then only its values
// (docs/storage.md). Parsing and planning each statement anew cost a submit about 1.5 ms.
// A session is one libpq connection: a connection opened again (Database::reopenIfLost) starts
// with none, as the server does. A prepared statement is not part of a transaction: one prepared
// in a transaction that rolls back stays prepared.
class NamedStatements
{
public:
    struct Statement
    {
        QByteArray name; // empty: not to be kept (the session keeps enough); send it unnamed
        QByteArray sql; // the text with $1, $2 … for its placeholders
        QStringList placeholders; // the :names, in their numbers' order
        bool prepared = false; // the session has it; otherwise prepare it before its first run
    };

    // The statement `sql` (with :name placeholders) for the session `session` of `connection`.
    static Statement of(const QString &connection, pg_conn *session, const QString &sql);
    // The server has prepared `sql` under its name in `session`.
    static void markPrepared(const QString &connection, pg_conn *session, const QString &sql);
    // The connection's session ended (closed or lost).
    static void forget(const QString &connection);

    // At most this many statements are kept per session: the code's statements are far fewer, so a text
    // built with values in it (there should be none) cannot grow the server's memory without end.
    static constexpr int kMostPerSession = 400;
};

} // namespace gongji
