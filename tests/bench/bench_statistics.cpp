// A month of office statistics (StatisticsStore::compute: every count, breakdown and day of the
// statistics screen and of `gongji-admin report`) on the benchmark database, beside the one
// indexed COUNT(*) of the month's filings as the baseline.
//   bench_statistics DB [--month YYYY-MM] [--runs N]
// Without --month: the month of the latest filing. Goal: median under 1 s.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

#include "BenchStats.h"
#include "model/storage/Database.h"
#include "model/statistics/StatisticsStore.h"
#include "model/storage/Timestamp.h"

using namespace gongji;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        fprintf(stderr, "usage: bench_statistics DB [--month YYYY-MM] [--runs N]\n");
        return 64;
    }
    const int runsAt = args.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt > 0 ? args.value(runsAt + 1).toInt() : 7;
    const auto opened = Database::open(args.at(1), QStringLiteral("bench"));
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    QSqlQuery query(QSqlDatabase::database(QStringLiteral("bench")));
    QDate month;
    const int monthAt = args.indexOf(QStringLiteral("--month"));
    if (monthAt > 0) {
        month = QDate::fromString(args.value(monthAt + 1) + QStringLiteral("-01"), Qt::ISODate);
    } else if (query.exec(QStringLiteral("SELECT MAX(filed_at) FROM filing")) && query.next()) {
        const QDate last = Timestamp::fromText(query.value(0).toString()).toOffsetFromUtc(480 * 60).date();
        month = QDate(last.year(), last.month(), 1);
    }
    if (!month.isValid()) {
        fprintf(stderr, "bench_statistics: no month to count (give --month YYYY-MM)\n");
        return 64;
    }
    const StatisticsPeriod period = StatisticsPeriod::month(month, 480);
    BenchStats measured, baseline;
    OfficeStatistics stats;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        stats = StatisticsStore(QStringLiteral("bench")).compute(period);
        measured.add(timer.nsecsElapsed() / 1e6);
        timer.restart();
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM filing WHERE filed_at >= ? AND filed_at < ?"));
        query.addBindValue(period.startText());
        query.addBindValue(period.endText());
        if (query.exec() && query.next())
            baseline.add(timer.nsecsElapsed() / 1e6);
    }
    printf("month %s: %lld filings, %lld targets accepted, %lld revocations, %lld automatic ends, %lld clerks\n",
           qPrintable(month.toString(QStringLiteral("yyyy-MM"))), stats.total.filings, stats.total.targetsAccepted,
           stats.total.revocations, stats.total.automaticEnds, qint64(stats.byClerk.size()));
    return BenchStats::report(QStringLiteral("statistics_month"), QStringLiteral("ms"), measured, baseline, 0, 1000)
        ? 0
        : 1;
}
