#include "ui/household/HouseholdDiagram.h"

#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>

#include "model/domain/Relationship.h"
#include "ui/household/DiagramArrowItem.h"
#include "ui/household/DiagramPersonItem.h"

namespace gongji {

namespace {
constexpr qreal margin = 22;
constexpr qreal bendStep = 44;

QString arrowLabel(const HouseholdGraph::Edge &edge)
{
    const QString kind = edge.kind == HouseholdBinding::Kind::MutualAid ? HouseholdDiagram::tr("Mutual aid")
                                                                        : HouseholdDiagram::tr("Kinship");
    QString text = kind;
    if (!edge.relationship.isEmpty())
        text += QStringLiteral(" · ")
            + (Relationship::isKnown(edge.relationship) ? Relationship::label(edge.relationship) : edge.relationship);
    if (!edge.active)
        text += QLatin1Char('\n') + HouseholdDiagram::tr("ended %1").arg(edge.endedOn.toString(Qt::ISODate));
    return text;
}
} // namespace

HouseholdDiagram::HouseholdDiagram(QWidget *parent) : QGraphicsView(parent), m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("householdDiagram"));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setBackgroundBrush(QColor(0xfb, 0xfc, 0xfd));
    setAlignment(Qt::AlignCenter);
    setFocusPolicy(Qt::StrongFocus);
    setDragMode(QGraphicsView::NoDrag);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    showEmptyText();
}

void HouseholdDiagram::showEmptyText()
{
    m_scene->clear();
    m_pressed = nullptr;
    auto *text = m_scene->addSimpleText(tr("Look up a person to see their household here."));
    QFont font = text->font();
    font.setPointSizeF(13);
    text->setFont(font);
    text->setBrush(QColor(0x80, 0x88, 0x90));
    m_scene->setSceneRect(text->boundingRect().adjusted(-margin, -margin, margin, margin));
    resetTransform();
}

void HouseholdDiagram::clearHousehold() { showEmptyText(); }

void HouseholdDiagram::setHouseholds(const Household &centre, const QList<Household> &neighbours, bool showEnded)
{
    HouseholdGraph graph;
    graph.build(centre, neighbours, showEnded);
    m_scene->clear();
    m_pressed = nullptr;

    QHash<qint64, QRectF> boxes;
    for (const HouseholdGraph::Node &node : graph.nodes()) {
        auto *item = new DiagramPersonItem(node.person, node.step == 0);
        item->setPos(node.position);
        m_scene->addItem(item);
        boxes.insert(node.person.id, item->sceneBox());
    }
    // Bindings between the same two people (both kinds, or ended and renewed) fan out.
    QHash<QPair<qint64, qint64>, QList<int>> pairs;
    for (int i = 0; i < graph.edges().size(); ++i) {
        const auto &e = graph.edges().at(i);
        pairs[{qMin(e.from, e.to), qMax(e.from, e.to)}].append(i);
    }
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        const QList<int> &indexes = it.value();
        for (int n = 0; n < indexes.size(); ++n) {
            const auto &e = graph.edges().at(indexes.at(n));
            const qreal spread = n - (indexes.size() - 1) / 2.0;
            qreal bend = spread * bendStep;
            // Labels of parallel arrows sit at different heights so they never cover each other.
            const qreal labelAt = qBound(0.3, 0.58 + spread * 0.26, 0.8);
            // Keep the fan's sides consistent whichever way an arrow points.
            if (e.from > e.to)
                bend = -bend;
            const QRectF from = boxes.value(e.from);
            const QRectF to = boxes.value(e.to);
            // Same row, not neighbours: curve over the boxes in between.
            if (qFuzzyCompare(from.center().y(), to.center().y())
                && qAbs(from.center().x() - to.center().x()) > HouseholdGraph::columnPitch * 1.5)
                bend += (e.from < e.to ? -1 : 1) * 60;
            m_scene->addItem(new DiagramArrowItem(from, to, e.kind, e.active, arrowLabel(e), bend, labelAt));
        }
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-margin, -margin, margin, margin));
    if (auto *centreItem = personItem(centre.person.id))
        centreItem->setSelected(true);
    fit();
}

DiagramPersonItem *HouseholdDiagram::personItem(qint64 personId) const
{
    for (DiagramPersonItem *item : personItems()) {
        if (item->personId() == personId)
            return item;
    }
    return nullptr;
}

