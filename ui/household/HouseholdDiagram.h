#pragma once
#include <QGraphicsView>

#include "ui/household/HouseholdGraph.h"

namespace gongji {

class DiagramPersonItem;

// The household diagram the clerk turns towards the citizen: the person and everyone bound to
// them as boxes, bindings as arrows (see HouseholdGraph for the layout). Shown at full size and
// only scaled down when it does not fit. Clicking a box, or selecting it with the arrow keys and
// pressing Enter, asks to open that person.
class HouseholdDiagram : public QGraphicsView
{
    Q_OBJECT
public:
    explicit HouseholdDiagram(QWidget *parent = nullptr);

    void setHouseholds(const Household &centre, const QList<Household> &neighbours, bool showEnded);
    void clearHousehold();

    // For tests and for keeping the selection across a reload.
    DiagramPersonItem *personItem(qint64 personId) const;
    QList<DiagramPersonItem *> personItems() const;
    int arrowCount() const;
    qint64 selectedPersonId() const;
    void selectPerson(qint64 personId);

signals:
    void personActivated(qint64 personId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    DiagramPersonItem *personAt(const QPoint &viewportPos) const;
    void moveSelection(int dx, int dy);
    void fit();
    void showEmptyText();

    QGraphicsScene *m_scene;
    DiagramPersonItem *m_pressed = nullptr;
};

} // namespace gongji
