#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>

namespace gongji {

// The one text format for times and dates in the database: UTC "2026-11-22T09:30:15.123Z" and
// "2026-11-22". SQL never calls datetime('now'): both engines sort these strings correctly.
class Timestamp
{
public:
    static QString toText(const QDateTime &time); // empty for an invalid time
    static QDateTime fromText(const QString &text); // invalid for empty text
    static QString dateToText(const QDate &date); // empty for an invalid date
    static QDate dateFromText(const QString &text);
    static QDateTime now(); // UTC, millisecond precision
    static QString nowText(); // toText(now())
};

} // namespace gongji
