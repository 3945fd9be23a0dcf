#pragma once
#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QString>
#include <optional>

namespace gongji {

// The authorizer's electronic signature (电子签名) as drawn on the citizen's screen: the strokes
// in the pad's own coordinates (x and y from 0 to 1 of the pad's width and height, so any pad
// size gives the same signature), the pad's aspect, and when it was finished. Stored with the
// filing as the strokes (JSON) and a PNG of bounded size, and never changed afterwards.
class Signature
{
public:
    // A signature longer than this is not a signature (a palm on the screen): it is refused.
    static constexpr int kMaxPoints = 6000;
    // The stored picture: black on white, 600 × 200 pixels at most, under 64 KiB as PNG.
    static constexpr int kImageWidth = 600;
    static constexpr int kImageHeight = 200;
    static constexpr int kMaxPngBytes = 64 * 1024;

    QList<QPolygonF> strokes;
    double aspect = 3.0; // the pad's width / height
    QDateTime signedAt; // UTC

    bool isEmpty() const;
    int pointCount() const;
    // Empty when acceptable, else what is wrong (in the UI language).
    QString problem() const;

    // The strokes as JSON text ({"aspect": 3, "strokes": [[x, y, x, y, …], …]}), 4 decimals.
    QString strokesJson() const;
    static std::optional<Signature> fromStrokesJson(const QString &json, const QDateTime &signedAt);

    // Black strokes on white at `size` (keeping the pad's aspect, centred).
    QImage image(const QSize &size) const;
    // image() at the stored size, as PNG: under kMaxPngBytes.
    QByteArray png() const;
};

} // namespace gongji
