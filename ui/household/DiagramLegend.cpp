#include "ui/household/DiagramLegend.h"

#include <QPainter>
#include <algorithm>
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
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true); // the keys go on as many lines as the width needs
    setSizePolicy(policy);
}

int DiagramLegend::itemWidth(int index) const
{
    return lineLength + gap + fontMetrics().horizontalAdvance(texts().at(index)) + spacing;
}

QList<QPoint> DiagramLegend::placesFor(int width) const
{
    const int lineHeight = fontMetrics().height() + 10;
    QList<QPoint> places;
    int x = 2;
    int y = 0;
    for (int i = 0; i < texts().size(); ++i) {
        if (x > 2 && x + itemWidth(i) - spacing > width) {
            x = 2;
            y += lineHeight;
        }
        places.append(QPoint(x, y));
        x += itemWidth(i);
    }
    return places;
}

bool DiagramLegend::hasHeightForWidth() const { return true; }

void DiagramLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (heightForWidth(width()) != height())
        updateGeometry(); // one line more or less: the layout asks sizeHint() again
}

int DiagramLegend::heightForWidth(int width) const { return placesFor(width).last().y() + fontMetrics().height() + 10; }

QSize DiagramLegend::minimumSizeHint() const
{
    int widest = 0;
    for (int i = 0; i < texts().size(); ++i)
        widest = std::max(widest, itemWidth(i) - spacing + 4);
    return {widest, fontMetrics().height() + 10};
}

QStringList DiagramLegend::texts() const
{
    return {tr("Mutual aid (共济): authorizer → target"), tr("Kinship account (亲情): holder → member"), tr("Ended")};
}

QSize DiagramLegend::sizeHint() const
{
    int width = 0;
    for (int i = 0; i < texts().size(); ++i)
        width += itemWidth(i);
    // As high as the lines at the width it has now (a fixed height follows the width).
    return {width, heightForWidth(this->width() > 0 ? this->width() : width)};
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
    const QList<QPoint> places = placesFor(width());
    const int lineHeight = fontMetrics().height() + 10;
    for (int i = 0; i < labels.size(); ++i) {
        const qreal y = places.at(i).y() + lineHeight / 2.0;
        qreal x = places.at(i).x();
        drawArrow(painter, QPointF(x, y), QPointF(x + lineLength, y), pens[i]);
        x += lineLength + gap;
        painter.setPen(palette().color(QPalette::WindowText));
        const int textWidth = fontMetrics().horizontalAdvance(labels.at(i));
        painter.drawText(QRectF(x, places.at(i).y(), textWidth + 2, lineHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         labels.at(i));
    }
}

} // namespace gongji
