#include "model/storage/FileDocumentIndex.h"

#include "model/storage/SqlStatement.h"

namespace gongji {

FileDocumentIndex::FileDocumentIndex(const QString &connection) : m_connection(connection)
{
    // A temporary table lives in the connection's own temporary storage (SQLite's temp file,
    // PostgreSQL's session schema): no other counter sees it or waits for it.
    SqlStatement::run(m_connection,
                      QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS file_document (id_type TEXT NOT NULL, "
                                     "id_number TEXT NOT NULL, line INTEGER NOT NULL, "
                                     "PRIMARY KEY (id_type, id_number))"));
    SqlStatement::run(m_connection, QStringLiteral("DELETE FROM file_document"));
}

int FileDocumentIndex::add(const QString &idType, const QString &idNumber, int line)
{
    static const QString insert = QStringLiteral("INSERT INTO file_document (id_type, id_number, line) "
                                                 "VALUES (:type, :number, :line) ON CONFLICT DO NOTHING");
    SqlStatement q(m_connection, insert);
    q.bind(QStringLiteral(":type"), idType)
        .bind(QStringLiteral(":number"), idNumber)
        .bind(QStringLiteral(":line"), line);
    if (q.exec().rowsAffected() > 0)
        return 0;
    static const QString first
        = QStringLiteral("SELECT line FROM file_document WHERE id_type = :type AND id_number = :number");
    SqlStatement found(m_connection, first);
    found.bind(QStringLiteral(":type"), idType).bind(QStringLiteral(":number"), idNumber).exec();
    return found.next() ? found.value(0).toInt() : 0;
}

void FileDocumentIndex::drop()
{
    SqlStatement::run(m_connection, QStringLiteral("DROP TABLE IF EXISTS file_document"));
}

} // namespace gongji
