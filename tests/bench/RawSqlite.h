#pragma once
#include <sqlite3.h>

#include <QString>
#include <string>
#include <vector>

namespace gongji {

// Baselines only: the raw SQLite C API, statements prepared once, values copied out as text.
// This is what a hand-written C program would do; the model's figures are measured against it.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path, bool fullSync = true);
    ~RawSqlite();
    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    sqlite3 *handle() const { return m_db; }
    sqlite3_stmt *prepare(const char *sql);
    void exec(const char *sql); // aborts with the message on failure: a baseline must not fail silently
    // Steps a statement to the end, copying every column of every row; returns the row count.
    int drain(sqlite3_stmt *statement, std::vector<std::string> &sink);
    void step(sqlite3_stmt *statement); // one step that must be SQLITE_DONE, then reset

private:
    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
};

} // namespace gongji
