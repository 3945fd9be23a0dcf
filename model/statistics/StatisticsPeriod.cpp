#include "model/statistics/StatisticsPeriod.h"

#include <QDateTime>
#include <QTimeZone>

#include "model/storage/Timestamp.h"

namespace gongji {

QList<QDate> StatisticsPeriod::days() const
{
    QList<QDate> result;
    for (QDate day = from; isValid() && day <= to; day = day.addDays(1))
        result.append(day);
    return result;
}

QString StatisticsPeriod::startOf(const QDate &day) const
{
    return Timestamp::toText(QDateTime(day, QTime(0, 0), QTimeZone(utcOffsetMinutes * 60)).toUTC());
}

StatisticsPeriod StatisticsPeriod::day(const QDate &day, int utcOffsetMinutes) { return {day, day, utcOffsetMinutes}; }

StatisticsPeriod StatisticsPeriod::week(const QDate &anyDay, int utcOffsetMinutes)
{
    const QDate monday = anyDay.addDays(1 - anyDay.dayOfWeek());
    return {monday, monday.addDays(6), utcOffsetMinutes};
}

StatisticsPeriod StatisticsPeriod::month(const QDate &anyDay, int utcOffsetMinutes)
{
    const QDate first(anyDay.year(), anyDay.month(), 1);
    return {first, first.addMonths(1).addDays(-1), utcOffsetMinutes};
}

} // namespace gongji
