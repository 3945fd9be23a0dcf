#pragma once
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include "model/storage/SqlRow.h"

namespace gongji {

// Statements run together: on PostgreSQL sent in one round trip (libpq's pipeline mode: all are
// sent, then every answer is read), on SQLite one after another, where a statement costs no
// round trip. For work whose statements do not need each other's answers on the client: a
// filing's reads once its documents are known, its writes once their ids are reserved
// (docs/storage.md). Inside the caller's transaction. The first failure throws StorageError;
// nothing after it runs.
class StatementBatch
{
public:
    explicit StatementBatch(const QString &connection);

    // Adds a statement; bind() gives values to its :name placeholders (one left out is NULL).
    // Returns the statement's index, for its answer after run().
    int add(const QString &sql);
    StatementBatch &bind(const QString &placeholder, const QVariant &value);
    int size() const { return int(m_statements.size()); }
    QString connection() const { return m_connection; }
    bool isEmpty() const { return m_statements.isEmpty(); }

    // Runs every statement added since the last run, in order.
    void run();

    // The rows of a statement that ran, read like an SqlStatement's: next(), then value().
    class Rows : public SqlRow
    {
    public:
        bool next() { return ++m_row < m_rows.size(); }
        QVariant value(int column) const override { return m_rows.at(m_row).value(column); }
        qsizetype size() const { return m_rows.size(); }

    private:
        friend class StatementBatch;
        explicit Rows(const QList<QVariantList> &rows) : m_rows(rows) {}
        QList<QVariantList> m_rows;
        qsizetype m_row = -1;
    };
    Rows rows(int statement) const;
    qint64 rowsAffected(int statement) const;

private:
    struct Statement
    {
        QString sql;
        QList<QPair<QString, QVariant>> values;
        QList<QVariantList> rows;
        qint64 affected = 0;
        bool ran = false;
    };
    void runOnSqlite(Statement &statement) const;
    void runOnPostgres(qsizetype first);

    QString m_connection;
    QList<Statement> m_statements;
};

} // namespace gongji
