// Start to first shown window: gongji-desk on a database against a minimal Qt Widgets program,
// each run GONGJI_EXIT_AFTER_SHOW=1 (quit once the window is exposed). Also reports each one's
// peak resident memory (ru_maxrss of the finished process).
// The desk's first window is its sign-in dialog: timed as the goal's "first shown window" (the
// desk without --clerk quits once the dialog is exposed). Then the benchmark signs in
// automatically (--clerk bench --password-file F) so that the time runs to the main window, the
// desk's real path. The account `bench` (supervisor) is created when the database has no account. Checking
// the password is Argon2id at the Interactive cost (PasswordHash), slow and memory-hungry by
// design: it is timed here on its own too (in this process), so that the report can show the
// start-up without it.
// With --household-viewer VIEWER NUMBER it also measures the peak RSS of the GUI after opening
// that person's household (gongji-bench-gui-household) against the minimal program's.
//   bench_startup DESK MINIMAL DB [--runs N] [--household-viewer VIEWER NUMBER]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "BenchStats.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/Database.h"

using namespace gongji;

namespace {

// Runs PROGRAM ARGS to its end; returns the wall time in ms and the peak RSS in MB.
bool runOnce(const QStringList &command, double *ms, double *peakMb)
{
    QList<QByteArray> storage;
    for (const QString &part : command)
        storage.append(part.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    *ms = timer.nsecsElapsed() / 1e6;
    *peakMb = usage.ru_maxrss / 1024.0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_startup: %s exited with status %d\n", argv[0],
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return false;
    }
    return true;
}

const char *kLogin = "bench";
const char *kPassword = "bench-startup-1";

// Makes sure DB has the account `bench` with a known password and times checking that password
// (`verifyMs`); false (said why) otherwise.
bool prepareAccount(const QString &db, BenchStats &verifyMs)
{
    const QString connection = QStringLiteral("startup");
    const auto opened = Database::open(db, connection);
    if (!opened.ok) {
        fprintf(stderr, "bench_startup: %s\n", qPrintable(opened.error));
        return false;
    }
    bool ok = true;
    ClerkStore store(connection);
    if (!store.findByLogin(QLatin1String(kLogin))) {
        if (!store.all().isEmpty()) {
            fprintf(stderr, "bench_startup: %s has accounts but not \"%s\"; use a database without accounts\n",
                    qPrintable(db), kLogin);
            ok = false;
        } else {
            const auto created = ClerkAccounts(connection)
                                     .createFirstSupervisor(QLatin1String(kLogin), QStringLiteral("Benchmark"),
                                                            QLatin1String(kPassword));
            if (!created.ok) {
                fprintf(stderr, "bench_startup: %s\n", qPrintable(created.error));
                ok = false;
            }
        }
    }
    if (const auto account = store.findByLogin(QLatin1String(kLogin))) {
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            PasswordHash::verify(account->passwordHash, QLatin1String(kPassword));
            verifyMs.add(timer.nsecsElapsed() / 1e6);
        }
    }
    Database::close(connection);
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        fprintf(stderr, "usage: bench_startup DESK MINIMAL DB [--runs N]\n");
        return 64;
    }
    const int runIndex = int(args.indexOf(QStringLiteral("--runs")));
    const int runs = runIndex > 0 ? args.at(runIndex + 1).toInt() : 20;
    qputenv("GONGJI_EXIT_AFTER_SHOW", "1");
    BenchStats verifyMs;
    if (!prepareAccount(args.at(3), verifyMs))
        return 1;
    QTemporaryDir work;
    const QString passwordFile = work.filePath(QStringLiteral("password"));
    QFile password(passwordFile);
    if (!password.open(QIODevice::WriteOnly) || password.write(kPassword) < 0)
        return 1;
    password.close();
    const QStringList desk{args.at(1),
                           QStringLiteral("--db"),
                           args.at(3),
                           QStringLiteral("--clerk"),
                           QLatin1String(kLogin),
                           QStringLiteral("--password-file"),
                           passwordFile};
    const QStringList minimal{args.at(2)};
    // The first window a clerk sees is the sign-in dialog (no --clerk: it quits once shown).
    const QStringList deskSignIn{args.at(1), QStringLiteral("--db"), args.at(3)};

    BenchStats deskMs, minimalMs, deskMb, minimalMb, signInMs, signInMb;
    for (int run = 0; run <= runs; ++run) { // run 0 warms the page cache and is not counted
        double ms = 0, mb = 0;
        // Rotating the order spreads any drift of the machine's load over all three.
        for (int side = 0; side < 3; ++side) {
            const int which = (side + run) % 3;
            const QStringList &command = which == 0 ? desk : which == 1 ? minimal : deskSignIn;
            if (!runOnce(command, &ms, &mb))
                return 1;
            if (run == 0)
                continue;
            (which == 0 ? deskMs : which == 1 ? minimalMs : signInMs).add(ms);
            (which == 0 ? deskMb : which == 1 ? minimalMb : signInMb).add(mb);
        }
    }
    printf("start-up: %d runs each, platform %s\n", runs,
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM"))
                                                        : (qEnvironmentVariableIsSet("DISPLAY") ? "xcb" : "default"));
    BenchStats::report(QStringLiteral("startup_first_window_sign_in"), QStringLiteral("ms"), signInMs, minimalMs, 1.5);
    BenchStats::report(QStringLiteral("startup_main_window"), QStringLiteral("ms"), deskMs, minimalMs, 1.5);
    // Diagnostic: the same less the password check, which a counter pays once per sign-in.
    BenchStats deskLessVerify;
    for (double ms : deskMs.values())
        deskLessVerify.add(ms - verifyMs.median());
    printf("diagnostic (no goal): checking the sign-in password (Argon2id, Interactive) %.1f ms median of %d;\n"
           "the start-up to the main window less that:\n",
           verifyMs.median(), int(verifyMs.count()));
    BenchStats::report(QStringLiteral("startup_main_window_less_password_check"), QStringLiteral("ms"), deskLessVerify,
                       minimalMs, 1.5);
    BenchStats::report(QStringLiteral("startup_peak_rss"), QStringLiteral("MB"), deskMb, minimalMb, 0, 150);

    const int viewerIndex = int(args.indexOf(QStringLiteral("--household-viewer")));
    if (viewerIndex > 0) {
        const QStringList viewer{args.at(viewerIndex + 1), args.at(3), args.at(viewerIndex + 2)};
        BenchStats viewerMb, viewerMs;
        for (int run = 0; run < qMax(3, runs / 4); ++run) {
            double ms = 0, mb = 0;
            if (!runOnce(viewer, &ms, &mb))
                return 1;
            viewerMs.add(ms);
            viewerMb.add(mb);
        }
        BenchStats::report(QStringLiteral("household_open_peak_rss"), QStringLiteral("MB"), viewerMb, minimalMb, 0,
                           150);
    }
    return 0;
}
