// Start to first shown window: gongji-desk on a database against a minimal Qt Widgets program,
// each run GONGJI_EXIT_AFTER_SHOW=1 (quit once the window is exposed). Also reports each one's
// peak resident memory (ru_maxrss of the finished process).
// With --household-viewer VIEWER NUMBER it also measures the peak RSS of the GUI after opening
// that person's household (gongji-bench-gui-household) against the minimal program's.
//   bench_startup DESK MINIMAL DB [--runs N] [--household-viewer VIEWER NUMBER]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "BenchStats.h"

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
        fprintf(stderr, "bench_startup: %s exited with status %d\n", argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return false;
    }
    return true;
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
    const QStringList desk{args.at(1), QStringLiteral("--db"), args.at(3)};
    const QStringList minimal{args.at(2)};

    BenchStats deskMs, minimalMs, deskMb, minimalMb;
    for (int run = 0; run <= runs; ++run) { // run 0 warms the page cache and is not counted
        double ms = 0, mb = 0;
        for (int side = 0; side < 2; ++side) {
            const bool deskSide = (side == 0) == (run % 2 == 0);
            if (!runOnce(deskSide ? desk : minimal, &ms, &mb))
                return 1;
            if (run == 0)
                continue;
            (deskSide ? deskMs : minimalMs).add(ms);
            (deskSide ? deskMb : minimalMb).add(mb);
        }
    }
    printf("start-up: %d runs each, platform %s\n", runs,
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ? qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM"))
                                                        : (qEnvironmentVariableIsSet("DISPLAY") ? "xcb" : "default"));
    BenchStats::report(QStringLiteral("startup_first_window"), QStringLiteral("ms"), deskMs, minimalMs, 1.5);
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
        BenchStats::report(QStringLiteral("household_open_peak_rss"), QStringLiteral("MB"), viewerMb, minimalMb, 0, 150);
    }
    return 0;
}
