#include "ui/household/DiagramPersonItem.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "model/domain/IdNumber.h"

namespace gongji {

namespace {
constexpr qreal ring = 5; // room for the selection ring outside the box
}

DiagramPersonItem::DiagramPersonItem(const Person &person, bool centre, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_person(person)
    , m_centre(centre)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setCursor(centre ? Qt::ArrowCursor : Qt::PointingHandCursor);
    setZValue(2); // above the arrows and their labels
    setToolTip(centre ? QString()
                      : QCoreApplication::translate("gongji::DiagramPersonItem", "Click or press Enter to open %1")
                            .arg(person.name));
}

QRectF DiagramPersonItem::boundingRect() const
{
    return QRectF(-width / 2 - ring, -height / 2 - ring, width + 2 * ring, height + 2 * ring);
}

QRectF DiagramPersonItem::sceneBox() const
{
    return QRectF(pos().x() - width / 2, pos().y() - height / 2, width, height);
}

void DiagramPersonItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(-width / 2, -height / 2, width, height);
    if (option->state & QStyle::State_Selected) {
        painter->setPen(QPen(QColor(0x2a, 0x6f, 0xdb), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-ring + 1, -ring + 1, ring - 1, ring - 1), 10, 10);
    }
    painter->setPen(QPen(m_centre ? QColor(0x1f, 0x2a, 0x33) : QColor(0x6b, 0x76, 0x80), m_centre ? 2.6 : 1.3));
    painter->setBrush(m_centre ? QColor(0xf3, 0xf6, 0xf8) : QColor(Qt::white));
    painter->drawRoundedRect(box, 8, 8);

    QFont nameFont = painter->font();
    nameFont.setPointSizeF(15);
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(QColor(0x1f, 0x2a, 0x33));
    const bool inactive = !m_person.isActive();
    const QRectF nameRect(box.left() + 8, box.top() + 8, box.width() - 16, 30);
    painter->drawText(nameRect, Qt::AlignCenter, m_person.name);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(11);
    painter->setFont(mono);
    painter->setPen(QColor(0x3c, 0x46, 0x50));
    painter->drawText(QRectF(box.left() + 4, box.top() + 40, box.width() - 8, 18), Qt::AlignCenter,
                      IdNumber::mask(m_person.idNumber));
    if (inactive) {
        QFont small = nameFont;
        small.setPointSizeF(10);
        small.setBold(true);
        painter->setFont(small);
        painter->setPen(QColor(0xb0, 0x1e, 0x1e));
        painter->drawText(QRectF(box.left() + 4, box.top() + 60, box.width() - 8, 18), Qt::AlignCenter,
                          Person::statusLabel(m_person.status));
    }
}

} // namespace gongji
