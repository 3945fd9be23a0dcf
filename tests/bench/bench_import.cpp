// Importing a registry CSV through RegistryImport (validation of every row, then one
// transaction of upserts with an audit entry) against sqlite3's own `.import` of the same file
// into an equivalently indexed table (UNIQUE (id_type, id_number), an index on name).
//   bench_import CSV WORKDIR [--runs N] [--sqlite3 PATH]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>

#include <cstdio>
#include <sys/resource.h>

#include "BenchStats.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/registry/RegistryImport.h"
#include "model/storage/Database.h"

using namespace gongji;

namespace {

// CPU seconds (user + system) of this process, or of its finished children.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

double modelImport(const QString &csv, const QString &path, int *rows, double *cpu)
{
    removeDatabase(path);
    const double cpuStart = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer timer;
    timer.start(); // creating the schema is part of what an office does on a new file
    const auto opened = Database::open(path, QStringLiteral("import"));
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        std::exit(2);
    }
    // A registry import is a supervisor's: the new file gets one first (its password hashing,
    // deliberately slow, is not part of the import and not timed).
    const double beforeAccount = timer.nsecsElapsed() / 1e9;
    const double beforeAccountCpu = cpuSeconds(RUSAGE_SELF);
    const ClerkAccounts::Result account
        = ClerkAccounts(QStringLiteral("import"))
              .createFirstSupervisor(QStringLiteral("bench"), QStringLiteral("Benchmark"),
                                     QStringLiteral("bench-supervisor-1"));
    if (!account.ok) {
        fprintf(stderr, "bench_import: cannot create the supervisor account: %s\n", qPrintable(account.error));
        std::exit(2);
    }
    const double accountSeconds = timer.nsecsElapsed() / 1e9 - beforeAccount;
    const double accountCpu = cpuSeconds(RUSAGE_SELF) - beforeAccountCpu;
    const RegistryImport::Result result
        = RegistryImport(QStringLiteral("import")).importFile(csv, QStringLiteral("bench"));
    const double seconds = timer.nsecsElapsed() / 1e9 - accountSeconds;
    // Less the password hashing, as the wall time above.
    *cpu = cpuSeconds(RUSAGE_SELF) - cpuStart - accountCpu;
    Database::close(QStringLiteral("import"));
    if (!result.ok) {
        fprintf(stderr, "bench_import: RegistryImport refused the file: %s %s\n", qPrintable(result.error),
                result.rowErrors.isEmpty() ? "" : qPrintable(result.rowErrors.first().message));
        std::exit(1);
    }
    *rows = result.added;
    removeDatabase(path);
    return seconds;
}

double shellImport(const QString &sqlite3, const QString &csv, const QString &path, double *cpu)
{
    const double cpuStart = cpuSeconds(RUSAGE_CHILDREN);
    removeDatabase(path);
    // The same settings and uniqueness as the person table, and its name index.
    const QString script
        = QStringLiteral("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\n"
                         "CREATE TABLE person_import (name TEXT NOT NULL, id_type TEXT NOT NULL, id_number TEXT NOT "
                         "NULL, sex TEXT, "
                         "birth_date TEXT, insurance_type TEXT NOT NULL, employment TEXT, status TEXT NOT NULL, "
                         "pooling_region TEXT NOT NULL, "
                         "balance TEXT, public_medical INTEGER NOT NULL, UNIQUE (id_type, id_number));\n"
                         "CREATE INDEX person_import_by_name ON person_import (name);\n"
                         ".bail on\n.import --csv --skip 1 '%1' person_import\n")
              .arg(csv);
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(sqlite3, {path});
    process.write(script.toUtf8());
    process.closeWriteChannel();
    process.waitForFinished(-1);
    const double seconds = timer.nsecsElapsed() / 1e9;
    *cpu = cpuSeconds(RUSAGE_CHILDREN) - cpuStart;
    if (process.exitCode() != 0) {
        fprintf(stderr, "bench_import: sqlite3 .import failed: %s\n", process.readAllStandardError().constData());
        std::exit(1);
    }
    removeDatabase(path);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        fprintf(stderr, "usage: bench_import CSV WORKDIR [--runs N] [--sqlite3 PATH]\n");
        return 64;
    }
    const QString csv = args.at(1);
    const QDir work(args.at(2));
    const int runIndex = int(args.indexOf(QStringLiteral("--runs")));
    const int runs = runIndex > 0 ? args.at(runIndex + 1).toInt() : 3;
    const int shellIndex = int(args.indexOf(QStringLiteral("--sqlite3")));
    const QString sqlite3 = shellIndex > 0 ? args.at(shellIndex + 1) : QStringLiteral("sqlite3");

    BenchStats model, baseline, modelCpu, baselineCpu;
    int rows = 0;
    for (int run = 0; run < runs; ++run) {
        // Alternate the order: the second of a pair finds the CSV in the page cache either way.
        double modelSeconds = 0, shellSeconds = 0, modelCpuSeconds = 0, shellCpuSeconds = 0;
        const QString modelFile = work.filePath(QStringLiteral("import-model.sqlite"));
        const QString shellFile = work.filePath(QStringLiteral("import-shell.sqlite"));
        if (run % 2 == 0) {
            modelSeconds = modelImport(csv, modelFile, &rows, &modelCpuSeconds);
            shellSeconds = shellImport(sqlite3, csv, shellFile, &shellCpuSeconds);
        } else {
            shellSeconds = shellImport(sqlite3, csv, shellFile, &shellCpuSeconds);
            modelSeconds = modelImport(csv, modelFile, &rows, &modelCpuSeconds);
        }
        model.add(modelSeconds);
        baseline.add(shellSeconds);
        modelCpu.add(modelCpuSeconds);
        baselineCpu.add(shellCpuSeconds);
        fprintf(stderr, "  run %d: RegistryImport %.1f s (CPU %.1f s), sqlite3 .import %.1f s (CPU %.1f s)\n", run + 1,
                modelSeconds, modelCpuSeconds, shellSeconds, shellCpuSeconds);
    }
    printf("registry import: %d rows, %d runs each\n", rows, runs);
    BenchStats::report(QStringLiteral("registry_import"), QStringLiteral("s"), model, baseline, 2.0);
    // On a shared machine the wall time includes other programs' time slices; CPU time does not
    // (user + system, of this process and of the sqlite3 shell).
    BenchStats::report(QStringLiteral("registry_import_cpu"), QStringLiteral("s"), modelCpu, baselineCpu, 2.0);
    return 0;
}
