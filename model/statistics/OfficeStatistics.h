#pragma once
#include <QDate>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include "model/statistics/StatisticsPeriod.h"

namespace gongji {

// What the office did in a period (docs/statistics.md): the same numbers for the statistics screen,
// the daily report and `gongji-admin report`. Computed by StatisticsStore; no ID number in here.
struct OfficeStatistics
{
    // The counts of one clerk, one pooling region or one rule set.
    struct Figures
    {
        qint64 filings = 0;
        qint64 targetsAccepted = 0;
        qint64 targetsRefused = 0;
        qint64 revocations = 0;
        qint64 automaticEnds = 0;
        qint64 kinshipBindings = 0;
        qint64 kinshipEndings = 0;
    };

    StatisticsPeriod period;
    Figures total;
    QMap<QString, qint64> refusals; // refusal code → targets refused with it
    QMap<QString, qint64> revocationsByReason;
    QMap<QString, qint64> revocationsByRequester; // authorizer, target
    QMap<QString, qint64> automaticEndsByCause; // the stored reason, e.g. "registry: deceased"
    QMap<QString, Figures> byClerk;
    QMap<QString, Figures> byRegion; // the authorizer's (holder's) pooling region
    QMap<QString, Figures> byRuleSet; // rule set id as text (kinship accounts have none)
    QMap<QString, QString> ruleSetTitles; // rule set id as text → "330000 浙江省…"
    QList<QPair<QDate, qint64>> filingsPerDay;
    // Service ratings (好差评), level (5 非常满意 … 1 非常不满意) → count, in all and per clerk served.
    QMap<int, qint64> ratings;
    QMap<QString, QMap<int, qint64>> ratingsByClerk;
    qint64 journalWaiting = 0; // hand-over lines without the platform's answer (now)
};

} // namespace gongji
