#include "RawSqlite.h"

#include <cstdio>
#include <cstdlib>

namespace gongji {

namespace {

[[noreturn]] void fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "raw sqlite baseline: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no connection");
    std::exit(3);
}

} // namespace

RawSqlite::RawSqlite(const QString &path, bool fullSync)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        fail(m_db, "open");
    // The same settings as gongji::Database::open.
    sqlite3_busy_timeout(m_db, 10000);
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA journal_mode = WAL");
    exec(fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
}

RawSqlite::~RawSqlite()
{
    for (sqlite3_stmt *statement : m_statements)
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

sqlite3_stmt *RawSqlite::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK)
        fail(m_db, sql);
    m_statements.push_back(statement);
    return statement;
}

void RawSqlite::exec(const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        fprintf(stderr, "raw sqlite baseline: %s: %s\n", sql, error ? error : "?");
        std::exit(3);
    }
}

int RawSqlite::drain(sqlite3_stmt *statement, std::vector<std::string> &sink)
{
    int rows = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const int columns = sqlite3_column_count(statement);
        for (int c = 0; c < columns; ++c) {
            const unsigned char *text = sqlite3_column_text(statement, c);
            sink.emplace_back(text ? reinterpret_cast<const char *>(text) : "");
        }
        ++rows;
    }
    if (rc != SQLITE_DONE)
        fail(m_db, "step");
    sqlite3_reset(statement);
    return rows;
}

void RawSqlite::step(sqlite3_stmt *statement)
{
    if (sqlite3_step(statement) != SQLITE_DONE)
        fail(m_db, "step");
    sqlite3_reset(statement);
}

} // namespace gongji
