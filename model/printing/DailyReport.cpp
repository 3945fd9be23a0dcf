#include "model/printing/DailyReport.h"

#include <QCoreApplication>
#include <QImage>

#include "model/domain/RatingLevel.h"
#include "model/domain/IdNumber.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryPdf.h"
#include "model/printing/SummaryStyle.h"
#include "model/statistics/StatisticsStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DailyReport)
};

QString esc(const QString &text) { return SummaryStyle::escape(text); }

const QString kTable = QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");

QString row(const QStringList &cells, const char *tag = "td")
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), esc(cell));
    return html + QStringLiteral("</tr>");
}

// A chart on paper: each value's bar beside its number, as long as the value is against the largest.
QString barChart(const QString &heading, const QString &keyHeader, const QList<QPair<QString, qint64>> &values)
{
    QString html = SummaryHtml::section(heading);
    if (values.isEmpty())
        return html + QStringLiteral("<p>") + esc(Text::tr("None in this period.")) + QStringLiteral("</p>");
    qint64 largest = 1;
    for (const auto &value : values)
        largest = qMax(largest, value.second);
    html += kTable + row({keyHeader, Text::tr("Count"), QString()}, "th");
    for (const auto &[key, count] : values) {
        const int percent = int(qMax<qint64>(1, count * 100 / largest));
        html
            += QStringLiteral("<tr><td width=\"30%\">%1</td><td width=\"10%\" align=\"right\">%2</td><td width=\"60%\">"
                              "<table width=\"%3%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td "
                              "bgcolor=\"#3a6ea5\">&nbsp;</td></tr>"
                              "</table></td></tr>")
                   .arg(esc(key), QString::number(count), QString::number(percent));
    }
    return html + QStringLiteral("</table>");
}

QList<QPair<QString, qint64>> pairs(const QMap<QString, qint64> &counts)
{
    QList<QPair<QString, qint64>> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

QString periodText(const StatisticsPeriod &period)
{
    const QString from = Timestamp::dateToText(period.from);
    return period.from == period.to ? from : Text::tr("%1 to %2").arg(from, Timestamp::dateToText(period.to));
}

} // namespace

DailyReport::DailyReport(const QString &connection, const OfficeInfo &office, const QString &supervisor)
    : m_connection(connection)
    , m_office(office)
    , m_supervisor(supervisor)
{}

