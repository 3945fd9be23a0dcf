#include "ui/administration/ChartPanel.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMimeData>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace gongji {

namespace {
// The most day labels under the filings line: a month's thirty side by side would each be cut to
// "…"; every second, third … day is labelled instead, and the table beside lists them all.
constexpr int kDayLabelsShown = 8;
} // namespace

ChartPanel::ChartPanel(const QString &title, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_kind(kind)
    , m_view(new QChartView(this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(420, 260);
    m_view->chart()->setTitle(title);
    m_view->chart()->legend()->setVisible(kind == Kind::StackedBars);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->setMinimumWidth(260);

    // No mnemonics: the statistics screen shows four panels at once, and one letter may stand for
    // one button only; Tab reaches them.
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copy"));
    auto *save = new QPushButton(tr("Save as image (PNG)…"), this);
    save->setObjectName(QStringLiteral("savePng"));
    connect(copy, &QPushButton::clicked, this, &ChartPanel::copy);
    connect(save, &QPushButton::clicked, this, &ChartPanel::choosePngFile);

    auto *side = new QVBoxLayout;
    side->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(save);
    side->addLayout(buttons);
    side->addWidget(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_view, 3);
    layout->addLayout(side, 2);
}

void ChartPanel::setValues(const QStringList &categories, const QList<QPair<QString, QList<qint64>>> &series)
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    qint64 largest = 1;
    auto *values = new QValueAxis(chart);
    QAbstractAxis *axisX = nullptr;
    if (m_kind == Kind::Line) {
        // Point i lies at x = i; a label names the day of the point it stands under.
        auto *days = new QCategoryAxis(chart);
        days->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const qsizetype step = qMax<qsizetype>(1, (categories.size() + kDayLabelsShown - 1) / kDayLabelsShown);
        for (qsizetype i = 0; i < categories.size(); i += step)
            days->append(categories.at(i), double(i));
        days->setRange(-0.5, double(qMax<qsizetype>(categories.size(), 1)) - 0.5);
        axisX = days;
    } else {
        auto *bars = new QBarCategoryAxis(chart);
        bars->append(categories);
        axisX = bars;
    }
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    if (m_kind == Kind::Line) {
        auto *line = new QLineSeries(chart);
        line->setPointsVisible(true); // a day alone is one point, and a line of one point draws nothing
        const QList<qint64> points = series.value(0).second;
        for (int i = 0; i < points.size(); ++i) {
            line->append(i, double(points.at(i)));
            largest = qMax(largest, points.at(i));
        }
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(values);
    } else {
        QAbstractBarSeries *bars = m_kind == Kind::StackedBars
            ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries(chart))
            : new QBarSeries(chart);
        QList<qint64> stacked(categories.size(), 0);
        for (const auto &[name, counts] : series) {
            auto *set = new QBarSet(name);
            for (int i = 0; i < counts.size(); ++i) {
                set->append(double(counts.at(i)));
                stacked[i] += counts.at(i);
                largest = qMax(largest, m_kind == Kind::StackedBars ? stacked.at(i) : counts.at(i));
            }
            bars->append(set);
        }
        chart->addSeries(bars);
        bars->attachAxis(axisX);
        bars->attachAxis(values);
    }
    values->setRange(0, double(largest));
    values->setLabelFormat(QStringLiteral("%d"));
    values->setTickCount(int(qMin<qint64>(largest, 5)) + 1);

    m_table->clear();
    m_table->setColumnCount(int(series.size()) + 1);
    m_table->setRowCount(int(categories.size()));
    QStringList headers = {tr("Item")};
    for (const auto &s : series)
        headers << s.first;
    m_table->setHorizontalHeaderLabels(headers);
    for (int row = 0; row < categories.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(categories.at(row)));
        for (int column = 0; column < series.size(); ++column) {
            auto *item = new QTableWidgetItem(QString::number(series.at(column).second.value(row)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column + 1, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->clear();
}

QString ChartPanel::tableText() const
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < m_table->columnCount(); ++column)
        header << m_table->horizontalHeaderItem(column)->text();
    lines << m_title << header.join(QLatin1Char('\t'));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_table->columnCount(); ++column)
            cells << (m_table->item(row, column) ? m_table->item(row, column)->text() : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ChartPanel::copy() const
{
    auto *data = new QMimeData;
    data->setText(tableText());
    data->setImageData(m_view->grab().toImage());
    QApplication::clipboard()->setMimeData(data);
    m_status->setText(tr("Copied: the table as text, the chart as an image."));
}

bool ChartPanel::savePng(const QString &path) const
{
    const bool saved = m_view->grab().save(path, "PNG");
    m_status->setText(saved ? tr("Saved %1.").arg(path) : tr("Cannot write %1; choose another folder.").arg(path));
    return saved;
}

void ChartPanel::choosePngFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), m_title + QStringLiteral(".png"),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty())
        savePng(path);
}

} // namespace gongji
