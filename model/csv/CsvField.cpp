#include "model/csv/CsvField.h"

namespace gongji {

QString CsvField::text(const QString &text)
{
    QString field = text;
    // A spreadsheet runs cells that start with = + - @ as formulas: neutralise them.
    if (!field.isEmpty() && QStringLiteral("=+-@").contains(field.at(0)))
        field.prepend(QLatin1Char('\''));
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))
        || field.contains(QLatin1Char('\r')))
        field = QLatin1Char('"') + field.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return field;
}

} // namespace gongji
