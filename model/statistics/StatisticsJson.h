#pragma once
#include <QJsonObject>

#include "model/statistics/OfficeStatistics.h"

namespace gongji {

// The statistics as one JSON object (gongji-admin report --json; docs/statistics.md): filings,
// targets_accepted, targets_refused, refusals (code → count), revocations (+ by reason, by who
// asked), automatic_ends (+ by cause), kinship_bindings, kinship_endings, by_clerk, by_region,
// by_rule_set, filings_per_day, journal_waiting.
class StatisticsJson
{
public:
    static QJsonObject toJson(const OfficeStatistics &stats);
    static QJsonObject figuresJson(const OfficeStatistics::Figures &figures);
};

} // namespace gongji
