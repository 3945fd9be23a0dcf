#include "model/filing/RelationshipAgreement.h"

#include <QHash>
#include <QSet>
#include <algorithm>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/domain/HouseholdBinding.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"

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

// Looks people and filing numbers up once per check.
class Lookup
{
public:
    explicit Lookup(const QString &connection) : m_persons(connection), m_filings(connection) {}
    void remember(const Person &person) { m_cache.insert(person.id, person); }
    Person person(qint64 id)
    {
        const auto found = m_cache.constFind(id);
        if (found != m_cache.constEnd())
            return found.value();
        const Person person = m_persons.findById(id).value_or(Person{});
        m_cache.insert(id, person);
        return person;
    }
    ConflictingBinding describe(const Edge &edge, qint64 otherId)
    {
        ConflictingBinding conflict;
        if (edge.filingId != 0) {
            if (const std::optional<Filing> filing = m_filings.findById(edge.filingId))
                conflict.filingNumber = filing->number;
        }
        conflict.batchRow = edge.batchRow;
        conflict.authorizerName = person(edge.authorizerId).name;
        conflict.targetName = person(edge.targetId).name;
        const Person other = person(otherId);
        conflict.otherName = other.name;
        conflict.otherIdNumber = IdNumber::mask(other.idNumber);
        conflict.relationship = edge.relationship;
        return conflict;
    }

private:
    PersonStore m_persons;
    FilingStore m_filings;
    QHash<qint64, Person> m_cache;
};

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

Findings RelationshipAgreement::check(const Person &authorizer, const Person &target, const QString &relationship,
                                      const QDate &on, const QList<PendingBinding> &pending,
                                      qint64 storedBindingId) const
{
    const qint64 a = authorizer.id;
    const qint64 t = target.id;
    QList<Edge> edges;
    QSet<qint64> seen;
    BindingStore bindings(m_connection);
    for (const MutualAidBinding &b : bindings.activeTouching(a, on) + bindings.activeTouching(t, on)) {
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
    Lookup lookup(m_connection);
    lookup.remember(authorizer);
    lookup.remember(target);
    const auto isThePair = [&](const Edge &e) { return e.touches(a) && e.touches(t); };

    // A→B spouse and B→A spouse are one couple; any other spouse of either is a second one.
    if (relationship == Spouse) {
        for (const Edge &e : std::as_const(edges)) {
            if (e.relationship != Spouse || isThePair(e))
                continue;
            const qint64 side = e.touches(a) ? a : t;
            add(findings, RefusalCode::SpouseAlreadyBound, lookup.describe(e, e.otherThan(side)));
        }
    }

    // What the same two people say of each other in the other direction.
    const QString inverse = Relationship::inverse(relationship);
    if (!inverse.isEmpty()) {
        for (const Edge &e : std::as_const(edges)) {
            if (e.authorizerId == t && e.targetId == a && !Relationship::inverse(e.relationship).isEmpty()
                && e.relationship != inverse)
                add(findings, RefusalCode::RelationshipConflict, lookup.describe(e, t));
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
            if (parents.size() >= 2 || (!sex.isNull() && sexOf(lookup.person(parent)) == sex))
                add(findings, RefusalCode::RelationshipUnusual, lookup.describe(edge, parent));
        }
    }
    return findings;
}

void RelationshipAgreement::review(Household &household, const QDate &on) const
{
    for (HouseholdBinding &b : household.bindings) {
        if (b.kind != HouseholdBinding::Kind::MutualAid || !b.isActive())
            continue;
        const bool outgoing = b.direction == HouseholdBinding::Direction::Outgoing;
        const Person &authorizer = outgoing ? household.person : b.counterpart;
        const Person &target = outgoing ? b.counterpart : household.person;
        b.agreement = check(authorizer, target, b.relationship, on, {}, b.bindingId);
    }
}

} // namespace gongji
