#pragma once
#include <QSqlQuery>
#include <QString>

#include "model/domain/Person.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"

namespace gongji {

// Loads many rows at once in one transaction with statements prepared once: the benchmark
// generator's way to build an office-sized database in minutes. Same columns and formats as
// PersonStore, FilingStore, BindingStore and AuditLog, but no per-row checks or look-ups:
// the caller guarantees the rows obey the rules. Not for counter work.
class BulkLoader
{
public:
    explicit BulkLoader(const QString &connection);
    ~BulkLoader(); // rolls back unless commit() was called

    void begin(); // BEGIN IMMEDIATE; throws StorageError
    void addPerson(Person &person); // sets person.id
    void addFiling(Filing &filing); // sets filing.id
    void addBinding(MutualAidBinding &binding); // with its proofs; ended when binding.endedAt is valid
    void addAudit(const QString &at, const QString &actor, const QString &action, const QString &subject,
                  const QString &detailJson);
    void commit();
    // Folds the write-ahead log into the file, so that a benchmark starts from a settled file.
    void checkpoint();

private:
    QSqlQuery prepared(const QString &sql) const;
    void exec(QSqlQuery &query, const char *what);
    QString m_connection;
    QSqlQuery m_person;
    QSqlQuery m_filing;
    QSqlQuery m_binding;
    QSqlQuery m_proof;
    QSqlQuery m_audit;
    bool m_open = false;
};

} // namespace gongji
