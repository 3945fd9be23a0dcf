#include "ui/household/HouseholdGraph.h"

#include <QtMath>

namespace gongji {

namespace {
HouseholdGraph::Side sideOf(const HouseholdBinding &b)
{
    using Side = HouseholdGraph::Side;
    const bool outgoing = b.direction == HouseholdBinding::Direction::Outgoing;
    if (b.kind == HouseholdBinding::Kind::MutualAid)
        return outgoing ? Side::Below : Side::Above;
    return outgoing ? Side::Right : Side::Left;
}

QPointF unit(HouseholdGraph::Side side)
{
    using Side = HouseholdGraph::Side;
    switch (side) {
    case Side::Below:
        return {0, 1};
    case Side::Above:
        return {0, -1};
    case Side::Right:
        return {1, 0};
    case Side::Left:
        return {-1, 0};
    case Side::Centre:
        break;
    }
    return {0, 0};
}
} // namespace

void HouseholdGraph::build(const Household &centre, const QList<Household> &neighbours, bool showEnded)
{
    m_nodes.clear();
    m_index.clear();
    m_edges.clear();
    m_seen.clear();
    m_nodes.append(Node{centre.person, 0, Side::Centre, 0, {}});
    m_index.insert(centre.person.id, 0);
    addBindings(centre, 1, showEnded);
    for (const Household &household : neighbours) {
        // Only people still in the picture: with ended bindings hidden, a neighbour reached only
        // through an ended binding is not drawn and its own links are not either.
        const auto it = m_index.constFind(household.person.id);
        if (it != m_index.constEnd() && m_nodes.at(*it).step == 1)
            addBindings(household, 2, showEnded);
    }
    layOut();
}

const HouseholdGraph::Node *HouseholdGraph::node(qint64 personId) const
{
    const auto it = m_index.constFind(personId);
    return it == m_index.constEnd() ? nullptr : &m_nodes.at(*it);
}

void HouseholdGraph::addBindings(const Household &household, int step, bool showEnded)
{
    const qint64 self = household.person.id;
    for (const HouseholdBinding &b : household.bindings) {
        if (!showEnded && !b.isActive())
            continue;
        if (m_seen.contains({int(b.kind), b.bindingId}))
            continue;
        m_seen.insert({int(b.kind), b.bindingId});
        const bool outgoing = b.direction == HouseholdBinding::Direction::Outgoing;
        const qint64 other = b.counterpart.id;
        if (!m_index.contains(other)) {
            m_index.insert(other, int(m_nodes.size()));
            m_nodes.append(Node{b.counterpart, step, sideOf(b), self, {}});
        }
        Edge edge;
        edge.from = outgoing ? self : other;
        edge.to = outgoing ? other : self;
        edge.kind = b.kind;
        edge.active = b.isActive();
        edge.relationship = b.relationship;
        edge.endedOn = b.endedAt.toLocalTime().date();
        m_edges.append(edge);
    }
}

void HouseholdGraph::layOut()
{
    m_taken.clear();
    place(0, QPointF(0, 0));
    placeFirstStep();
    placeSecondStep();
}

bool HouseholdGraph::isFree(const QPointF &centre) const
{
    // A box with some room around it for arrows and their labels.
    const QRectF wanted(centre.x() - boxWidth / 2 - 20, centre.y() - boxHeight / 2 - 14, boxWidth + 40, boxHeight + 28);
    for (const QRectF &taken : m_taken) {
        if (taken.intersects(wanted))
            return false;
    }
    return true;
}

void HouseholdGraph::place(int index, const QPointF &position)
{
    m_nodes[index].position = position;
    m_taken.append(QRectF(position.x() - boxWidth / 2, position.y() - boxHeight / 2, boxWidth, boxHeight));
}

void HouseholdGraph::placeFirstStep()
{
    QHash<int, QList<int>> sides; // Side → node indexes, in binding order
    for (int i = 1; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).step == 1)
            sides[int(m_nodes.at(i).side)].append(i);
    }
    const QList<int> &right = sides[int(Side::Right)];
    const QList<int> &left = sides[int(Side::Left)];
    // The rows above and below clear the side columns, however many those hold.
    const qreal columnHalf = (qMax(right.size(), left.size()) - 1) / 2.0 * stackPitch;
    const qreal rowY = qMax(rowPitch, columnHalf + boxHeight + 50);
    auto row = [&](const QList<int> &indexes, qreal y) {
        for (int n = 0; n < indexes.size(); ++n)
            place(indexes.at(n), QPointF((n - (indexes.size() - 1) / 2.0) * columnPitch, y));
    };
    auto column = [&](const QList<int> &indexes, qreal x) {
        for (int n = 0; n < indexes.size(); ++n)
            place(indexes.at(n), QPointF(x, (n - (indexes.size() - 1) / 2.0) * stackPitch));
    };
    row(sides[int(Side::Below)], rowY);
    row(sides[int(Side::Above)], -rowY);
    column(right, sideDistance);
    column(left, -sideDistance);
}

void HouseholdGraph::placeSecondStep()
{
    for (int i = 1; i < m_nodes.size(); ++i) {
        const Node &n = m_nodes.at(i);
        if (n.step != 2)
            continue;
        const QPointF parent = m_nodes.at(m_index.value(n.via)).position;
        const QPointF along = unit(n.side);
        const bool vertical = qFuzzyIsNull(along.x());
        const QPointF across = vertical ? QPointF(columnPitch, 0) : QPointF(0, stackPitch);
        const qreal distance = vertical ? rowPitch : sideDistance;
        // Straight out from the person who links them; else beside that place, then further out.
        bool placed = false;
        for (int ring = 1; ring <= 6 && !placed; ++ring) {
            const QPointF base = parent + along * distance * ring;
            for (int shift : {0, 1, -1, 2, -2, 3, -3}) {
                const QPointF candidate = base + across * shift;
                if (isFree(candidate)) {
                    place(i, candidate);
                    placed = true;
                    break;
                }
            }
        }
        if (!placed) { // a crowded picture: below everyone, never on top of someone
            qreal bottom = 0;
            for (const QRectF &taken : m_taken)
                bottom = qMax(bottom, taken.bottom());
            place(i, QPointF(parent.x(), bottom + rowPitch));
        }
    }
}

} // namespace gongji
