#include "model/statistics/StatisticsStore.h"

#include "model/storage/JournalStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/Timestamp.h"
#include "model/storage/SqlStatement.h"

namespace gongji {

namespace {

using Figures = OfficeStatistics::Figures;
using Count = qint64 Figures::*;

// One breakdown of a count: where its rows go (a member of OfficeStatistics), the SQL expression
// of the key, and the join it needs (only the region needs the person table).
struct Dimension
{
    QMap<QString, Figures> OfficeStatistics::*target;
    const char *expression;
    const char *join;
};

class Aggregates
{
public:
    Aggregates(const QString &connection, const StatisticsPeriod &period) : m_connection(connection), m_period(period)
    {}

    // SELECT key, COUNT(*) … WHERE … (:from, :to) GROUP BY key.
    QMap<QString, qint64> grouped(const QString &sql) const
    {
        SqlStatement q(m_connection, sql);
        q.bind(QStringLiteral(":from"), m_period.startText()).bind(QStringLiteral(":to"), m_period.endText()).exec();
        QMap<QString, qint64> counts;
        while (q.next())
            counts[q.value(0).toString()] += q.value(1).toLongLong();
        return counts;
    }
    qint64 single(const QString &sql, const QString &from, const QString &to) const
    {
        SqlStatement q(m_connection, sql);
        q.bind(QStringLiteral(":from"), from).bind(QStringLiteral(":to"), to).exec();
        return q.next() ? q.value(0).toLongLong() : 0;
    }
    // One count broken down by clerk, region (the person `personColumn` names) and rule set (a
    // null expression skips that breakdown); the total is the sum of the clerk breakdown.
    void count(OfficeStatistics &stats, Count field, const char *from, const char *where, const char *clerk,
               const char *personColumn, const char *ruleSet) const
    {
        const QByteArray personJoin
            = personColumn ? QByteArray(QByteArray(" JOIN person p ON p.id = ") + personColumn) : QByteArray();
        const Dimension dimensions[]
            = {{&OfficeStatistics::byClerk, clerk, ""},
               {&OfficeStatistics::byRegion, "p.pooling_region", personColumn ? personJoin.constData() : nullptr},
               {&OfficeStatistics::byRuleSet, ruleSet, ""}};
        bool first = true;
        for (const Dimension &d : dimensions) {
            if (!d.expression || !d.join)
                continue;
            const QMap<QString, qint64> counts
                = grouped(QStringLiteral("SELECT %1, COUNT(*) FROM %2%3 WHERE %4 GROUP BY 1")
                              .arg(QLatin1String(d.expression), QLatin1String(from), QLatin1String(d.join),
                                   QLatin1String(where)));
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                (stats.*d.target)[it.key()].*field += it.value();
                if (first)
                    stats.total.*field += it.value();
            }
            first = false;
        }
    }

private:
    QString m_connection;
    StatisticsPeriod m_period;
};

} // namespace

StatisticsStore::StatisticsStore(const QString &connection) : m_connection(connection) {}

