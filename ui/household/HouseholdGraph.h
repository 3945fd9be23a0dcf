#pragma once
#include <QHash>
#include <QList>
#include <QPointF>
#include <QSet>

#include "household/HouseholdBinding.h"

namespace gongji {

// Who is drawn where in the household diagram. Built from the looked-up person's household and,
// for the second step, the households of the people one step away. Layered top to bottom in the
// direction of the arrows: authorizers and holders above the person, targets and members below,
// so most arrows point down; people in a layer are ordered by where their links are to keep
// arrows from crossing.
class HouseholdGraph
{
public:
    struct Node
    {
        Person person;
        int step = 0;    // 0 the person looked up, 1 or 2 steps away
        int layer = 0;   // row: negative above, positive below
        QPointF position;
    };
    struct Edge
    {
        qint64 from = 0; // authorizer / holder
        qint64 to = 0;   // target / member
        HouseholdBinding::Kind kind = HouseholdBinding::Kind::MutualAid;
        bool active = true;
        QString relationship;
        QDate endedOn;
    };

    static constexpr qreal columnPitch = 236;
    static constexpr qreal rowPitch = 200;

    // `neighbours`: households of people one step away (empty: one step only).
    void build(const Household &centre, const QList<Household> &neighbours, bool showEnded);

    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Edge> &edges() const { return m_edges; }
    const Node *node(qint64 personId) const;

private:
    void addBindings(const Household &household, int step, bool showEnded);
    void layOut();
    qreal barycentre(qint64 personId, const QHash<qint64, QPointF> &placed) const;

    QList<Node> m_nodes;
    QHash<qint64, int> m_index; // person id → index in m_nodes
    QList<Edge> m_edges;
    QSet<QPair<int, qint64>> m_seen; // (kind, binding id): a binding met from both of its ends
};

} // namespace gongji
