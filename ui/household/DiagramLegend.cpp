#include "ui/household/DiagramLegend.h"

#include <QPainter>
#include <QPainterPath>

#include "ui/household/KindStyle.h"

namespace gongji {

namespace {
constexpr int lineLength = 46;
constexpr int gap = 8;
constexpr int spacing = 26;

void drawArrow(QPainter &painter, const QPointF &from, const QPointF &to, const QPen &pen)
{
    painter.setPen(pen);
    painter.drawLine(from, to - QPointF(6, 0));
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to + QPointF(-9, -4.5));
    head.lineTo(to + QPointF(-9, 4.5));
    head.closeSubpath();
    painter.fillPath(head, pen.color());
}
} // namespace

DiagramLegend::DiagramLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diagramLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QStringList DiagramLegend::texts() const
{
    return {tr("Mutual aid (共济): authorizer → target"), tr("Kinship account (亲情): holder → member"), tr("Ended")};
}

QSize DiagramLegend::sizeHint() const
{
    int width = 0;
    for (const QString &text : texts())
        width += lineLength + gap + fontMetrics().horizontalAdvance(text) + spacing;
    return {width, fontMetrics().height() + 10};
}

void DiagramLegend::paintEvent(QPaintEvent *)
{
    using Kind = HouseholdBinding::Kind;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QStringList labels = texts();
    const QPen pens[] = {QPen(KindStyle::color(Kind::MutualAid), 2.4, KindStyle::penStyle(Kind::MutualAid)),
                         QPen(KindStyle::color(Kind::Kinship), 2.4, KindStyle::penStyle(Kind::Kinship)),
                         QPen(KindStyle::endedColor(), 1.6, Qt::SolidLine)};
    const qreal y = height() / 2.0;
    qreal x = 2;
    for (int i = 0; i < labels.size(); ++i) {
        drawArrow(painter, QPointF(x, y), QPointF(x + lineLength, y), pens[i]);
        x += lineLength + gap;
        painter.setPen(palette().color(QPalette::WindowText));
        const int textWidth = fontMetrics().horizontalAdvance(labels.at(i));
        painter.drawText(QRectF(x, 0, textWidth + 2, height()), Qt::AlignVCenter | Qt::AlignLeft, labels.at(i));
        x += textWidth + spacing;
    }
}

} // namespace gongji
