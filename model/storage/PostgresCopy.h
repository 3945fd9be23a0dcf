#pragma once
#include <QByteArray>
#include <QString>

struct pg_conn;

namespace gongji {

// COPY … FROM STDIN through libpq on the connection of a QPSQL database (docs/registry-import.md):
// rows go to the server in the text format, in large pieces, instead of one statement a row.
// Use inside the caller's transaction; failures throw StorageError.
class PostgresCopy
{
public:
    // Starts `copySql` ("COPY table (columns) FROM STDIN") on `connection`'s server.
    PostgresCopy(const QString &connection, const QString &copySql);
    ~PostgresCopy();
    PostgresCopy(const PostgresCopy &) = delete;
    PostgresCopy &operator=(const PostgresCopy &) = delete;

    // Adds one field of the current row (a null QString is SQL NULL), then ends the row.
    void field(const QString &value);
    void field(qint64 value);
    void endRow();
    // Sends what is left and ends the COPY; returns the rows the server took.
    qint64 finish();

private:
    void flush();
    pg_conn *m_conn = nullptr;
    QByteArray m_buffer;
    bool m_fieldWritten = false;
    bool m_open = false;
};

} // namespace gongji
