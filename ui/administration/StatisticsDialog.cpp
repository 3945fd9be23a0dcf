#include "ui/administration/StatisticsDialog.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

#include "model/accounts/RoleCheck.h"
#include "model/citizen/ServiceRating.h"
#include "model/printing/DailyReport.h"
#include "model/office/OfficeSettings.h"
#include "model/statistics/StatisticsStore.h"
#include "model/storage/StorageError.h"
#include "ui/administration/ChartPanel.h"

namespace gongji {

StatisticsDialog::StatisticsDialog(const QString &connection, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_actor(actor)
    , m_kind(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_breakdown(new QComboBox(this))
    , m_totals(new QLabel(this))
    , m_refusals(new ChartPanel(tr("Refusals by code"), ChartPanel::Kind::Bars, this))
    , m_filings(new ChartPanel(tr("Filings per day"), ChartPanel::Kind::Line, this))
    , m_breakdownChart(new ChartPanel(tr("Targets by clerk"), ChartPanel::Kind::StackedBars, this))
    , m_ratings(new ChartPanel(tr("Service ratings by clerk"), ChartPanel::Kind::StackedBars, this))
    , m_report(new QPushButton(tr("&Report PDF…"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Statistics"));
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItems({tr("Day"), tr("Week"), tr("Month"), tr("Custom")});
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
    }
    m_breakdown->setObjectName(QStringLiteral("breakdown"));
    m_breakdown->addItems({tr("By clerk"), tr("By region"), tr("By rule set")});
    m_totals->setObjectName(QStringLiteral("totals"));
    m_totals->setWordWrap(true);
    m_report->setObjectName(QStringLiteral("reportPdf"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("&Period:"), this);
    kindLabel->setBuddy(m_kind);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *breakdownLabel = new QLabel(tr("&Breakdown:"), this);
    breakdownLabel->setBuddy(m_breakdown);
    for (QWidget *w : std::initializer_list<QWidget *>{kindLabel, m_kind, fromLabel, m_from, toLabel, m_to,
                                                       breakdownLabel, m_breakdown})
        controls->addWidget(w);
    controls->addStretch(1);
    controls->addWidget(m_report);

    auto *charts = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->addWidget(m_refusals);
    chartsLayout->addWidget(m_filings);
    chartsLayout->addWidget(m_breakdownChart);
    chartsLayout->addWidget(m_ratings);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(charts);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_totals);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    // The charts scroll: on a counter's 1280×800 screen the dialog keeps its Close button in view.
    const QSize room = (parentWidget() ? parentWidget()->screen() : screen())->availableSize();
    resize(qMin(1100, room.width() - 40), qMin(820, room.height() - 60));

    connect(m_kind, &QComboBox::currentIndexChanged, this, &StatisticsDialog::refresh);
    connect(m_breakdown, &QComboBox::currentIndexChanged, this, &StatisticsDialog::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &StatisticsDialog::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &StatisticsDialog::refresh);
    connect(m_report, &QPushButton::clicked, this, &StatisticsDialog::chooseReportFile);
    refresh();
}

StatisticsPeriod StatisticsDialog::period() const
{
    const int offset = OfficeSettings::utcOffsetMinutes();
    switch (PeriodKind(m_kind->currentIndex())) {
    case PeriodKind::Day:
        return StatisticsPeriod::day(m_from->date(), offset);
    case PeriodKind::Week:
        return StatisticsPeriod::week(m_from->date(), offset);
    case PeriodKind::Month:
        return StatisticsPeriod::month(m_from->date(), offset);
    case PeriodKind::Custom:
        break;
    }
    return {m_from->date(), qMax(m_from->date(), m_to->date()), offset};
}

void StatisticsDialog::refresh()
{
    const bool custom = PeriodKind(m_kind->currentIndex()) == PeriodKind::Custom;
    m_to->setEnabled(custom);
    const QString refusal = RoleCheck(m_connection).refusal(m_actor, ClerkRole::Supervisor);
    if (!refusal.isEmpty()) {
        m_status->setText(refusal);
        m_report->setEnabled(false);
        return;
    }
    try {
        m_stats = StatisticsStore(m_connection).compute(period());
    } catch (const StorageError &error) {
        m_status->setText(error.userMessage());
        return;
    }
    const OfficeStatistics::Figures &t = m_stats.total;
    m_totals->setText(tr("%1 to %2: %3 filings, %4 targets accepted, %5 refused; %6 revocations, %7 automatic ends; "
                         "%8 kinship bindings, %9 ended. Journal lines waiting for the platform: %10.")
                          .arg(m_stats.period.from.toString(Qt::ISODate), m_stats.period.to.toString(Qt::ISODate))
                          .arg(t.filings)
                          .arg(t.targetsAccepted)
                          .arg(t.targetsRefused)
                          .arg(t.revocations)
                          .arg(t.automaticEnds)
                          .arg(t.kinshipBindings)
                          .arg(t.kinshipEndings)
                          .arg(m_stats.journalWaiting));

    QList<qint64> refusals;
    for (qint64 count : std::as_const(m_stats.refusals))
        refusals << count;
    m_refusals->setValues(m_stats.refusals.keys(), {{tr("Targets refused"), refusals}});

    QStringList days;
    QList<qint64> perDay;
    for (const auto &[day, count] : std::as_const(m_stats.filingsPerDay)) {
        days << day.toString(QStringLiteral("MM-dd"));
        perDay << count;
    }
    m_filings->setValues(days, {{tr("Filings"), perDay}});

    const Breakdown breakdown = Breakdown(m_breakdown->currentIndex());
    const QMap<QString, OfficeStatistics::Figures> &figures = breakdown == Breakdown::Clerk ? m_stats.byClerk
        : breakdown == Breakdown::Region                                                    ? m_stats.byRegion
                                                                                            : m_stats.byRuleSet;
    QStringList keys;
    QList<qint64> accepted, refused, revoked;
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        keys << (breakdown == Breakdown::RuleSet ? m_stats.ruleSetTitles.value(it.key(), it.key()) : it.key());
        accepted << it.value().targetsAccepted;
        refused << it.value().targetsRefused;
        revoked << it.value().revocations + it.value().automaticEnds;
    }
    m_breakdownChart->chartView()->chart()->setTitle(m_breakdown->currentText());
    m_breakdownChart->setValues(keys, {{tr("Accepted"), accepted}, {tr("Refused"), refused}, {tr("Ended"), revoked}});

    // One stacked bar per clerk served, one colour per level (非常满意 … 非常不满意).
    QList<QPair<QString, QList<qint64>>> levels;
    for (const int level : RatingLevel::all()) {
        QList<qint64> counts;
        for (const QMap<int, qint64> &clerk : std::as_const(m_stats.ratingsByClerk))
            counts << clerk.value(level);
        levels.append({RatingLevel::label(level), counts});
    }
    m_ratings->setValues(m_stats.ratingsByClerk.keys(), levels);
    m_report->setEnabled(true);
    m_status->clear();
}

bool StatisticsDialog::saveReport(const QString &path)
{
    QString error;
    const bool saved = DailyReport(m_connection, OfficeSettings::load(), m_actor).toPdf(m_stats, path, &error);
    m_status->setText(saved ? tr("Report saved as %1.").arg(path) : error);
    return saved;
}

void StatisticsDialog::chooseReportFile()
{
    const QString name = tr("report-%1.pdf").arg(m_stats.period.from.toString(QStringLiteral("yyyyMMdd")));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save the report as PDF"), name, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveReport(path);
}

} // namespace gongji
