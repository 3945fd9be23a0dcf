#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintableSummary.h"
#include "model/statistics/OfficeStatistics.h"

namespace gongji {

// The office's report of a day or period (日报; docs/statistics.md), printed through the same path
// as the summaries (PrintableSummary, SummaryPainter, SummaryPdf): the counts, the charts as bars
// beside their numbers, the period's filings and revocations with ID numbers masked, and the
// supervisor's sign-off line.
class DailyReport
{
public:
    // Longer lists are cut here, and the report says how many there were.
    static constexpr int kListedRows = 500;

    DailyReport(const QString &connection, const OfficeInfo &office, const QString &supervisor);

    PrintableSummary build(const OfficeStatistics &stats) const;
    bool toPdf(const OfficeStatistics &stats, const QString &path, QString *error) const;

private:
    QString m_connection;
    OfficeInfo m_office;
    QString m_supervisor;
};

} // namespace gongji
