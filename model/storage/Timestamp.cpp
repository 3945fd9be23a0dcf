#include "model/storage/Timestamp.h"

#include <QDateTime>

namespace gongji {

namespace {

// Reads `count` ASCII digits at `at`; -1 when one of them is not a digit.
int digits(const QChar *text, int at, int count)
{
    int value = 0;
    for (int i = at; i < at + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Writes `value` as `count` digits with leading zeros.
void putDigits(QChar *out, int at, int count, int value)
{
    for (int i = at + count - 1; i >= at; --i) {
        out[i] = QChar(u'0' + value % 10);
        value /= 10;
    }
}

bool isDateShape(const QChar *text) { return text[4] == u'-' && text[7] == u'-'; }

QDate parseDate(const QChar *text)
{
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day); // invalid for 2026-02-30
}

void putDate(QChar *out, const QDate &date)
{
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day);
    putDigits(out, 0, 4, year);
    out[4] = u'-';
    putDigits(out, 5, 2, month);
    out[7] = u'-';
    putDigits(out, 8, 2, day);
}

} // namespace

// The stored forms are written and read by hand: they are read for every binding shown, and
// QDateTime's general ISO parser costs several microseconds each. Anything else (years outside
// 0–9999, text written by another tool) goes through Qt's parser as before.
QString Timestamp::toText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    const QTime clock = utc.time();
    QString text(24, Qt::Uninitialized); // 2026-11-22T09:30:15.123Z
    QChar *out = text.data();
    putDate(out, date);
    out[10] = u'T';
    putDigits(out, 11, 2, clock.hour());
    out[13] = u':';
    putDigits(out, 14, 2, clock.minute());
    out[16] = u':';
    putDigits(out, 17, 2, clock.second());
    out[19] = u'.';
    putDigits(out, 20, 3, clock.msec());
    out[23] = u'Z';
    return text;
}

QDateTime Timestamp::fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QChar *in = text.constData();
    if (text.size() == 24 && isDateShape(in) && in[10] == u'T' && in[13] == u':' && in[16] == u':' && in[19] == u'.'
        && in[23] == u'Z') {
        const int hour = digits(in, 11, 2), minute = digits(in, 14, 2), second = digits(in, 17, 2);
        const int msec = digits(in, 20, 3);
        const QDate date = parseDate(in);
        const QTime clock
            = hour < 0 || minute < 0 || second < 0 || msec < 0 ? QTime() : QTime(hour, minute, second, msec);
        if (date.isValid() && clock.isValid())
            return QDateTime(date, clock, Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

QString Timestamp::dateToText(const QDate &date)
{
    if (!date.isValid())
        return QString();
    if (date.year() < 0 || date.year() > 9999)
        return date.toString(Qt::ISODate);
    QString text(10, Qt::Uninitialized);
    putDate(text.data(), date);
    return text;
}

QDate Timestamp::dateFromText(const QString &text)
{
    if (text.size() == 10 && isDateShape(text.constData())) {
        const QDate date = parseDate(text.constData());
        if (date.isValid())
            return date;
    }
    return QDate::fromString(text, Qt::ISODate);
}

QDateTime Timestamp::now() { return QDateTime::currentDateTimeUtc(); }

QString Timestamp::nowText()
{
    // A registry import stores some hundred rows a millisecond: each millisecond's text is
    // written once (per thread: counters may store on several).
    thread_local qint64 lastMsecs = -1;
    thread_local QString lastText;
    const QDateTime time = now();
    const qint64 msecs = time.toMSecsSinceEpoch();
    if (msecs != lastMsecs) {
        lastText = toText(time);
        lastMsecs = msecs;
    }
    return lastText;
}

} // namespace gongji
