// Checking and submitting a one-target filing through FilingSubmission (BEGIN IMMEDIATE, the
// evaluation again under the lock, filing + binding + proof + audit entry, synchronous=FULL)
// against a bare INSERT of the same rows + COMMIT through the raw SQLite C API; on an office
// PostgreSQL database (BEGIN + the writer's advisory lock, the server's synchronous_commit)
// against the same INSERTs + COMMIT through libpq, prepared once.
//   bench_submit DB [--runs N]      DB is changed: give it a copy of the generated database
//                                   (a file, or postgresql://USER@HOST:PORT/DBNAME).
// Submitting needs a clerk account: when the database has none, the supervisor "bench" is
// created first (a supervisor may do all a clerk may) and files as draft.clerk.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <memory>

#include "BenchStats.h"
#include "PopulationGenerator.h"
#include "RawSqlite.h"
#ifdef GONGJI_BENCH_LIBPQ
#include "RawPostgres.h"
#endif
#include "model/accounts/ClerkAccounts.h"
#include "model/filing/FilingSubmission.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseLocation.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

const QString kConnection = QStringLiteral("bench");

// Couples (head + spouse) new to the registry, stored through PersonStore.
QList<QPair<Person, Person>> addCouples(int count, int idSpace)
{
    PopulationGenerator generator(7700 + idSpace, idSpace);
    QList<QPair<Person, Person>> couples;
    WriteTransaction transaction(kConnection);
    PersonStore persons(kConnection);
    for (int i = 0; i < count; ++i) {
        auto household = generator.nextHouseholdIn(QStringLiteral("330100"), 2);
        Person head = household.members.at(0).person;
        Person spouse = household.members.at(1).person;
        persons.upsert(head);
        persons.upsert(spouse);
        couples.append({head, spouse});
    }
    transaction.commit();
    return couples;
}

// The filing's row values, alike for both baselines.
struct RawRow
{
    RawRow(const Person &head, int i)
        : now(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1())
        , day(now.left(10))
        , number(QStringLiteral("BENCH-%1-%2").arg(QCoreApplication::applicationPid()).arg(i).toLatin1())
        , detail(QByteArrayLiteral("{\"authorizer\":\"") + head.idNumber.left(6).toLatin1()
                 + QByteArrayLiteral("********\",\"targets\":[]}"))
    {}
    QByteArray now, day, number, detail;
};

