#pragma once
#include <QString>

namespace gongji {

// The ID documents (type + number) met in one file being read, each with the line that held it
// first: a temporary table of this connection with the documents as its primary key, so that
// finding the same person twice in a file of millions of rows costs an index look-up, not
// memory (docs/registry-import.md). Use it inside a transaction: the table is created empty on
// construction, and gone when the transaction rolls back or after drop().
class FileDocumentIndex
{
public:
    explicit FileDocumentIndex(const QString &connection);

    // Records that `line` holds the document; returns 0 when it is new, otherwise the line that
    // held it first (and records nothing).
    int add(const QString &idType, const QString &idNumber, int line);
    // Drops the table; call before committing (a temporary table outlives a commit).
    void drop();

private:
    QString m_connection;
};

} // namespace gongji
