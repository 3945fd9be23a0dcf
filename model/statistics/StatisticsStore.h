#pragma once
#include <QDateTime>
#include <QList>
#include <QString>

#include "model/domain/Person.h"

#include "model/statistics/OfficeStatistics.h"

namespace gongji {

// Every SQL statement of the office statistics: aggregates over the time-indexed columns
// (filing.filed_at, binding.ended_at, kinship_binding.started_at/ended_at, refused_target.at),
// grouped in SQL; the rows themselves never leave the database (docs/statistics.md).
class StatisticsStore
{
public:
    explicit StatisticsStore(const QString &connection);

    OfficeStatistics compute(const StatisticsPeriod &period) const;

    // The period's filings and ended bindings as the report lists them, oldest first, at most
    // `limit` of each (the persons with full numbers: the caller masks them).
    struct FilingLine
    {
        QString number;
        QDateTime filedAt;
        QString clerk;
        QString channel;
        Person authorizer;
        qint64 targets = 0;
    };
    struct EndLine
    {
        qint64 bindingId = 0;
        QDateTime endedAt;
        QString clerk;
        Person authorizer;
        Person target;
        QString requestedBy;
        QString reason;
    };
    QList<FilingLine> filingsIn(const StatisticsPeriod &period, int limit) const;
    QList<EndLine> endsIn(const StatisticsPeriod &period, int limit) const;

private:
    QString m_connection;
};

} // namespace gongji
