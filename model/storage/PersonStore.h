#pragma once
#include <QList>
#include <QString>
#include <optional>

#include "domain/Person.h"

namespace gongji {

// Every SQL statement on the insured registry.
class PersonStore
{
public:
    explicit PersonStore(const QString &connection);

    std::optional<Person> findByDocument(const QString &idType, const QString &idNumber) const;
    std::optional<Person> findById(qint64 id) const;
    // Names starting with `prefix`, at most `limit`, ordered by name (uses the name index).
    QList<Person> findByNamePrefix(const QString &prefix, int limit = 50) const;

    enum class UpsertResult { Added, Updated, Unchanged };
    // Inserts or updates by (id_type, id_number); sets person.id. Call inside a WriteTransaction.
    UpsertResult upsert(Person &person);
    qint64 count() const;

private:
    QString m_connection;
};

} // namespace gongji
