#pragma once
#include <QList>
#include <QString>

namespace gongji {

// Samples of one measured thing, and the one report line every benchmark prints: median and
// p95 of the measurement beside its baseline from the same run, their ratio and the goal.
class BenchStats
{
public:
    void add(double value) { m_samples.append(value); }
    int count() const { return int(m_samples.size()); }
    double median() const { return quantile(0.5); }
    double p95() const { return quantile(0.95); }
    double quantile(double q) const; // nearest rank
    const QList<double> &values() const { return m_samples; }

    // CPU time of the calling thread in microseconds. Beside wall time on a shared machine:
    // a preempted run's wall time includes other programs' time slices, its CPU time does not.
    static double threadCpuMicroseconds();

    // Prints a table row and a machine-readable "RESULT ..." line (collected by
    // run-benchmarks.sh). `goalRatio` 0: no ratio goal; `goalAbsolute` 0: no absolute goal.
    // Returns whether the goals are met.
    static bool report(const QString &name, const QString &unit, const BenchStats &measured, const BenchStats &baseline,
                       double goalRatio, double goalAbsolute = 0);

private:
    QList<double> m_samples;
};

} // namespace gongji
