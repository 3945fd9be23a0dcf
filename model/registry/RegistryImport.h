#pragma once
#include <QList>
#include <QString>
#include <functional>

#include "model/domain/Person.h"

namespace gongji {

// Registry CSV import (docs/domain.md §10): every row is validated first; one bad row and nothing of
// the file is stored. Persons are inserted or updated by ID type + number in one transaction.
class RegistryImport
{
public:
    struct RowError
    {
        int line = 0; // line number in the file (header is line 1)
        QString message; // what is wrong and what to do
    };
    struct Result
    {
        bool ok = false;
        QString fileError; // unreadable file, wrong header, storage failure
        QString encoding; // what the file was read as (CsvEncodings::name); empty when unread
        QList<RowError> rowErrors;
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int bindingsEnded = 0; // ended automatically by the changes (docs/domain.md §7)
        bool cancelled = false; // the progress callback asked to stop: nothing was stored
    };
    // Called before each row and once more before the commit, with (rows done, rows in all);
    // returning false cancels: the transaction rolls back and the database stays as it was.
    using Progress = std::function<bool(int done, int total)>;

    explicit RegistryImport(const QString &connection);

    static QString expectedHeader();
    // Parses and validates only; `persons` receives the rows when there is no error.
    Result parse(const QString &path, QList<Person> &persons) const;
    // Parse, then store all rows in one transaction with an audit entry by `actor`.
    Result importFile(const QString &path, const QString &actor, const Progress &progress = {});
    // Stores already-validated persons in one transaction (used by importFile and the demo).
    Result store(const QList<Person> &persons, const QString &actor, const QString &source,
                 const Progress &progress = {});

private:
    QString m_connection;
};

} // namespace gongji
