#pragma once
#include <QList>
#include <QString>
#include <memory>

#include "model/domain/Person.h"

namespace gongji {

class PostgresCopy;

// The rows of a registry file on their way into the person table of an office PostgreSQL
// server (docs/registry-import.md): sent with COPY into the registry_staging table, which only
// this transaction sees them in, then merged into the registry by one statement. Use inside the
// import's transaction: a rollback removes the rows, a commit needs clear() first.
class RegistryStaging
{
public:
    explicit RegistryStaging(const QString &connection);
    ~RegistryStaging();

    // One good row of the file. While rows are being added no other statement may run on the
    // connection (the COPY holds it).
    void add(const Person &person, int line);
    // Ends the COPY; returns the rows sent.
    qint64 finishLoading();

    struct Repeat
    {
        int line = 0; // a row of a person (ID type and number) ...
        int firstLine = 0; // ... whose first row is this one
    };
    // The rows repeating an earlier row's person, in the order of the file: at most `limit`,
    // and in `total` how many there are.
    QList<Repeat> repeats(int limit, int *total) const;

    struct Merged
    {
        int added = 0;
        int updated = 0;
    };
    // Adds the new persons and updates the changed ones (one statement), after noting who is now
    // terminated, deceased or in another pooling region.
    Merged merge();
    // Those persons as stored now and as they were before: `limit` at a time, in the order of the
    // file, after the row at `afterLine` (0: from the start); `lastLine` receives the last row's.
    QList<std::pair<Person, Person>> changedStatusOrRegion(int afterLine, int limit, int *lastLine) const;
    // Deletes the rows sent, before the transaction commits (the next import starts empty).
    void clear();

    // For RegistryFirstLoad, which sends the same rows straight to the person table: the bounds
    // of the import's transaction, the person columns sent (in order) and one row's fields.
    static void liftBounds(const QString &connection);
    static QString personColumns();
    static void sendPerson(PostgresCopy &copy, const Person &person);

private:
    QString m_connection;
    std::unique_ptr<PostgresCopy> m_copy;
};

} // namespace gongji
