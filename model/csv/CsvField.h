#pragma once
#include <QString>

namespace gongji {

// Writing CSV that a spreadsheet opens safely: the one place that neutralises formula prefixes
// (a cell starting with = + - @ is run as a formula by Excel and LibreOffice: "CSV injection")
// and quotes fields. Used by every CSV export (rules impact report, audit log).
class CsvField
{
public:
    // `text` as one field: a leading = + - @ gets an apostrophe before it; a field holding a
    // comma, quote or line break is quoted, quotes doubled.
    static QString text(const QString &text);
    // UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only when it starts with it.
    static constexpr const char *utf8Bom = "\xEF\xBB\xBF";
};

} // namespace gongji
