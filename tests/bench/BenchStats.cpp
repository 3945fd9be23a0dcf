#include "BenchStats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace gongji {

double BenchStats::quantile(double q) const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const int rank = std::max(1, int(std::ceil(q * sorted.size())));
    return sorted.at(rank - 1);
}

double BenchStats::threadCpuMicroseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
}

bool BenchStats::report(const QString &name, const QString &unit, const BenchStats &measured,
                        const BenchStats &baseline, double goalRatio, double goalAbsolute)
{
    const double ratio = baseline.median() > 0 ? measured.median() / baseline.median() : 0;
    bool met = true;
    QString goal;
    if (goalRatio > 0) {
        met = met && ratio <= goalRatio;
        goal += QStringLiteral("ratio<=%1").arg(goalRatio);
    }
    if (goalAbsolute > 0) {
        met = met && measured.median() <= goalAbsolute;
        goal += (goal.isEmpty() ? QString() : QStringLiteral(","))
            + QStringLiteral("median<=%1%2").arg(goalAbsolute).arg(unit);
    }
    if (goal.isEmpty())
        goal = QStringLiteral("none");
    printf("%-28s n=%-5d median %10.3f %-3s p95 %10.3f | baseline n=%-5d median %10.3f p95 %10.3f | ratio %5.2f | goal "
           "%s: %s\n",
           qPrintable(name), measured.count(), measured.median(), qPrintable(unit), measured.p95(), baseline.count(),
           baseline.median(), baseline.p95(), ratio, qPrintable(goal), met ? "met" : "MISSED");
    printf("RESULT name=%s unit=%s n=%d median=%.4f p95=%.4f baseline_n=%d baseline_median=%.4f baseline_p95=%.4f "
           "ratio=%.3f goal=%s met=%s\n",
           qPrintable(name), qPrintable(unit), measured.count(), measured.median(), measured.p95(), baseline.count(),
           baseline.median(), baseline.p95(), ratio, qPrintable(goal), met ? "yes" : "no");
    fflush(stdout);
    return met;
}

} // namespace gongji
