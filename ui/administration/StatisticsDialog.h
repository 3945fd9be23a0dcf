#pragma once
#include <QDialog>

#include "model/statistics/OfficeStatistics.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace gongji {

class ChartPanel;

// The supervisor's statistics (管理 → 统计; docs/statistics.md): a day, week, month or custom
// period, broken down by clerk, region or rule set; refusals by code (bars), filings per day (a
// line) and the breakdown (stacked bars), each chart with its table beside it; the report (日报)
// as PDF through the summaries' printing path. The numbers are StatisticsStore's, as in
// `gongji-admin report`.
class StatisticsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class PeriodKind { Day, Week, Month, Custom };
    enum class Breakdown { Clerk, Region, RuleSet };

    StatisticsDialog(const QString &connection, const QString &actor, QWidget *parent = nullptr);

    const OfficeStatistics &statistics() const { return m_stats; }
    ChartPanel *refusalsChart() const { return m_refusals; }
    ChartPanel *filingsChart() const { return m_filings; }
    ChartPanel *breakdownChart() const { return m_breakdownChart; }
    ChartPanel *ratingsChart() const { return m_ratings; }
    // Writes the report of the shown period to `path`; false (message shown) when it failed.
    bool saveReport(const QString &path);

private:
    StatisticsPeriod period() const;
    void refresh();
    void chooseReportFile();

    QString m_connection;
    QString m_actor;
    OfficeStatistics m_stats;
    QComboBox *m_kind;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_breakdown;
    QLabel *m_totals;
    ChartPanel *m_refusals;
    ChartPanel *m_filings;
    ChartPanel *m_breakdownChart;
    ChartPanel *m_ratings;
    QPushButton *m_report;
    QLabel *m_status;
};

} // namespace gongji
