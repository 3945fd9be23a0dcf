#pragma once
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// Who is drawn where in the household diagram, built from the looked-up person's household and,
// for the second step, the households of the people one step away. A cross around the person
// that keeps the two kinds apart at a glance: mutual aid runs vertically (authorizers above,
// targets below: the money flows down), kinship accounts horizontally (holders to the left,
// members to the right). People of the second step go further out from the person who links
// them, on the first free place.
class HouseholdGraph
{
public:
    enum class Side { Centre, Below, Above, Right, Left };
    struct Node
    {
        Person person;
        int step = 0; // 0 the person looked up, 1 or 2 steps away
        Side side = Side::Centre; // where from the person who brought them in
        qint64 via = 0; // that person
        QPointF position;
    };
    struct Edge
    {
        qint64 from = 0; // authorizer / holder
        qint64 to = 0; // target / member
        HouseholdBinding::Kind kind = HouseholdBinding::Kind::MutualAid;
        bool active = true;
        QString relationship;
        QDate endedOn;
    };

    static constexpr qreal boxWidth = 186;
    static constexpr qreal boxHeight = 80;
    static constexpr qreal columnPitch = 236; // people side by side in a row
    static constexpr qreal rowPitch = 200; // room for the labels of vertical arrows
    static constexpr qreal stackPitch = 100; // people stacked in a column
    static constexpr qreal sideDistance = 310; // room for the labels of horizontal arrows

    // `neighbours`: households of people one step away (empty: one step only).
    void build(const Household &centre, const QList<Household> &neighbours, bool showEnded);

    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Edge> &edges() const { return m_edges; }
    const Node *node(qint64 personId) const;

private:
    void addBindings(const Household &household, int step, bool showEnded);
    void layOut();
    void placeFirstStep();
    void placeSecondStep();
    bool isFree(const QPointF &centre) const;
    void place(int index, const QPointF &position);

    QList<Node> m_nodes;
    QHash<qint64, int> m_index; // person id → index in m_nodes
    QList<Edge> m_edges;
    QSet<QPair<int, qint64>> m_seen; // (kind, binding id): a binding met from both of its ends
    QList<QRectF> m_taken;
};

} // namespace gongji