PrintableSummary DailyReport::build(const OfficeStatistics &stats) const
{
    QString error;
    const QString family = SummaryStyle::fontFamily(&error);
    if (family.isEmpty())
        return PrintableSummary::failure(error);
    const QString title = stats.period.from == stats.period.to ? Text::tr("Daily report") : Text::tr("Office report");
    try {
        const StatisticsStore store(m_connection);
        const QList<StatisticsStore::FilingLine> filings = store.filingsIn(stats.period, kListedRows);
        const QList<StatisticsStore::EndLine> ends = store.endsIn(stats.period, kListedRows);

        QString html = QStringLiteral("<h1 align=\"center\">") + esc(title) + QStringLiteral("</h1>");
        html += kTable + row({Text::tr("Office"), m_office.name, Text::tr("Period"), periodText(stats.period)})
            + row({Text::tr("Printed"), SummaryHtml::time(Timestamp::now()), Text::tr("Printed by"), m_supervisor})
            + QStringLiteral("</table>");
        const OfficeStatistics::Figures &t = stats.total;
        html += SummaryHtml::section(Text::tr("Counts"));
        html += kTable;
        const QList<QPair<QString, qint64>> counts
            = {{Text::tr("Filings"), t.filings},
               {Text::tr("Targets accepted"), t.targetsAccepted},
               {Text::tr("Targets refused"), t.targetsRefused},
               {Text::tr("Revocations"), t.revocations},
               {Text::tr("Automatic ends"), t.automaticEnds},
               {Text::tr("Kinship bindings"), t.kinshipBindings},
               {Text::tr("Kinship endings"), t.kinshipEndings},
               {Text::tr("Journal lines waiting for the platform"), stats.journalWaiting}};
        for (const auto &[label, value] : counts)
            html += row({label, QString::number(value)});
        html += QStringLiteral("</table>");

        html += barChart(Text::tr("Refusals by code"), Text::tr("Code"), pairs(stats.refusals));
        QList<QPair<QString, qint64>> perDay;
        for (const auto &[day, count] : stats.filingsPerDay)
            perDay.append({Timestamp::dateToText(day), count});
        html += barChart(Text::tr("Filings per day"), Text::tr("Day"), perDay);
        QList<QPair<QString, qint64>> perClerk;
        for (auto it = stats.byClerk.cbegin(); it != stats.byClerk.cend(); ++it)
            perClerk.append({it.key(), it.value().filings});
        html += barChart(Text::tr("Filings by clerk"), Text::tr("Clerk"), perClerk);
        html += barChart(Text::tr("Revocations by reason"), Text::tr("Reason"), pairs(stats.revocationsByReason));
        html += barChart(Text::tr("Automatic ends by cause"), Text::tr("Cause"), pairs(stats.automaticEndsByCause));
        QList<QPair<QString, qint64>> ratings;
        for (const int level : RatingLevel::all())
            ratings.append({RatingLevel::label(level), stats.ratings.value(level)});
        html += barChart(Text::tr("Service ratings"), Text::tr("Rating"), ratings);

        html += SummaryHtml::section(Text::tr("Filings (%1)").arg(t.filings));
        html += kTable
            + row({Text::tr("Filing no."), Text::tr("Time"), Text::tr("Authorizer"), Text::tr("ID number"),
                   Text::tr("Targets"), Text::tr("Clerk")},
                  "th");
        for (const StatisticsStore::FilingLine &f : filings)
            html += row({f.number, SummaryHtml::time(f.filedAt), f.authorizer.name,
                         IdNumber::mask(f.authorizer.idNumber), QString::number(f.targets), f.clerk});
        html += QStringLiteral("</table>");
        if (t.filings > filings.size())
            html += QStringLiteral("<p>")
                + esc(Text::tr("The first %1 of %2 are listed.").arg(filings.size()).arg(t.filings))
                + QStringLiteral("</p>");

        const qint64 ended = t.revocations + t.automaticEnds;
        html += SummaryHtml::section(Text::tr("Revocations and automatic ends (%1)").arg(ended));
        html += kTable
            + row({Text::tr("Time"), Text::tr("Authorizer"), Text::tr("Target"), Text::tr("Asked by"),
                   Text::tr("Reason"), Text::tr("Clerk")},
                  "th");
        for (const StatisticsStore::EndLine &e : ends)
            html += row({SummaryHtml::time(e.endedAt),
                         e.authorizer.name + QLatin1Char(' ') + IdNumber::mask(e.authorizer.idNumber),
                         e.target.name + QLatin1Char(' ') + IdNumber::mask(e.target.idNumber), e.requestedBy, e.reason,
                         e.clerk});
        html += QStringLiteral("</table>");
        if (ended > ends.size())
            html += QStringLiteral("<p>") + esc(Text::tr("The first %1 of %2 are listed.").arg(ends.size()).arg(ended))
                + QStringLiteral("</p>");

        const QString line = QStringLiteral("________________________");
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"margin-top: 18px;\">"
                               "<tr><td width=\"50%\">%1 %2</td><td width=\"50%\">%3 %2</td></tr></table>")
                    .arg(esc(Text::tr("Supervisor's signature:")), line, esc(Text::tr("Date:")));
        return PrintableSummary([html](const QList<int> &) { return html; }, QImage(), title, periodText(stats.period),
                                QStringLiteral("zh_CN"), family);
    } catch (const StorageError &failure) {
        return PrintableSummary::failure(failure.userMessage());
    }
}

bool DailyReport::toPdf(const OfficeStatistics &stats, const QString &path, QString *error) const
{
    return SummaryPdf::write(build(stats), path, error);
}

} // namespace gongji