// Bare INSERTs of the four rows + COMMIT through the raw SQLite C API.
class SqliteSubmit
{
public:
    explicit SqliteSubmit(const QString &path) : m_raw(path, true)
    {
        m_filing = m_raw.prepare(
            "INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
            "commitment_version, commitment_at) VALUES (?, ?, 'bench', 'counter', ?, ?, 1, '2024-12', ?)");
        m_binding = m_raw.prepare(
            "INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
            "age_warning_confirmed) VALUES (?, ?, ?, 'spouse', 1, 'active', ?, 0)");
        m_proof = m_raw.prepare("INSERT INTO binding_proof (binding_id, proof) VALUES (?, 'marriage_certificate')");
        m_audit = m_raw.prepare(
            "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, 'bench', 'filing', ?, ?)");
        m_begin = m_raw.prepare("BEGIN IMMEDIATE");
        m_commit = m_raw.prepare("COMMIT");
    }
    void submit(const Person &head, const Person &spouse, const RawRow &row)
    {
        m_raw.step(m_begin);
        sqlite3_bind_text(m_filing, 1, row.number.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(m_filing, 2, head.id);
        sqlite3_bind_text(m_filing, 3, row.now.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(m_filing, 4, row.day.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(m_filing, 5, row.now.constData(), -1, SQLITE_STATIC);
        m_raw.step(m_filing);
        const sqlite3_int64 filingId = sqlite3_last_insert_rowid(m_raw.handle());
        sqlite3_bind_int64(m_binding, 1, filingId);
        sqlite3_bind_int64(m_binding, 2, head.id);
        sqlite3_bind_int64(m_binding, 3, spouse.id);
        sqlite3_bind_text(m_binding, 4, row.now.constData(), -1, SQLITE_STATIC);
        m_raw.step(m_binding);
        sqlite3_bind_int64(m_proof, 1, sqlite3_last_insert_rowid(m_raw.handle()));
        m_raw.step(m_proof);
        sqlite3_bind_text(m_audit, 1, row.now.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(m_audit, 2, row.number.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(m_audit, 3, row.detail.constData(), -1, SQLITE_STATIC);
        m_raw.step(m_audit);
        m_raw.step(m_commit);
    }

private:
    RawSqlite m_raw;
    sqlite3_stmt *m_filing, *m_binding, *m_proof, *m_audit, *m_begin, *m_commit;
};

#ifdef GONGJI_BENCH_LIBPQ
// The same four INSERTs (ids by RETURNING) + COMMIT through libpq, prepared once; BEGIN and
// COMMIT as plain statements. No advisory lock: that is the model's own cost.
class PostgresSubmit
{
public:
    explicit PostgresSubmit(const QString &address) : m_raw(address)
    {
        m_filing = m_raw.prepare(
            "INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
            "commitment_version, commitment_at) VALUES ($1, $2, 'bench', 'counter', $3, $4, 1, '2024-12', $5) "
            "RETURNING id",
            5);
        m_binding = m_raw.prepare(
            "INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
            "age_warning_confirmed) VALUES ($1, $2, $3, 'spouse', 1, 'active', $4, 0) RETURNING id",
            4);
        m_proof = m_raw.prepare("INSERT INTO binding_proof (binding_id, proof) VALUES ($1, 'marriage_certificate')", 1);
        m_audit = m_raw.prepare(
            "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, 'bench', 'filing', $2, $3)", 3);
    }
    void submit(const Person &head, const Person &spouse, const RawRow &row)
    {
        const std::string headId = std::to_string(head.id), spouseId = std::to_string(spouse.id);
        m_raw.exec("BEGIN");
        const std::string filingId = m_raw.run(
            m_filing,
            {row.number.constData(), headId.c_str(), row.now.constData(), row.day.constData(), row.now.constData()});
        const std::string bindingId
            = m_raw.run(m_binding, {filingId.c_str(), headId.c_str(), spouseId.c_str(), row.now.constData()});
        m_raw.run(m_proof, {bindingId.c_str()});
        m_raw.run(m_audit, {row.now.constData(), row.number.constData(), row.detail.constData()});
        m_raw.exec("COMMIT");
    }
    QString settings()
    {
        const std::string show
            = m_raw.prepare("SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') "
                            "|| ', synchronous_commit=' || current_setting('synchronous_commit') "
                            "|| ', wal_sync_method=' || current_setting('wal_sync_method') "
                            "|| ', shared_buffers=' || current_setting('shared_buffers')",
                            0);
        return QString::fromStdString(m_raw.run(show, {}));
    }

private:
    RawPostgres m_raw;
    std::string m_filing, m_binding, m_proof, m_audit;
};
#endif

// The account that files: "bench", created as the first supervisor when the database has none.
bool ensureClerk()
{
    ClerkAccounts accounts(kConnection);
    if (accounts.allows(QStringLiteral("bench"), ClerkRole::Clerk))
        return true;
    const auto created = accounts.createFirstSupervisor(QStringLiteral("bench"), QStringLiteral("bench"),
                                                        QStringLiteral("bench-password-1"));
    if (!created.ok)
        fprintf(stderr, "bench_submit: cannot create the account \"bench\": %s\n", qPrintable(created.error));
    return created.ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        fprintf(stderr, "usage: bench_submit DB [--runs N]\n");
        return 64;
    }
    const QString path = args.at(1);
    const int runs = args.indexOf(QStringLiteral("--runs")) > 0
        ? args.at(args.indexOf(QStringLiteral("--runs")) + 1).toInt()
        : 200;
    const bool server = DatabaseLocation::parse(path).isServer;
#ifndef GONGJI_BENCH_LIBPQ
    if (server) {
        fprintf(stderr,
                "bench_submit: built without libpq (Debian libpq-dev): no baseline for a PostgreSQL database\n");
        return 64;
    }
#endif
    const auto opened = Database::open(path, kConnection);
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    if (!ensureClerk())
        return 2;
    const auto modelCouples = addCouples(runs + 1, 2);
    const auto rawCouples = addCouples(runs + 1, 3);

    std::unique_ptr<SqliteSubmit> sqliteSubmit;
#ifdef GONGJI_BENCH_LIBPQ
    std::unique_ptr<PostgresSubmit> postgresSubmit;
    if (server)
        postgresSubmit = std::make_unique<PostgresSubmit>(path);
#endif
    if (!server)
        sqliteSubmit = std::make_unique<SqliteSubmit>(path);

    FilingSubmission submission(kConnection);
    BenchStats model, baseline;
    QElapsedTimer timer;
    for (int i = 0; i <= runs; ++i) { // run 0 warms up and is not counted
        const auto &[head, spouse] = modelCouples.at(i);
        FilingDraft draft;
        draft.authorizerIdType = head.idType;
        draft.authorizerIdNumber = head.idNumber;
        draft.authorizerName = head.name;
        draft.commitmentAcknowledged = true;
        draft.commitmentVersion = QStringLiteral("2024-12");
        draft.commitmentAt = QDateTime::currentDateTimeUtc();
        draft.filedOn = QDate::currentDate();
        draft.clerk = QStringLiteral("bench");
        draft.targets.append({QStringLiteral("spouse"),
                              spouse.idType,
                              spouse.idNumber,
                              spouse.name,
                              {QStringLiteral("marriage_certificate")},
                              false});
        timer.start();
        const SubmissionResult result = submission.submit(draft);
        const double modelMs = timer.nsecsElapsed() / 1e6;
        if (!result.stored()) {
            fprintf(stderr, "bench_submit: filing %d was not stored: %s\n", i, qPrintable(result.error));
            return 1;
        }

        const auto &[rawHead, rawSpouse] = rawCouples.at(i);
        const RawRow row(rawHead, i);
        timer.start();
#ifdef GONGJI_BENCH_LIBPQ
        if (postgresSubmit)
            postgresSubmit->submit(rawHead, rawSpouse, row);
        else
#endif
            sqliteSubmit->submit(rawHead, rawSpouse, row);
        const double rawMs = timer.nsecsElapsed() / 1e6;
        if (i > 0) {
            model.add(modelMs);
            baseline.add(rawMs);
        }
    }
#ifdef GONGJI_BENCH_LIBPQ
    if (postgresSubmit) {
        printf("submit: %d one-target filings each way on %s; server %s; baseline libpq; no goal\n", runs,
               qPrintable(DatabaseLocation::parse(path).displayName()), qPrintable(postgresSubmit->settings()));
        BenchStats::report(QStringLiteral("pg_submit_one_target"), QStringLiteral("ms"), model, baseline, 0);
        printf("diagnostic: fastest 10%% (p10): model %.3f ms, libpq %.3f ms\n", model.quantile(0.1),
               baseline.quantile(0.1));
        Database::close(kConnection);
        return 0;
    }
#endif
    printf("submit: %d one-target filings each way, synchronous=FULL, WAL\n", runs);
    BenchStats::report(QStringLiteral("submit_one_target"), QStringLiteral("ms"), model, baseline, 2.0);
    Database::close(kConnection);
    return 0;
}
