#pragma once
#include <QString>
#include <memory>

#include "model/domain/Person.h"

namespace gongji {

class PostgresCopy;

// An office server's first registry import, into an empty registry (docs/registry-import.md):
// every row is new, so the rows go by COPY straight into the person table, in the file's order,
// without the staging table and its merge. The same person twice in the file breaks the table's
// unique key when the COPY ends: then everything it sent is undone (back to its savepoint) and
// the caller takes the staging path, which lists every repeat with its first line. Use inside the
// import's transaction.
class RegistryFirstLoad
{
public:
    explicit RegistryFirstLoad(const QString &connection);
    ~RegistryFirstLoad(); // unfinished (a bad row, a cancel): the COPY is abandoned
    RegistryFirstLoad(const RegistryFirstLoad &) = delete;
    RegistryFirstLoad &operator=(const RegistryFirstLoad &) = delete;

    void add(const Person &person);
    // Ends the COPY. False when a person was in the file twice: nothing of it is kept.
    bool finish();

private:
    QString m_connection;
    QString m_stamp; // updated_at of every row
    std::unique_ptr<PostgresCopy> m_copy;
};

} // namespace gongji
