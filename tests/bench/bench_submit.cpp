// Checking and submitting a one-target filing through FilingSubmission (BEGIN IMMEDIATE, the
// evaluation again under the lock, filing + binding + proof + audit entry, synchronous=FULL)
// against a bare INSERT of the same rows + COMMIT through the raw SQLite C API.
//   bench_submit DB [--runs N]      DB is changed: give it a copy of the generated database.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

#include "BenchStats.h"
#include "PopulationGenerator.h"
#include "RawSqlite.h"
#include "filing/FilingSubmission.h"
#include "storage/Database.h"
#include "storage/PersonStore.h"
#include "storage/WriteTransaction.h"

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
    const int runs = args.indexOf(QStringLiteral("--runs")) > 0 ? args.at(args.indexOf(QStringLiteral("--runs")) + 1).toInt() : 200;
    const auto opened = Database::open(path, kConnection);
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    const auto modelCouples = addCouples(runs + 1, 2);
    const auto rawCouples = addCouples(runs + 1, 3);

    RawSqlite raw(path, true);
    sqlite3_stmt *filing = raw.prepare(
        "INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
        "commitment_version, commitment_at) VALUES (?, ?, 'bench', 'counter', ?, ?, 1, '2024-12', ?)");
    sqlite3_stmt *binding = raw.prepare(
        "INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
        "age_warning_confirmed) VALUES (?, ?, ?, 'spouse', 1, 'active', ?, 0)");
    sqlite3_stmt *proof = raw.prepare("INSERT INTO binding_proof (binding_id, proof) VALUES (?, 'marriage_certificate')");
    sqlite3_stmt *audit = raw.prepare(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, 'bench', 'filing', ?, ?)");
    sqlite3_stmt *begin = raw.prepare("BEGIN IMMEDIATE");
    sqlite3_stmt *commit = raw.prepare("COMMIT");

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
        draft.targets.append({QStringLiteral("spouse"), spouse.idType, spouse.idNumber, spouse.name,
                              {QStringLiteral("marriage_certificate")}, false});
        timer.start();
        const SubmissionResult result = submission.submit(draft);
        const double modelMs = timer.nsecsElapsed() / 1e6;
        if (!result.stored()) {
            fprintf(stderr, "bench_submit: filing %d was not stored: %s\n", i, qPrintable(result.error));
            return 1;
        }

        const auto &[rawHead, rawSpouse] = rawCouples.at(i);
        const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
        const QByteArray number = QStringLiteral("BENCH-%1-%2").arg(QCoreApplication::applicationPid()).arg(i).toLatin1();
        const QByteArray detail = QByteArrayLiteral("{\"authorizer\":\"") + rawHead.idNumber.left(6).toLatin1()
                                  + QByteArrayLiteral("********\",\"targets\":[]}");
        timer.start();
        raw.step(begin);
        sqlite3_bind_text(filing, 1, number.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(filing, 2, rawHead.id);
        sqlite3_bind_text(filing, 3, now.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(filing, 4, now.left(10).constData(), 10, SQLITE_TRANSIENT);
        sqlite3_bind_text(filing, 5, now.constData(), -1, SQLITE_STATIC);
        raw.step(filing);
        const sqlite3_int64 filingId = sqlite3_last_insert_rowid(raw.handle());
        sqlite3_bind_int64(binding, 1, filingId);
        sqlite3_bind_int64(binding, 2, rawHead.id);
        sqlite3_bind_int64(binding, 3, rawSpouse.id);
        sqlite3_bind_text(binding, 4, now.constData(), -1, SQLITE_STATIC);
        raw.step(binding);
        sqlite3_bind_int64(proof, 1, sqlite3_last_insert_rowid(raw.handle()));
        raw.step(proof);
        sqlite3_bind_text(audit, 1, now.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(audit, 2, number.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(audit, 3, detail.constData(), -1, SQLITE_STATIC);
        raw.step(audit);
        raw.step(commit);
        const double rawMs = timer.nsecsElapsed() / 1e6;
        if (i > 0) {
            model.add(modelMs);
            baseline.add(rawMs);
        }
    }
    printf("submit: %d one-target filings each way, synchronous=FULL, WAL\n", runs);
    BenchStats::report(QStringLiteral("submit_one_target"), QStringLiteral("ms"), model, baseline, 2.0);
    Database::close(kConnection);
    return 0;
}
