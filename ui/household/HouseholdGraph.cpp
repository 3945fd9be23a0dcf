#include "household/HouseholdGraph.h"

#include <QMap>
#include <QSet>
#include <algorithm>

namespace gongji {

void HouseholdGraph::build(const Household &centre, const QList<Household> &neighbours, bool showEnded)
{
    m_nodes.clear();
    m_index.clear();
    m_edges.clear();
    m_seen.clear();
    m_nodes.append(Node{centre.person, 0, 0, {}});
    m_index.insert(centre.person.id, 0);
    addBindings(centre, 1, showEnded);
    for (const Household &household : neighbours) {
        // Only people still in the picture: with ended bindings hidden, a neighbour reached only
        // through an ended binding is not drawn and its own links are not either.
        if (m_index.contains(household.person.id) && m_nodes.at(m_index.value(household.person.id)).step == 1)
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
    const int selfLayer = m_nodes.at(m_index.value(self)).layer;
    for (const HouseholdBinding &b : household.bindings) {
        if (!showEnded && !b.isActive())
            continue;
        if (m_seen.contains({int(b.kind), b.bindingId}))
            continue;
        m_seen.insert({int(b.kind), b.bindingId});
        const bool outgoing = b.direction == HouseholdBinding::Direction::Outgoing;
        const qint64 other = b.counterpart.id;
        if (!m_index.contains(other)) {
            // Arrows point down: whoever the person points at goes a row below, and the reverse.
            const int layer = qBound(-2, selfLayer + (outgoing ? 1 : -1), 2);
            m_index.insert(other, int(m_nodes.size()));
            m_nodes.append(Node{b.counterpart, step, layer, {}});
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

qreal HouseholdGraph::barycentre(qint64 personId, const QHash<qint64, QPointF> &placed) const
{
    qreal sum = 0;
    int count = 0;
    for (const Edge &edge : m_edges) {
        const qint64 other = edge.from == personId ? edge.to : edge.to == personId ? edge.from : 0;
        if (other && placed.contains(other)) {
            sum += placed.value(other).x();
            ++count;
        }
    }
    return count ? sum / count : 0;
}

void HouseholdGraph::layOut()
{
    // Rows nearest the person first, so each row can follow the rows already placed.
    QMap<int, QList<int>> rows;
    for (int i = 0; i < m_nodes.size(); ++i)
        rows[m_nodes.at(i).layer].append(i);
    QList<int> order = rows.keys();
    std::stable_sort(order.begin(), order.end(), [](int a, int b) { return qAbs(a) < qAbs(b); });

    QHash<qint64, QPointF> placed;
    m_nodes[0].position = QPointF(0, 0);
    placed.insert(m_nodes.at(0).person.id, QPointF(0, 0));
    for (int layer : order) {
        QList<int> members = rows.value(layer);
        members.removeAll(0);
        QList<QPair<qreal, int>> keyed;
        for (int i : members)
            keyed.append({barycentre(m_nodes.at(i).person.id, placed), i});
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const QPair<qreal, int> &a, const QPair<qreal, int> &b) { return a.first < b.first; });
        const qreal y = layer * rowPitch;
        if (layer == 0) {
            // Beside the person: those linked further left go left, the others right.
            qreal left = -columnPitch;
            qreal right = columnPitch;
            QList<int> leftSide;
            for (const auto &k : keyed) {
                if (k.first < 0)
                    leftSide.prepend(k.second);
                else {
                    m_nodes[k.second].position = QPointF(right, y);
                    right += columnPitch;
                }
            }
            for (int i : leftSide) {
                m_nodes[i].position = QPointF(left, y);
                left -= columnPitch;
            }
        } else {
            const qreal start = -(keyed.size() - 1) * columnPitch / 2;
            for (int n = 0; n < keyed.size(); ++n)
                m_nodes[keyed.at(n).second].position = QPointF(start + n * columnPitch, y);
        }
        for (int i : members)
            placed.insert(m_nodes.at(i).person.id, m_nodes.at(i).position);
    }
}

} // namespace gongji
