#pragma once
#include <QByteArray>
#include <QString>

// Looking at a database file from outside, for the backup, restore and storage tests: whether
// its bytes changed, and what it holds, each through a connection of its own opened and closed
// again.
namespace DatabaseFile {

// SHA-256 of the file's bytes; empty when it cannot be read.
QByteArray digest(const QString &path);
// Rows of `table` in the database at `path` (opened through gongji::Database); -1 when it
// does not open.
qint64 rowsIn(const QString &path, const QString &table);
// Audit entries of `action` by `actor` in the database at `path`; -1 when it does not open.
qint64 auditEntriesIn(const QString &path, const QString &action, const QString &actor);

} // namespace DatabaseFile
