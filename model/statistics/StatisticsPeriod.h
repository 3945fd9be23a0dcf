#pragma once
#include <QDate>
#include <QList>
#include <QString>

namespace gongji {

// A run of whole days in the office's time zone (UTC+8 by default, OfficeSettings), and the UTC
// text bounds the stored times are compared with (docs/statistics.md): a day begins at local
// midnight, so 2026-12-01 at UTC+8 is [2026-11-30T16:00:00.000Z, 2026-12-01T16:00:00.000Z).
struct StatisticsPeriod
{
    QDate from;
    QDate to; // inclusive
    int utcOffsetMinutes = 480;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    QList<QDate> days() const;
    // Stored-time text of the start of `day` (local midnight) in UTC.
    QString startOf(const QDate &day) const;
    QString startText() const { return startOf(from); }
    QString endText() const { return startOf(to.addDays(1)); } // exclusive

    static StatisticsPeriod day(const QDate &day, int utcOffsetMinutes);
    static StatisticsPeriod week(const QDate &anyDay, int utcOffsetMinutes); // Monday to Sunday
    static StatisticsPeriod month(const QDate &anyDay, int utcOffsetMinutes);
};

} // namespace gongji
