#pragma once
#include <QGraphicsItem>
#include <QPainterPath>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// One binding in the household diagram, from the authorizer (holder) to the target (member):
// solid for 共济, dashed for 亲情, in the kind's colour, grey once ended. Labelled with the kind
// and the relationship at `labelAt` (0..1 along it); `bend` curves it so parallel bindings stay apart.
class DiagramArrowItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    DiagramArrowItem(const QRectF &fromBox, const QRectF &toBox, HouseholdBinding::Kind kind, bool active,
                     const QString &label, qreal bend, qreal labelAt = 0.5, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    HouseholdBinding::Kind kind() const { return m_kind; }
    bool isActive() const { return m_active; }
    QString label() const { return m_label; }

private:
    QRectF labelRect() const;

    HouseholdBinding::Kind m_kind;
    bool m_active;
    QString m_label;
    QPainterPath m_path;
    QPolygonF m_head;
    QPointF m_middle;
};

} // namespace gongji
