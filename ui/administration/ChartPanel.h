#pragma once
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

class QChart;
class QChartView;
class QTableWidget;
class QLabel;

namespace gongji {

// One chart of the statistics screen with its numbers in a table beside it (docs/statistics.md):
// Copy puts the table (tab-separated) and the chart (image) on the clipboard, Save PNG… writes the
// chart as a PNG file.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Bars, Line, StackedBars };

    ChartPanel(const QString &title, Kind kind, QWidget *parent = nullptr);

    // Bars and line: one value per category. Stacked bars: one series per name, one value per
    // category each.
    void setValues(const QStringList &categories, const QList<QPair<QString, QList<qint64>>> &series);

    QChartView *chartView() const { return m_view; }
    QTableWidget *table() const { return m_table; }
    QString tableText() const; // what Copy puts on the clipboard as text
    void copy() const;
    bool savePng(const QString &path) const;

private:
    void choosePngFile();

    QString m_title;
    Kind m_kind;
    QChartView *m_view;
    QTableWidget *m_table;
    QLabel *m_status;
};

} // namespace gongji
