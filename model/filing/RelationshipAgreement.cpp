#include "model/filing/RelationshipAgreement.h"

#include <QSet>
#include <algorithm>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/domain/HouseholdBinding.h"
#include "model/storage/NeighbourhoodStore.h"

namespace gongji {

namespace {

const QString Spouse = QStringLiteral("spouse");
const QString Parent = QStringLiteral("parent");
const QString Child = QStringLiteral("child");

// A stored active binding or a pending one, as the checks compare them.
struct Edge
{
    qint64 authorizerId = 0;
    qint64 targetId = 0;
    QString relationship;
    qint64 filingId = 0; // 0: pending
    int batchRow = 0;

    bool touches(qint64 personId) const { return authorizerId == personId || targetId == personId; }
    qint64 otherThan(qint64 personId) const { return authorizerId == personId ? targetId : authorizerId; }
};

// Describes a binding the check disagrees with, from what was read around the pair.
ConflictingBinding describe(const FilingNeighbourhood &around, const Edge &edge, qint64 otherId)
{
    const auto name = [&](qint64 id) { return around.byId(id).value_or(Person{}).name; };
    ConflictingBinding conflict;
    if (edge.filingId != 0)
        conflict.filingNumber = around.filingNumbers.value(edge.filingId);
    conflict.batchRow = edge.batchRow;
    conflict.authorizerName = name(edge.authorizerId);
    conflict.targetName = name(edge.targetId);
    const Person other = around.byId(otherId).value_or(Person{});
    conflict.otherName = other.name;
    conflict.otherIdNumber = IdNumber::mask(other.idNumber);
    conflict.relationship = edge.relationship;
    return conflict;
}

void add(Findings &findings, RefusalCode code, const ConflictingBinding &conflict)
{
    Finding finding{code, Finding::Field::Relationship, conflict.text()};
    finding.conflict = conflict;
    findings.append(finding);
}

} // namespace

RelationshipAgreement::RelationshipAgreement(const QString &connection) : m_connection(connection) {}

QChar RelationshipAgreement::sexOf(const Person &person)
{
    if (!person.sex.isNull())
        return person.sex;
    return IdNumber::check(person.idType, person.idNumber).sex;
}

Findings RelationshipAgreement::check(const FilingNeighbourhood &around, const Person &authorizer, const Person &target,
                                      const QString &relationship, const QList<PendingBinding> &pending,
                                      qint64 storedBindingId)
{
    const qint64 a = authorizer.id;
    const qint64 t = target.id;
    QList<Edge> edges;
    QSet<qint64> seen;
    for (const MutualAidBinding &b : around.touching(a) + around.touching(t)) {
        if (b.id == storedBindingId || seen.contains(b.id))
            continue;
        seen.insert(b.id);
        edges.append(Edge{b.authorizerId, b.targetId, b.relationship, b.filingId, 0});
    }
    for (const PendingBinding &p : pending) {
        const Edge edge{p.authorizerId, p.targetId, p.relationship, 0, p.batchRow};
        if (edge.touches(a) || edge.touches(t))
            edges.append(edge);
    }

    Findings findings;
    const auto isThePair = [&](const Edge &e) { return e.touches(a) && e.touches(t); };

    // A→B spouse and B→A spouse are one couple; any other spouse of either is a second one.
    if (relationship == Spouse) {
        for (const Edge &e : std::as_const(edges)) {
            if (e.relationship != Spouse || isThePair(e))
                continue;
            const qint64 side = e.touches(a) ? a : t;
            add(findings, RefusalCode::SpouseAlreadyBound, describe(around, e, e.otherThan(side)));
        }
    }

    // What the same two people say of each other in the other direction.
    const QString inverse = Relationship::inverse(relationship);
    if (!inverse.isEmpty()) {
        for (const Edge &e : std::as_const(edges)) {
            if (e.authorizerId == t && e.targetId == a && !Relationship::inverse(e.relationship).isEmpty()
                && e.relationship != inverse)
                add(findings, RefusalCode::RelationshipConflict, describe(around, e, t));
        }
    }

    // The authorizer's parents: those he names as parent, and those who name him as child.
    if (relationship == Parent) {
        QList<QPair<qint64, Edge>> parents;
        for (const Edge &e : std::as_const(edges)) {
            qint64 parent = 0;
            if (e.authorizerId == a && e.relationship == Parent)
                parent = e.targetId;
            else if (e.targetId == a && e.relationship == Child)
                parent = e.authorizerId;
            const bool known
                = std::any_of(parents.begin(), parents.end(), [&](const auto &p) { return p.first == parent; });
            if (parent != 0 && parent != t && !known)
                parents.append({parent, e});
        }
        const QChar sex = sexOf(target);
        for (const auto &[parent, edge] : std::as_const(parents)) {
            // Three parents: every other one is named; two: only one of the same sex.
            if (parents.size() >= 2 || (!sex.isNull() && sexOf(around.byId(parent).value_or(Person{})) == sex))
                add(findings, RefusalCode::RelationshipUnusual, describe(around, edge, parent));
        }
    }
    return findings;
}

void RelationshipAgreement::review(Household &household, const QDate &on) const
{
    // One read around the person and every counterpart: each pair's bindings are among them.
    NeighbourhoodStore::Request request;
    request.on = on;
    request.personIds << household.person.id;
    for (const HouseholdBinding &b : std::as_const(household.bindings)) {
        if (b.kind == HouseholdBinding::Kind::MutualAid && b.isActive())
            request.personIds << b.counterpart.id;
    }
    if (request.personIds.size() == 1)
        return;
    const FilingNeighbourhood around = NeighbourhoodStore(m_connection).load(request);
    for (HouseholdBinding &b : household.bindings) {
        if (b.kind != HouseholdBinding::Kind::MutualAid || !b.isActive())
            continue;
        const bool outgoing = b.direction == HouseholdBinding::Direction::Outgoing;
        const Person &authorizer = outgoing ? household.person : b.counterpart;
        const Person &target = outgoing ? b.counterpart : household.person;
        b.agreement = check(around, authorizer, target, b.relationship, {}, b.bindingId);
    }
}

} // namespace gongji
