#include "model/statistics/StatisticsCsv.h"

#include <QStringList>

#include "model/domain/RatingLevel.h"
#include "model/csv/CsvField.h"
#include "model/statistics/StatisticsJson.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

class Rows
{
public:
    void add(const QString &section, const QString &key, const QString &measure, qint64 value)
    {
        m_text += CsvField::text(section) + QLatin1Char(',') + CsvField::text(key) + QLatin1Char(',')
            + CsvField::text(measure) + QLatin1Char(',') + QString::number(value) + QStringLiteral("\r\n");
    }
    void addFigures(const QString &section, const QString &key, const OfficeStatistics::Figures &figures)
    {
        const QJsonObject object = StatisticsJson::figuresJson(figures);
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            add(section, key, it.key(), it.value().toInteger());
    }
    void addCounts(const QString &section, const QString &measure, const QMap<QString, qint64> &counts)
    {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            add(section, it.key(), measure, it.value());
    }
    void addBreakdown(const QString &section, const QMap<QString, OfficeStatistics::Figures> &figures)
    {
        for (auto it = figures.cbegin(); it != figures.cend(); ++it)
            addFigures(section, it.key(), it.value());
    }
    QString text() const { return m_text; }

private:
    QString m_text = QStringLiteral("section,key,measure,value\r\n");
};

} // namespace

QByteArray StatisticsCsv::toCsv(const OfficeStatistics &stats)
{
    Rows rows;
    rows.addFigures(QStringLiteral("total"), QString(), stats.total);
    rows.addCounts(QStringLiteral("refusals"), QStringLiteral("targets_refused"), stats.refusals);
    rows.addCounts(QStringLiteral("revocations_by_reason"), QStringLiteral("revocations"), stats.revocationsByReason);
    rows.addCounts(QStringLiteral("revocations_by_requester"), QStringLiteral("revocations"),
                   stats.revocationsByRequester);
    rows.addCounts(QStringLiteral("automatic_ends_by_cause"), QStringLiteral("automatic_ends"),
                   stats.automaticEndsByCause);
    rows.addBreakdown(QStringLiteral("by_clerk"), stats.byClerk);
    rows.addBreakdown(QStringLiteral("by_region"), stats.byRegion);
    rows.addBreakdown(QStringLiteral("by_rule_set"), stats.byRuleSet);
    for (const auto &[day, filings] : stats.filingsPerDay)
        rows.add(QStringLiteral("filings_per_day"), Timestamp::dateToText(day), QStringLiteral("filings"), filings);
    for (const int level : RatingLevel::all())
        rows.add(QStringLiteral("ratings"), RatingLevel::keyword(level), QStringLiteral("ratings"),
                 stats.ratings.value(level));
    for (auto it = stats.ratingsByClerk.cbegin(); it != stats.ratingsByClerk.cend(); ++it)
        for (const int level : RatingLevel::all())
            rows.add(QStringLiteral("ratings_by_clerk"), it.key(), RatingLevel::keyword(level),
                     it.value().value(level));
    rows.add(QStringLiteral("journal"), QString(), QStringLiteral("waiting"), stats.journalWaiting);
    return QByteArray(CsvField::utf8Bom) + rows.text().toUtf8();
}

} // namespace gongji
