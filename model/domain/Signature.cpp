#include "model/domain/Signature.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>

namespace gongji {

bool Signature::isEmpty() const { return pointCount() == 0; }

int Signature::pointCount() const
{
    int points = 0;
    for (const QPolygonF &stroke : strokes)
        points += int(stroke.size());
    return points;
}

QString Signature::problem() const
{
    if (isEmpty())
        return QCoreApplication::translate("Signature",
                                           "The signature is empty: let the authorizer sign on the citizen's screen.");
    if (pointCount() > kMaxPoints)
        return QCoreApplication::translate(
                   "Signature", "The signature has more than %1 points: clear it and let the authorizer sign again.")
            .arg(kMaxPoints);
    for (const QPolygonF &stroke : strokes) {
        for (const QPointF &point : stroke) {
            if (point.x() < 0 || point.x() > 1 || point.y() < 0 || point.y() > 1)
                return QCoreApplication::translate("Signature", "The signature has a point outside the signing area.");
        }
    }
    return {};
}

QString Signature::strokesJson() const
{
    QJsonArray all;
    for (const QPolygonF &stroke : strokes) {
        QJsonArray coordinates;
        for (const QPointF &point : stroke) {
            coordinates.append(qRound(point.x() * 10000) / 10000.0);
            coordinates.append(qRound(point.y() * 10000) / 10000.0);
        }
        all.append(coordinates);
    }
    const QJsonObject object{{QStringLiteral("aspect"), aspect}, {QStringLiteral("strokes"), all}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Signature> Signature::fromStrokesJson(const QString &json, const QDateTime &signedAt)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    Signature signature;
    signature.aspect = document.object().value(QStringLiteral("aspect")).toDouble(3.0);
    signature.signedAt = signedAt;
    for (const QJsonValue &strokeValue : document.object().value(QStringLiteral("strokes")).toArray()) {
        const QJsonArray coordinates = strokeValue.toArray();
        QPolygonF stroke;
        for (qsizetype i = 0; i + 1 < coordinates.size(); i += 2)
            stroke << QPointF(coordinates.at(i).toDouble(), coordinates.at(i + 1).toDouble());
        signature.strokes << stroke;
    }
    return signature;
}

QImage Signature::image(const QSize &size) const
{
    QImage image(size, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    // The pad's area, as large as fits, centred.
    QSizeF area(size.width(), size.width() / qMax(0.1, aspect));
    if (area.height() > size.height())
        area = QSizeF(size.height() * aspect, size.height());
    const QPointF origin((size.width() - area.width()) / 2, (size.height() - area.height()) / 2);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, qMax(2.0, size.height() / 60.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF &stroke : strokes) {
        QPolygonF scaled;
        for (const QPointF &point : stroke)
            scaled << origin + QPointF(point.x() * area.width(), point.y() * area.height());
        if (scaled.size() == 1)
            painter.drawPoint(scaled.first());
        else
            painter.drawPolyline(scaled);
    }
    return image;
}

QByteArray Signature::png() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image(QSize(kImageWidth, kImageHeight)).save(&buffer, "PNG", 9);
    return bytes;
}

} // namespace gongji
