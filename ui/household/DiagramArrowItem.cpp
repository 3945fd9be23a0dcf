#include "ui/household/DiagramArrowItem.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLineF>
#include <QPainter>
#include <QtMath>

#include "ui/household/KindStyle.h"

namespace gongji {

namespace {
constexpr qreal headLength = 13;
constexpr qreal headHalfWidth = 6.5;

// Where the ray from the box's centre towards `towards` leaves the box.
QPointF boundaryPoint(const QRectF &box, const QPointF &towards)
{
    const QPointF c = box.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (box.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (box.height() / 2) / qAbs(d.y());
    const qreal s = qMin(sx, sy);
    return c + d * s;
}

QFont labelFont()
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(10.5);
    return font;
}
} // namespace

DiagramArrowItem::DiagramArrowItem(const QRectF &fromBox, const QRectF &toBox, HouseholdBinding::Kind kind, bool active,
                                   const QString &label, qreal bend, qreal labelAt, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_kind(kind)
    , m_active(active)
    , m_label(label)
{
    const QPointF a = fromBox.center();
    const QPointF b = toBox.center();
    const QLineF line(a, b);
    const QPointF normal = line.length() > 0 ? QPointF(-(b.y() - a.y()), b.x() - a.x()) / line.length() : QPointF();
    // The control point twice the bend away makes the curve's middle sit `bend` off the line.
    const QPointF control = (a + b) / 2 + normal * bend * 2;
    const QPointF start = boundaryPoint(fromBox.adjusted(-4, -4, 4, 4), control);
    const QPointF end = boundaryPoint(toBox.adjusted(-6, -6, 6, 6), control);
    const QLineF tangent(control, end);
    const QPointF unit = tangent.length() > 0 ? (end - control) / tangent.length() : QPointF(0, 1);
    const QPointF side(-unit.y(), unit.x());
    const QPointF base = end - unit * headLength;
    m_path.moveTo(start);
    m_path.quadTo(control, base);
    m_head << end << base + side * headHalfWidth << base - side * headHalfWidth;
    m_middle = m_path.pointAtPercent(qBound(0.0, labelAt, 1.0));
    setZValue(active ? 1 : 0);
}

QRectF DiagramArrowItem::labelRect() const
{
    const QFontMetricsF metrics(labelFont());
    const QSizeF text = metrics.size(0, m_label); // ended arrows have a second line with the date
    const qreal w = text.width() + 12;
    const qreal h = text.height() + 4;
    return QRectF(m_middle.x() - w / 2, m_middle.y() - h / 2, w, h);
}

QRectF DiagramArrowItem::boundingRect() const
{
    return m_path.boundingRect().united(m_head.boundingRect()).united(labelRect()).adjusted(-3, -3, 3, 3);
}

void DiagramArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = m_active ? KindStyle::color(m_kind) : KindStyle::endedColor();
    QPen pen(color, m_active ? 2.6 : 1.6, KindStyle::penStyle(m_kind), Qt::FlatCap);
    if (m_kind == HouseholdBinding::Kind::Kinship)
        pen.setDashPattern({4.0, 3.0});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_head);

    const QRectF box = labelRect();
    painter->setBrush(m_active ? KindStyle::tint(m_kind) : QColor(0xf2, 0xf2, 0xf2));
    painter->setPen(QPen(color, 1, KindStyle::penStyle(m_kind)));
    painter->drawRoundedRect(box, 4, 4);
    painter->setFont(labelFont());
    painter->setPen(m_active ? color.darker(125) : KindStyle::endedColor().darker(140));
    painter->drawText(box, Qt::AlignCenter, m_label);
}

} // namespace gongji
