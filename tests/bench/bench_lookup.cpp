// Household lookup by ID number (person + all bindings of both kinds): HouseholdStore's one
// statement against the five indexed queries through the raw SQLite C API, or on an office
// PostgreSQL database against the same one statement through libpq, prepared once.
//   bench_lookup DB [--passes N] [--lookups FILE]
// DB is a SQLite file or postgresql://USER@HOST:PORT/DBNAME. FILE lists the ID numbers
// (gongji-bench-generate writes DB.lookups.txt beside a file, the default for a file).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <cstdio>
#include <memory>

#include "BenchStats.h"
#include "RawSqlite.h"
#ifdef GONGJI_BENCH_LIBPQ
#include "RawPostgres.h"
#endif
#include "model/storage/Database.h"
#include "model/storage/DatabaseLocation.h"
#include "model/storage/HouseholdStore.h"

using namespace gongji;

namespace {

const char *kPersonColumns = "id, name, id_type, id_number, sex, birth_date, insurance_type, employment, status, "
                             "pooling_region, balance_fen, public_medical";

// The statements of PersonStore::findByDocument and HouseholdStore::bindingsOf, verbatim.
struct RawLookup
{
    explicit RawLookup(RawSqlite &db) : m_db(db)
    {
        const std::string person
            = std::string("SELECT ") + kPersonColumns + " FROM person WHERE id_type = ? AND id_number = ?";
        m_person = db.prepare(person.c_str());
        const std::string p
            = "p.id, p.name, p.id_type, p.id_number, p.sex, p.birth_date, p.insurance_type, p.employment, "
              "p.status, p.pooling_region, p.balance_fen, p.public_medical";
        const std::string b = "SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, "
                              "b.end_requested_by, b.end_reason, f.filing_no, "
            + p + " FROM binding b JOIN filing f ON f.id = b.filing_id ";
        const std::string k = "SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, "
                              "k.end_requested_by, k.end_reason, k.binding_no, "
            + p + " FROM kinship_binding k ";
        const std::string branches[]
            = {b + "JOIN person p ON p.id = b.target_id WHERE b.authorizer_id = ? ORDER BY 4, 1",
               b + "JOIN person p ON p.id = b.authorizer_id WHERE b.target_id = ? ORDER BY 4, 1",
               k + "JOIN person p ON p.id = k.member_id WHERE k.holder_id = ? ORDER BY 4, 1",
               k + "JOIN person p ON p.id = k.holder_id WHERE k.member_id = ? ORDER BY 4, 1"};
        for (const std::string &sql : branches)
            m_branches.push_back(db.prepare(sql.c_str()));
    }
    int lookup(const QByteArray &number)
    {
        m_sink.clear();
        sqlite3_bind_text(m_person, 1, "01", -1, SQLITE_STATIC);
        sqlite3_bind_text(m_person, 2, number.constData(), int(number.size()), SQLITE_STATIC);
        sqlite3_int64 id = 0;
        if (sqlite3_step(m_person) == SQLITE_ROW) {
            id = sqlite3_column_int64(m_person, 0);
            for (int c = 0; c < sqlite3_column_count(m_person); ++c) {
                const unsigned char *text = sqlite3_column_text(m_person, c);
                m_sink.emplace_back(text ? reinterpret_cast<const char *>(text) : "");
            }
        }
        sqlite3_reset(m_person);
        int rows = 0;
        for (sqlite3_stmt *branch : m_branches) {
            sqlite3_bind_int64(branch, 1, id);
            rows += m_db.drain(branch, m_sink);
        }
        return rows;
    }
    RawSqlite &m_db;
    sqlite3_stmt *m_person;
    std::vector<sqlite3_stmt *> m_branches;
    std::vector<std::string> m_sink;
};

#ifdef GONGJI_BENCH_LIBPQ
// The model's one household statement (HouseholdStore::householdByDocumentSql) through libpq,
// prepared once on the server ($n placeholders): one round trip, as the model's.
struct PgLookup
{
    explicit PgLookup(RawPostgres &db) : m_db(db)
    {
        const QString sql = HouseholdStore::householdByDocumentSql()
                                .replace(QStringLiteral(":type"), QStringLiteral("$1"))
                                .replace(QStringLiteral(":number"), QStringLiteral("$2"));
        m_household = db.prepare(sql.toUtf8().constData(), 2);
        m_ping = db.prepare("SELECT 1", 0);
    }
    // One round trip to the server and back that does nothing: what each statement costs at least.
    void ping() { m_db.run(m_ping, {}); }
    int lookup(const QByteArray &number)
    {
        m_sink.clear();
        const int rows = m_db.drain(m_household, {"01", number.constData()}, m_sink);
        return rows > 0 ? rows - 1 : 0; // the person's row, then one a binding
    }
    RawPostgres &m_db;
    std::string m_household, m_ping;
    std::vector<std::string> m_sink;
};
#endif

// Diagnostic baseline: the same statements through QtSql (QSqlQuery), prepared once and
// reused, values read as QVariant. What the model would cost with a prepared-statement cache:
// it separates the cost of preparing every statement on every call from QtSql's own.
struct QtPreparedLookup
{
    explicit QtPreparedLookup(const QString &connection)
    {
        const QSqlDatabase db = QSqlDatabase::database(connection, false);
        m_person = QSqlQuery(db);
        m_person.prepare(QStringLiteral("SELECT %1 FROM person WHERE id_type = ? AND id_number = ?")
                             .arg(QLatin1String(kPersonColumns)));
        for (const QString &sql : branchSql()) {
            QSqlQuery query(db);
            query.prepare(sql);
            m_branches.append(query);
        }
    }
    static QStringList branchSql()
    {
        const QString p = QStringLiteral("p.id, p.name, p.id_type, p.id_number, p.sex, p.birth_date, p.insurance_type, "
                                         "p.employment, p.status, p.pooling_region, p.balance_fen, p.public_medical");
        const QString b = QStringLiteral("SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, "
                                         "b.end_requested_by, b.end_reason, f.filing_no, ")
            + p + QStringLiteral(" FROM binding b JOIN filing f ON f.id = b.filing_id ");
        const QString k = QStringLiteral("SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, "
                                         "k.end_requested_by, k.end_reason, k.binding_no, ")
            + p + QStringLiteral(" FROM kinship_binding k ");
        return {b + QStringLiteral("JOIN person p ON p.id = b.target_id WHERE b.authorizer_id = ? ORDER BY 4, 1"),
                b + QStringLiteral("JOIN person p ON p.id = b.authorizer_id WHERE b.target_id = ? ORDER BY 4, 1"),
                k + QStringLiteral("JOIN person p ON p.id = k.member_id WHERE k.holder_id = ? ORDER BY 4, 1"),
                k + QStringLiteral("JOIN person p ON p.id = k.holder_id WHERE k.member_id = ? ORDER BY 4, 1")};
    }
    int lookup(const QString &number)
    {
        m_values.clear();
        m_person.bindValue(0, QStringLiteral("01"));
        m_person.bindValue(1, number);
        m_person.exec();
        qint64 id = 0;
        if (m_person.next()) {
            id = m_person.value(0).toLongLong();
            for (int c = 0; c < 12; ++c)
                m_values.append(m_person.value(c));
        }
        m_person.finish();
        int rows = 0;
        for (QSqlQuery &branch : m_branches) {
            branch.bindValue(0, id);
            branch.exec();
            while (branch.next()) {
                for (int c = 0; c < 21; ++c)
                    m_values.append(branch.value(c));
                ++rows;
            }
            branch.finish();
        }
        return rows;
    }
    QSqlQuery m_person;
    QList<QSqlQuery> m_branches;
    QVariantList m_values;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        fprintf(stderr, "usage: bench_lookup DB [--passes N] [--lookups FILE]\n");
        return 64;
    }
    const QString path = args.at(1);
    const int passes = args.indexOf(QStringLiteral("--passes")) > 0
        ? args.at(args.indexOf(QStringLiteral("--passes")) + 1).toInt()
        : 3;
    const bool server = DatabaseLocation::parse(path).isServer;
    const int lookupsAt = args.indexOf(QStringLiteral("--lookups"));
    if (server && lookupsAt < 0) {
        fprintf(stderr,
                "bench_lookup: give the ID numbers to look up with --lookups FILE (e.g. the SQLite source's "
                ".lookups.txt)\n");
        return 64;
    }
#ifndef GONGJI_BENCH_LIBPQ
    if (server) {
        fprintf(stderr,
                "bench_lookup: built without libpq (Debian libpq-dev): no baseline for a PostgreSQL database\n");
        return 64;
    }
#endif
    const QString listPath = lookupsAt > 0 ? args.value(lookupsAt + 1) : path + QStringLiteral(".lookups.txt");
    QFile list(listPath);
    if (!list.open(QIODevice::ReadOnly)) {
        fprintf(stderr, "bench_lookup: cannot read %s\n", qPrintable(listPath));
        return 1;
    }
    QStringList numbers;
    while (!list.atEnd())
        numbers << QString::fromLatin1(list.readLine().trimmed());

