#pragma once
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <vector>

#include "model/domain/Person.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/SqlDialect.h"

namespace gongji {

// Loads many rows at once in one transaction: the benchmark generator's way to build an
// office-sized database in minutes. Same columns and formats as PersonStore, FilingStore,
// BindingStore and AuditLog, but no per-row checks or look-ups: the caller guarantees the rows
// obey the rules. Not for counter work.
// On a SQLite file every row is an INSERT prepared once. On an office PostgreSQL server the rows
// go by COPY (PostgresCopy, as the registry import sends its rows): a connection runs one COPY at
// a time, so each table's rows wait in memory and are sent a batch at a time, the referred tables
// first; their ids are given here, as a COPY returns none.
class BulkLoader
{
public:
    explicit BulkLoader(const QString &connection);
    ~BulkLoader(); // rolls back unless commit() was called

    void begin(); // opens the write transaction; throws StorageError
    void addPerson(Person &person); // sets person.id
    void addFiling(Filing &filing); // sets filing.id
    void addBinding(MutualAidBinding &binding); // with its proofs; ended when binding.endedAt is valid
    void addAudit(const QString &at, const QString &actor, const QString &action, const QString &subject,
                  const QString &detailJson);
    void commit();
    // Settles the database so that a benchmark starts from it as from an office's: SQLite folds
    // the write-ahead log into the file; PostgreSQL gathers the planner's statistics.
    void settle();

private:
    struct Table
    {
        QString name;
        QStringList columns; // without id
        bool givesId = false; // PostgreSQL: the loader numbers the rows (other tables refer to them)
        QSqlQuery insert; // SQLite
        QList<QVariantList> waiting; // PostgreSQL: rows not yet sent
        qint64 lastId = 0; // PostgreSQL
    };
    // Stores one row (now, or with the table's next batch); returns its id.
    qint64 add(Table &table, const QVariantList &values);
    // PostgreSQL: every waiting row, table by table in the order of `m_tables`.
    void sendWaiting();

    QString m_connection;
    SqlDialect::Engine m_engine;
    // In the order of their references: a binding refers to a filing and persons, a proof to a binding.
    std::vector<Table> m_tables;
    qsizetype m_waitingRows = 0;
    bool m_open = false;
};

} // namespace gongji
