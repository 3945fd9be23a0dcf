#pragma once
#include <QList>
#include <QString>
#include <functional>

#include "model/domain/Outcome.h"
#include "model/domain/Person.h"

namespace gongji {

// Registry CSV import (docs/domain.md §10, docs/registry-import.md): the file is read once, each
// row checked and written as it is read, all inside one transaction; one bad row anywhere and
// the transaction rolls back, so nothing of the file is stored. Memory does not grow with the
// file: the same person twice is found through an index in the database, not a table in memory.
class RegistryImport
{
public:
    struct RowError
    {
        int line = 0; // line number in the file (header is line 1)
        QString message; // what is wrong and what to do
    };
    // Input: the file (unreadable, wrong header, bad rows: `error` or `rowErrors`) or a cancel;
    // NotAllowed: not a supervisor; Storage: the database failed. Nothing was stored unless ok.
    struct Result : Outcome
    {
        QString encoding; // what the file was read as (CsvEncodings::name); empty when unread
        QList<RowError> rowErrors; // the first maxListedErrors problems, in the order of the file
        int moreErrors = 0; // problems after those, counted only
        int rows = 0; // data rows read (good or bad)
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int bindingsEnded = 0; // ended automatically by the changes (docs/domain.md §7)
        bool cancelled = false; // the progress callback asked to stop: nothing was stored

        int problemCount() const { return int(rowErrors.size()) + moreErrors; }
    };
    static constexpr int maxListedErrors = 1000;
    // Called before each row with (rows done, 0) and once more before the commit with (rows,
    // rows): how many rows a file holds is known only at its end. Returning false cancels: the
    // transaction rolls back and the database stays as it was.
    using Progress = std::function<bool(int done, int total)>;

    explicit RegistryImport(const QString &connection);

    static QString expectedHeader();
    // Reads and checks every row, storing nothing (the import dialog's check); `rows` counts them.
    Result check(const QString &path) const;
    // Reads, checks and stores the file in one transaction with an audit entry by `actor`.
    Result importFile(const QString &path, const QString &actor, const Progress &progress = {});
    // Stores already-validated persons in one transaction (demo data, tests).
    Result store(const QList<Person> &persons, const QString &actor, const QString &source,
                 const Progress &progress = {});

private:
    QString m_connection;
};

} // namespace gongji