    const auto opened = Database::open(path, QStringLiteral("bench"));
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    HouseholdStore households(QStringLiteral("bench"));
    // The baseline: the raw SQLite C API on a file, libpq on a server.
    std::unique_ptr<RawSqlite> raw;
    std::unique_ptr<RawLookup> rawSqlite;
#ifdef GONGJI_BENCH_LIBPQ
    std::unique_ptr<RawPostgres> pg;
    std::unique_ptr<PgLookup> rawPg;
    if (server) {
        pg = std::make_unique<RawPostgres>(path);
        rawPg = std::make_unique<PgLookup>(*pg);
    }
#endif
    if (!server) {
        raw = std::make_unique<RawSqlite>(path);
        rawSqlite = std::make_unique<RawLookup>(*raw);
    }
    const auto rawLookup = [&](const QByteArray &number) {
#ifdef GONGJI_BENCH_LIBPQ
        if (rawPg)
            return rawPg->lookup(number);
#endif
        return rawSqlite->lookup(number);
    };

    QtPreparedLookup qtPrepared(QStringLiteral("bench"));
    BenchStats model, baseline, modelCpu, baselineCpu, qtPreparedStats, roundTrip;
    qint64 modelRows = 0, rawRows = 0;
    QElapsedTimer timer;
    for (int pass = 0; pass <= passes; ++pass) { // pass 0 warms the page cache and is not counted
        for (int i = 0; i < numbers.size(); ++i) {
            const QString &number = numbers.at(i);
            const QByteArray latin = number.toLatin1();
            // Alternate which side goes first, so neither always finds the pages the other just read.
            for (int side = 0; side < 2; ++side) {
                const bool modelSide = (side == 0) == (i % 2 == 0);
                const double cpuStart = BenchStats::threadCpuMicroseconds();
                timer.start();
                if (modelSide) {
                    const auto household = households.findByDocument(QStringLiteral("01"), number);
                    const int rows = household ? int(household->bindings.size()) : 0;
                    const double us = timer.nsecsElapsed() / 1000.0;
                    if (pass > 0) {
                        model.add(us);
                        modelCpu.add(BenchStats::threadCpuMicroseconds() - cpuStart);
                        modelRows += rows;
                    }
                } else {
                    const int rows = rawLookup(latin);
                    const double us = timer.nsecsElapsed() / 1000.0;
                    if (pass > 0) {
                        baseline.add(us);
                        baselineCpu.add(BenchStats::threadCpuMicroseconds() - cpuStart);
                        rawRows += rows;
                    }
                }
            }
        }
    }
    // The diagnostics in sweeps of their own: run beside the measured sides, a round trip on the
    // baseline's connection just before it would find that server process awake, the model's not.
    for (int pass = 1; pass <= passes; ++pass) {
        for (const QString &number : std::as_const(numbers)) {
            timer.start();
            qtPrepared.lookup(number);
            qtPreparedStats.add(timer.nsecsElapsed() / 1000.0);
        }
#ifdef GONGJI_BENCH_LIBPQ
        if (rawPg) {
            for (qsizetype i = 0; i < numbers.size(); ++i) {
                timer.start();
                rawPg->ping();
                roundTrip.add(timer.nsecsElapsed() / 1000.0);
            }
        }
#endif
    }
    if (modelRows != rawRows || modelRows == 0) {
        fprintf(stderr, "bench_lookup: the two sides read different rows (%lld vs %lld)\n", modelRows, rawRows);
        return 1;
    }
    printf("household lookup: %d ID numbers x %d passes, %.2f bindings per household\n", int(numbers.size()), passes,
           double(modelRows) / model.count());
    if (server) {
        // The goals are the local file's; on a server the figures stand beside libpq's.
        printf("on %s, baseline libpq: the same one statement, prepared once\n",
               qPrintable(DatabaseLocation::parse(path).displayName()));
        BenchStats::report(QStringLiteral("pg_household_lookup"), QStringLiteral("us"), model, baseline, 1.5);
        printf("thread CPU time of this process only (the server's work is not in it):\n");
        BenchStats::report(QStringLiteral("pg_household_lookup_cpu"), QStringLiteral("us"), modelCpu, baselineCpu, 0);
        printf("diagnostic: the same statements through QSqlQuery prepared once, against libpq:\n");
        BenchStats::report(QStringLiteral("pg_lookup_qtsql_prepared_once"), QStringLiteral("us"), qtPreparedStats,
                           baseline, 0);
        printf("diagnostic: one round trip (libpq, prepared SELECT 1) median %.1f us p95 %.1f us; a lookup makes 1\n",
               roundTrip.median(), roundTrip.p95());
        // Two processes wake each other five times a lookup: on a busy machine every wake-up waits
        // for a time slice. The fastest tenth is closer to what the lookup costs when the machine is idle.
        printf("diagnostic: fastest 10%% (p10): model %.1f us, libpq %.1f us, QSqlQuery prepared once %.1f us, round "
               "trip %.1f us\n",
               model.quantile(0.1), baseline.quantile(0.1), qtPreparedStats.quantile(0.1), roundTrip.quantile(0.1));
    } else {
        BenchStats::report(QStringLiteral("household_lookup"), QStringLiteral("us"), model, baseline, 2.0, 1000.0);
        BenchStats::report(QStringLiteral("household_lookup_cpu"), QStringLiteral("us"), modelCpu, baselineCpu, 2.0,
                           1000.0);
        printf("diagnostic (no goal): the same statements through QSqlQuery prepared once, against the raw C API:\n");
        BenchStats::report(QStringLiteral("lookup_qtsql_prepared_once"), QStringLiteral("us"), qtPreparedStats,
                           baseline, 0);
    }
    Database::close(QStringLiteral("bench"));
    return 0; // a missed goal is a figure in the report, not a failure of the program
}