QList<DiagramPersonItem *> HouseholdDiagram::personItems() const
{
    QList<DiagramPersonItem *> found;
    for (QGraphicsItem *item : m_scene->items(Qt::AscendingOrder)) {
        if (item->type() == DiagramPersonItem::Type)
            found.append(static_cast<DiagramPersonItem *>(item));
    }
    return found;
}

int HouseholdDiagram::arrowCount() const
{
    int count = 0;
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->type() == DiagramArrowItem::Type)
            ++count;
    }
    return count;
}

qint64 HouseholdDiagram::selectedPersonId() const
{
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == DiagramPersonItem::Type)
            return static_cast<DiagramPersonItem *>(item)->personId();
    }
    return 0;
}

void HouseholdDiagram::selectPerson(qint64 personId)
{
    if (DiagramPersonItem *item = personItem(personId)) {
        m_scene->clearSelection();
        item->setSelected(true);
        ensureVisible(item, 8, 8);
    }
}

DiagramPersonItem *HouseholdDiagram::personAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        if (item->type() == DiagramPersonItem::Type)
            return static_cast<DiagramPersonItem *>(item);
    }
    return nullptr;
}

void HouseholdDiagram::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton ? personAt(event->position().toPoint()) : nullptr;
    if (m_pressed)
        selectPerson(m_pressed->personId());
    event->accept();
}

void HouseholdDiagram::mouseReleaseEvent(QMouseEvent *event)
{
    // A click is press and release on the same box; the person shown already stays.
    DiagramPersonItem *released = event->button() == Qt::LeftButton ? personAt(event->position().toPoint()) : nullptr;
    if (released && released == m_pressed && !released->isCentre())
        emit personActivated(released->personId());
    m_pressed = nullptr;
    event->accept();
}

void HouseholdDiagram::mouseMoveEvent(QMouseEvent *event)
{
    event->accept(); // no rubber band, no dragging the citizen's picture around
}

void HouseholdDiagram::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveSelection(-1, 0);
        break;
    case Qt::Key_Right:
        moveSelection(1, 0);
        break;
    case Qt::Key_Up:
        moveSelection(0, -1);
        break;
    case Qt::Key_Down:
        moveSelection(0, 1);
        break;
    case Qt::Key_Home:
        for (DiagramPersonItem *item : personItems()) {
            if (item->isCentre())
                selectPerson(item->personId());
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: {
        DiagramPersonItem *item = personItem(selectedPersonId());
        if (item && !item->isCentre())
            emit personActivated(item->personId());
        break;
    }
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void HouseholdDiagram::moveSelection(int dx, int dy)
{
    // The nearest box in that direction, preferring the straight line.
    const QList<DiagramPersonItem *> all = personItems();
    if (all.isEmpty())
        return;
    DiagramPersonItem *current = personItem(selectedPersonId());
    if (!current) {
        selectPerson(all.first()->personId());
        return;
    }
    DiagramPersonItem *best = nullptr;
    qreal bestScore = 0;
    for (DiagramPersonItem *item : all) {
        const QPointF d = item->pos() - current->pos();
        const qreal along = d.x() * dx + d.y() * dy;
        if (item == current || along <= 1)
            continue;
        const qreal across = qAbs(d.x() * dy) + qAbs(d.y() * dx);
        const qreal score = along + across * 2;
        if (!best || score < bestScore) {
            best = item;
            bestScore = score;
        }
    }
    if (best)
        selectPerson(best->personId());
}

void HouseholdDiagram::fit()
{
    // Never small when it fits: the citizen must be able to read it; smaller only when it must.
    resetTransform();
    const QRectF scene = sceneRect();
    const QSize view = viewport()->size();
    if (scene.isEmpty() || view.isEmpty())
        return;
    // A little larger than life where there is room: it is read from across the counter.
    const qreal scale = qMin<qreal>(1.25, qMin(view.width() / scene.width(), view.height() / scene.height()));
    this->scale(qMax<qreal>(scale, 0.45), qMax<qreal>(scale, 0.45));
    centerOn(scene.center());
}

void HouseholdDiagram::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void HouseholdDiagram::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    if (!selectedPersonId() && !personItems().isEmpty())
        moveSelection(0, 0);
}

} // namespace gongji
