#include "model/domain/Money.h"

namespace gongji {

std::optional<qint64> Money::parseYuan(const QString &text)
{
    // Strict on purpose: "1,000", "-5", "1e3" or " 12" are typing or export errors to report,
    // not to guess at. 15 integer digits keep any value far inside qint64 fen. Read by hand
    // (1 to 15 ASCII digits, then optionally "." and 1 or 2 digits): a registry import reads a
    // million balances.
    const auto digit = [&text](qsizetype i) { return i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9'; };
    qint64 yuan = 0;
    qsizetype i = 0;
    for (; digit(i); ++i) {
        if (i == 15)
            return std::nullopt;
        yuan = yuan * 10 + (text.at(i).unicode() - u'0');
    }
    if (i == 0)
        return std::nullopt;
    qint64 fen = yuan * 100;
    if (i == text.size())
        return fen;
    if (text.at(i) != u'.' || !digit(i + 1))
        return std::nullopt;
    fen += (text.at(i + 1).unicode() - u'0') * 10;
    if (digit(i + 2))
        fen += text.at(i + 2).unicode() - u'0';
    const qsizetype decimals = digit(i + 2) ? 2 : 1;
    if (i + 1 + decimals != text.size())
        return std::nullopt;
    return fen;
}

QString Money::formatYuan(qint64 fen)
{
    const bool negative = fen < 0;
    // Work on the magnitude as unsigned so the smallest qint64 does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(fen) : quint64(fen);
    QString text = QString::number(magnitude / 100) + QLatin1Char('.')
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

} // namespace gongji
