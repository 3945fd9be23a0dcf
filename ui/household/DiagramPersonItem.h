#pragma once
#include <QGraphicsItem>

#include "model/domain/Person.h"
#include "ui/household/HouseholdGraph.h"

namespace gongji {

// One person in the household diagram: a box with the name in large type and the masked ID
// number under it. The person looked up is drawn heavier; a person whose insurance is not active
// says so in red. Selectable by mouse and keyboard; the view opens the person on click or Enter.
class DiagramPersonItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal width = HouseholdGraph::boxWidth;
    static constexpr qreal height = HouseholdGraph::boxHeight;

    DiagramPersonItem(const Person &person, bool centre, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    qint64 personId() const { return m_person.id; }
    const Person &person() const { return m_person; }
    bool isCentre() const { return m_centre; }
    // The box itself in scene coordinates, without the selection ring.
    QRectF sceneBox() const;

private:
    Person m_person;
    bool m_centre;
};

} // namespace gongji
