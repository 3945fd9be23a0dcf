#include "domain/Money.h"

#include <QRegularExpression>

namespace gongji {

std::optional<qint64> Money::parseYuan(const QString &text)
{
    // Strict on purpose: "1,000", "-5", "1e3" or " 12" are typing or export errors to report,
    // not to guess at. 15 integer digits keep any value far inside qint64 fen.
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,15})(?:\\.([0-9]{1,2}))?$"));
    const QRegularExpressionMatch match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    qint64 fen = match.captured(1).toLongLong() * 100;
    const QString decimals = match.captured(2);
    if (decimals.size() == 1)
        fen += decimals.toLongLong() * 10;
    else if (decimals.size() == 2)
        fen += decimals.toLongLong();
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
