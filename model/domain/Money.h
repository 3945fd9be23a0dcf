#pragma once
#include <QString>
#include <optional>

namespace gongji {

// Money is integer fen everywhere; yuan only at the edges (CSV, screen).
class Money
{
public:
    // "1234.5" → 123450; at most 2 decimals, no sign, no thousands separators.
    static std::optional<qint64> parseYuan(const QString &text);
    // 123450 → "1234.50"
    static QString formatYuan(qint64 fen);
};

} // namespace gongji