OfficeStatistics StatisticsStore::compute(const StatisticsPeriod &period) const
{
    OfficeStatistics stats;
    stats.period = period;
    const Aggregates sql(m_connection, period);
    const char *filingRange = "f.filed_at >= :from AND f.filed_at < :to";
    sql.count(stats, &Figures::filings, "filing f", filingRange, "f.clerk", "f.authorizer_id", "f.rule_set_id");
    sql.count(stats, &Figures::targetsAccepted, "filing f JOIN binding b ON b.filing_id = f.id", filingRange, "f.clerk",
              "f.authorizer_id", "b.rule_set_id");
    // Refusals keep their region themselves (no person is kept for them).
    {
        sql.count(stats, &Figures::targetsRefused, "refused_target r", "r.at >= :from AND r.at < :to", "r.clerk",
                  nullptr, "COALESCE(r.rule_set_id, 0)");
        const QMap<QString, qint64> byRegion = sql.grouped(QStringLiteral(
            "SELECT pooling_region, COUNT(*) FROM refused_target WHERE at >= :from AND at < :to GROUP BY 1"));
        for (auto it = byRegion.cbegin(); it != byRegion.cend(); ++it)
            stats.byRegion[it.key()].targetsRefused += it.value();
    }
    // Ends asked for by a party are revocations; ends the system made (registry, expiry) are automatic.
    const char *revoked = "b.ended_at >= :from AND b.ended_at < :to AND b.end_requested_by <> 'system'";
    const char *automatic = "b.ended_at >= :from AND b.ended_at < :to AND b.end_requested_by = 'system'";
    sql.count(stats, &Figures::revocations, "binding b", revoked, "b.ended_by", "b.authorizer_id", "b.rule_set_id");
    sql.count(stats, &Figures::automaticEnds, "binding b", automatic, "b.ended_by", "b.authorizer_id", "b.rule_set_id");
    sql.count(stats, &Figures::kinshipBindings, "kinship_binding k", "k.started_at >= :from AND k.started_at < :to",
              "k.clerk", "k.holder_id", nullptr);
    sql.count(stats, &Figures::kinshipEndings, "kinship_binding k", "k.ended_at >= :from AND k.ended_at < :to",
              "k.ended_by", "k.holder_id", nullptr);

    stats.refusals = sql.grouped(
        QStringLiteral("SELECT code, COUNT(*) FROM refused_code WHERE at >= :from AND at < :to GROUP BY code"));
    stats.revocationsByReason
        = sql.grouped(QStringLiteral("SELECT end_reason, COUNT(*) FROM binding WHERE ended_at >= :from AND ended_at < "
                                     ":to AND end_requested_by <> 'system' GROUP BY 1"));
    stats.revocationsByRequester
        = sql.grouped(QStringLiteral("SELECT end_requested_by, COUNT(*) FROM binding WHERE ended_at >= :from AND "
                                     "ended_at < :to AND end_requested_by <> 'system' "
                                     "GROUP BY 1"));
    stats.automaticEndsByCause
        = sql.grouped(QStringLiteral("SELECT end_reason, COUNT(*) FROM binding WHERE ended_at >= :from AND ended_at < "
                                     ":to AND end_requested_by = 'system' GROUP BY 1"));

    for (const QDate &day : period.days())
        stats.filingsPerDay.append(
            {day,
             sql.single(QStringLiteral("SELECT COUNT(*) FROM filing WHERE filed_at >= :from AND filed_at < :to"),
                        period.startOf(day), period.startOf(day.addDays(1)))});
    for (auto it = stats.byRuleSet.cbegin(); it != stats.byRuleSet.cend(); ++it) {
        SqlStatement q(m_connection, QStringLiteral("SELECT region, title FROM rule_set WHERE id = :id"));
        q.bind(QStringLiteral(":id"), it.key().toLongLong()).exec();
        if (q.next())
            stats.ruleSetTitles.insert(it.key(), q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString());
    }
    {
        SqlStatement q(m_connection,
                       QStringLiteral("SELECT clerk, level, COUNT(*) FROM service_rating "
                                      "WHERE rated_at >= :from AND rated_at < :to GROUP BY clerk, level"));
        q.bind(QStringLiteral(":from"), period.startText()).bind(QStringLiteral(":to"), period.endText()).exec();
        while (q.next()) {
            const int level = q.value(1).toInt();
            stats.ratings[level] += q.value(2).toLongLong();
            stats.ratingsByClerk[q.value(0).toString()][level] += q.value(2).toLongLong();
        }
    }
    stats.journalWaiting = JournalStore(m_connection).countWaiting();
    return stats;
}

QList<StatisticsStore::FilingLine> StatisticsStore::filingsIn(const StatisticsPeriod &period, int limit) const
{
    SqlStatement q(
        m_connection,
        QStringLiteral("SELECT f.filing_no, f.filed_at, f.clerk, f.channel, "
                       "(SELECT COUNT(*) FROM binding b WHERE b.filing_id = f.id), %1 "
                       "FROM filing f JOIN person p ON p.id = f.authorizer_id "
                       "WHERE f.filed_at >= :from AND f.filed_at < :to ORDER BY f.filed_at, f.id LIMIT :limit")
            .arg(PersonStore::columns(QStringLiteral("p"))));
    q.bind(QStringLiteral(":from"), period.startText())
        .bind(QStringLiteral(":to"), period.endText())
        .bind(QStringLiteral(":limit"), limit);
    q.exec();
    QList<FilingLine> lines;
    while (q.next()) {
        FilingLine line;
        line.number = q.value(0).toString();
        line.filedAt = Timestamp::fromText(q.value(1).toString());
        line.clerk = q.value(2).toString();
        line.channel = q.value(3).toString();
        line.targets = q.value(4).toLongLong();
        line.authorizer = PersonStore::fromRow(q, 5);
        lines.append(line);
    }
    return lines;
}

QList<StatisticsStore::EndLine> StatisticsStore::endsIn(const StatisticsPeriod &period, int limit) const
{
    SqlStatement q(
        m_connection,
        QStringLiteral("SELECT b.id, b.ended_at, b.ended_by, b.end_requested_by, b.end_reason, "
                       "b.authorizer_id, b.target_id FROM binding b "
                       "WHERE b.ended_at >= :from AND b.ended_at < :to ORDER BY b.ended_at, b.id LIMIT :limit"));
    q.bind(QStringLiteral(":from"), period.startText())
        .bind(QStringLiteral(":to"), period.endText())
        .bind(QStringLiteral(":limit"), limit);
    q.exec();
    QList<EndLine> lines;
    QList<QPair<qint64, qint64>> people;
    while (q.next()) {
        EndLine line;
        line.bindingId = q.value(0).toLongLong();
        line.endedAt = Timestamp::fromText(q.value(1).toString());
        line.clerk = q.value(2).toString();
        line.requestedBy = q.value(3).toString();
        line.reason = q.value(4).toString();
        people.append({q.value(5).toLongLong(), q.value(6).toLongLong()});
        lines.append(line);
    }
    PersonStore persons(m_connection);
    for (int i = 0; i < lines.size(); ++i) {
        lines[i].authorizer = persons.findById(people.at(i).first).value_or(Person());
        lines[i].target = persons.findById(people.at(i).second).value_or(Person());
    }
    return lines;
}

} // namespace gongji
