#include "model/statistics/StatisticsJson.h"

#include <QJsonArray>

#include "model/domain/RatingLevel.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject breakdownJson(const QMap<QString, OfficeStatistics::Figures> &figures)
{
    QJsonObject object;
    for (auto it = figures.cbegin(); it != figures.cend(); ++it)
        object.insert(it.key(), StatisticsJson::figuresJson(it.value()));
    return object;
}

// Every level, highest first, with its count (0 where nobody chose it).
QJsonObject ratingsJson(const QMap<int, qint64> &counts)
{
    QJsonObject object;
    for (const int level : RatingLevel::all())
        object.insert(RatingLevel::keyword(level), counts.value(level));
    return object;
}

} // namespace

QJsonObject StatisticsJson::figuresJson(const OfficeStatistics::Figures &f)
{
    return QJsonObject{{QStringLiteral("filings"), f.filings},
                       {QStringLiteral("targets_accepted"), f.targetsAccepted},
                       {QStringLiteral("targets_refused"), f.targetsRefused},
                       {QStringLiteral("revocations"), f.revocations},
                       {QStringLiteral("automatic_ends"), f.automaticEnds},
                       {QStringLiteral("kinship_bindings"), f.kinshipBindings},
                       {QStringLiteral("kinship_endings"), f.kinshipEndings}};
}

QJsonObject StatisticsJson::toJson(const OfficeStatistics &stats)
{
    QJsonObject object = figuresJson(stats.total);
    object.insert(QStringLiteral("from"), Timestamp::dateToText(stats.period.from));
    object.insert(QStringLiteral("to"), Timestamp::dateToText(stats.period.to));
    object.insert(QStringLiteral("utc_offset_minutes"), stats.period.utcOffsetMinutes);
    object.insert(QStringLiteral("refusals"), countsJson(stats.refusals));
    object.insert(QStringLiteral("revocations_by_reason"), countsJson(stats.revocationsByReason));
    object.insert(QStringLiteral("revocations_by_requester"), countsJson(stats.revocationsByRequester));
    object.insert(QStringLiteral("automatic_ends_by_cause"), countsJson(stats.automaticEndsByCause));
    object.insert(QStringLiteral("by_clerk"), breakdownJson(stats.byClerk));
    object.insert(QStringLiteral("by_region"), breakdownJson(stats.byRegion));
    QJsonObject ruleSets = breakdownJson(stats.byRuleSet);
    for (auto it = stats.ruleSetTitles.cbegin(); it != stats.ruleSetTitles.cend(); ++it) {
        QJsonObject figures = ruleSets.value(it.key()).toObject();
        figures.insert(QStringLiteral("title"), it.value());
        ruleSets.insert(it.key(), figures);
    }
    object.insert(QStringLiteral("by_rule_set"), ruleSets);
    QJsonArray days;
    for (const auto &[day, filings] : stats.filingsPerDay)
        days.append(
            QJsonObject{{QStringLiteral("day"), Timestamp::dateToText(day)}, {QStringLiteral("filings"), filings}});
    object.insert(QStringLiteral("filings_per_day"), days);
    object.insert(QStringLiteral("ratings"), ratingsJson(stats.ratings));
    QJsonObject ratingsByClerk;
    for (auto it = stats.ratingsByClerk.cbegin(); it != stats.ratingsByClerk.cend(); ++it)
        ratingsByClerk.insert(it.key(), ratingsJson(it.value()));
    object.insert(QStringLiteral("ratings_by_clerk"), ratingsByClerk);
    object.insert(QStringLiteral("journal_waiting"), stats.journalWaiting);
    return object;
}

} // namespace gongji
