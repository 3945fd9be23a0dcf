#pragma once
#include <QByteArray>

#include "model/statistics/OfficeStatistics.h"

namespace gongji {

// The statistics as CSV for a spreadsheet (gongji-admin report --csv): UTF-8 with BOM, one count a
// row under the header section,key,measure,value (docs/statistics.md), e.g.
// "total,,filings,12", "refusals,TARGET_BOUND_ELSEWHERE,targets_refused,3",
// "by_clerk,tester,filings,5", "filings_per_day,2026-12-01,filings,4".
class StatisticsCsv
{
public:
    static QByteArray toCsv(const OfficeStatistics &stats);
};

} // namespace gongji
