#pragma once
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/Person.h"

namespace gongji {

class SqlRow;
class StatementBatch;

// Every SQL statement on the insured registry.
class PersonStore
{
public:
    explicit PersonStore(const QString &connection);

    std::optional<Person> findByDocument(const QString &idType, const QString &idNumber) const;
    // findByDocument among other reads sent together: added to `batch`, read after it ran.
    static int queueFindByDocument(StatementBatch &batch, const QString &idType, const QString &idNumber);
    static std::optional<Person> readPerson(const StatementBatch &batch, int index);
    std::optional<Person> findById(qint64 id) const;
    // Names starting with `prefix`, at most `limit`, ordered by name then id (uses the name index).
    // Keyset paging: pass the last row of the previous page as `after` to get the next page.
    QList<Person> findByNamePrefix(const QString &prefix, int limit = 50, const Person *after = nullptr) const;

    enum class UpsertResult { Added, Updated, Unchanged };
    // Inserts or updates by (id_type, id_number); sets person.id. Call inside a WriteTransaction.
    // `previous`, when given, receives the stored row as it was before (none for Added).
    UpsertResult upsert(Person &person, std::optional<Person> *previous = nullptr);
    // Adds `person` unless someone with its (id_type, id_number) is stored: then nothing is
    // written and it returns false. Sets person.id when added. Call inside a WriteTransaction.
    bool insertIfAbsent(Person &person);
    qint64 count() const;
    // Cheaper than count() == 0 on a large registry: stops at the first row.
    bool isEmpty() const;

    // For other stores that join the person table: the column list under `alias`, and the
    // Person read from a row starting at column `first`.
    static QString columns(const QString &alias);
    static Person fromRow(const SqlRow &row, int first);

private:
    QString m_connection;
};

} // namespace gongji
