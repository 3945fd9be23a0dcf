#include "storage/Timestamp.h"

#include <QTimeZone>

namespace gongji {

QString Timestamp::toText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime Timestamp::fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

QString Timestamp::dateToText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate Timestamp::dateFromText(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

QDateTime Timestamp::now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace gongji
