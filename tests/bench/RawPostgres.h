#pragma once
#include <libpq-fe.h>

#include <QString>
#include <string>
#include <vector>

namespace gongji {

// Baselines only, for an office PostgreSQL database: libpq directly, statements prepared once
// on the server (PQprepare), parameters and values as text. What a hand-written C client does;
// the model (Qt's QPSQL driver) is measured against it. Built when libpq-dev is installed.
class RawPostgres
{
public:
    // `address`: postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME, as given to --db.
    explicit RawPostgres(const QString &address);
    ~RawPostgres();
    RawPostgres(const RawPostgres &) = delete;
    RawPostgres &operator=(const RawPostgres &) = delete;

    PGconn *handle() const { return m_db; }
    // Prepares `sql` ($1, $2… placeholders) under a new name and returns the name.
    std::string prepare(const char *sql, int parameters);
    void exec(const char *sql); // aborts with the message on failure: a baseline must not fail silently
    // Runs a prepared statement, copying every column of every row into `sink`; returns the row count.
    int drain(const std::string &statement, const std::vector<const char *> &values, std::vector<std::string> &sink);
    // Runs a prepared statement that must succeed; returns the first column of its first row ("" if none).
    std::string run(const std::string &statement, const std::vector<const char *> &values);

private:
    PGresult *execPrepared(const std::string &statement, const std::vector<const char *> &values);
    PGconn *m_db = nullptr;
    int m_prepared = 0;
};

} // namespace gongji
