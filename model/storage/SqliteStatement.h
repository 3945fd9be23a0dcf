#pragma once
#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gongji {

// One statement prepared through SQLite's C API on the handle of a QSQLITE connection, for
// SqlStatement's kept statements. QtSql rebuilds a QSqlRecord (every column's name and declared
// type, lower-cased) and a row cache of QVariants on every exec; an indexed lookup costs less
// than that. Values come back as QSQLITE gives them: INTEGER as qlonglong, REAL as double, TEXT
// as QString, BLOB as QByteArray, NULL as a null QString variant; bound values as QSQLITE binds
// them (a null or empty-variant value as NULL). Failures throw StorageError. An "INSERT …
// RETURNING id" gives its one row (the new id) without SQLite's RETURNING, which is slow.
class SqliteStatement
{
public:
    // The sqlite3 handle behind a QSQLITE connection; nullptr for any other driver.
    static sqlite3 *handleOf(const QString &connection);

    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // `:name` placeholders; SQLite gives every use of one name the same value.
    void bind(const QString &placeholder, const QVariant &value);
    // Runs the statement up to its first row (the whole statement when it returns none).
    void exec();
    bool next();
    QVariant value(int column) const;
    int rowsAffected() const { return m_changes; }
    QStringList columnNames() const;
    int columnCount() const;
    // Ends a run: resets the statement (no read snapshot or lock kept) and clears its values.
    void finish();

private:
    [[noreturn]] void fail(const QString &what, int code) const;
    int bindText(int index, const QString &text);
    // The index of a `:name` placeholder; 0 when the statement has none of that name.
    int parameterIndex(const QString &placeholder);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    QStringList m_placeholders; // the name of each parameter, in SQLite's order (index - 1)
    qsizetype m_lastPlaceholder = -1;
    std::vector<QByteArray> m_texts; // the bound texts, kept until the statement is reset
    bool m_returnsId = false; // "INSERT … RETURNING id", run without RETURNING
    qint64 m_insertedId = 0;
    bool m_stepped = false; // run since the last reset: binding needs a reset first
    bool m_pending = false; // exec() stepped onto a row that next() has not handed out yet
    bool m_onRow = false;
    int m_changes = 0;
};

} // namespace gongji
