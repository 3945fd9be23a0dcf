#include "RawPostgres.h"

#include <cstdio>
#include <cstdlib>

#include "model/storage/DatabaseLocation.h"

namespace gongji {

namespace {

[[noreturn]] void fail(PGconn *db, const char *what)
{
    fprintf(stderr, "raw libpq baseline: %s: %s\n", what, db ? PQerrorMessage(db) : "no connection");
    std::exit(3);
}

// A libpq keyword/value connection string; values quoted as libpq wants them.
std::string conninfoValue(const QString &value)
{
    std::string quoted = "'";
    for (const char c : value.toStdString()) {
        if (c == '\'' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

} // namespace

RawPostgres::RawPostgres(const QString &address)
{
    const DatabaseLocation location = DatabaseLocation::parse(address);
    if (!location.isServer || !location.error.isEmpty()) {
        fprintf(stderr, "raw libpq baseline: not a server address: %s\n", qPrintable(location.error));
        std::exit(3);
    }
    // The same server-side settings as gongji::Database::open (addServerConnection).
    std::string conninfo = "host=" + conninfoValue(location.host) + " port=" + std::to_string(location.port)
        + " user=" + conninfoValue(location.user) + " dbname=" + conninfoValue(location.databaseName)
        + " connect_timeout=5 application_name=gongji-bench-libpq";
    if (!location.password.isEmpty())
        conninfo += " password=" + conninfoValue(location.password);
    m_db = PQconnectdb(conninfo.c_str());
    if (PQstatus(m_db) != CONNECTION_OK)
        fail(m_db, "connect");
}

RawPostgres::~RawPostgres() { PQfinish(m_db); }

std::string RawPostgres::prepare(const char *sql, int parameters)
{
    const std::string name = "bench_" + std::to_string(++m_prepared);
    PGresult *result = PQprepare(m_db, name.c_str(), sql, parameters, nullptr);
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        PQclear(result);
        fail(m_db, sql);
    }
    PQclear(result);
    return name;
}

void RawPostgres::exec(const char *sql)
{
    PGresult *result = PQexec(m_db, sql);
    const ExecStatusType status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(m_db, sql);
}

PGresult *RawPostgres::execPrepared(const std::string &statement, const std::vector<const char *> &values)
{
    PGresult *result = PQexecPrepared(m_db, statement.c_str(), int(values.size()), values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PQclear(result);
        fail(m_db, statement.c_str());
    }
    return result;
}

int RawPostgres::drain(const std::string &statement, const std::vector<const char *> &values,
                       std::vector<std::string> &sink)
{
    PGresult *result = execPrepared(statement, values);
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            sink.emplace_back(PQgetvalue(result, r, c), size_t(PQgetlength(result, r, c)));
    PQclear(result);
    return rows;
}

std::string RawPostgres::run(const std::string &statement, const std::vector<const char *> &values)
{
    PGresult *result = execPrepared(statement, values);
    std::string first = PQntuples(result) > 0 && PQnfields(result) > 0 ? PQgetvalue(result, 0, 0) : "";
    PQclear(result);
    return first;
}

} // namespace gongji
