#include "model/storage/NeighbourhoodStore.h"

#include <QStringList>

#include "model/storage/BindingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

// ":prefix0, :prefix1 …" for `count` values, bound by bindList.
QString placeholders(const QString &prefix, qsizetype count)
{
    QStringList names;
    for (qsizetype i = 0; i < count; ++i)
        names << QStringLiteral(":%1%2").arg(prefix).arg(i);
    return names.join(QStringLiteral(", "));
}

void bindList(StatementBatch &batch, const QString &prefix, const QList<qint64> &ids)
{
    for (qsizetype i = 0; i < ids.size(); ++i)
        batch.bind(QStringLiteral(":%1%2").arg(prefix).arg(i), ids.at(i));
}

} // namespace

NeighbourhoodStore::NeighbourhoodStore(const QString &connection) : m_connection(connection) {}

FilingNeighbourhood NeighbourhoodStore::load(const Request &request) const
{
    StatementBatch batch(m_connection);
    return load(request, batch);
}

FilingNeighbourhood NeighbourhoodStore::load(const Request &request, StatementBatch &batch) const
{
    FilingNeighbourhood around;
    around.on = request.on;

    // First round trip: the persons the draft names by document (with the caller's reads).
    const int authorizerAt = request.authorizer
        ? PersonStore::queueFindByDocument(batch, request.authorizer->idType, request.authorizer->idNumber)
        : -1;
    QList<int> targetsAt;
    for (const Document &target : request.targets)
        targetsAt << PersonStore::queueFindByDocument(batch, target.idType, target.idNumber);
    batch.run();
    std::optional<Person> authorizer = authorizerAt >= 0 ? PersonStore::readPerson(batch, authorizerAt) : std::nullopt;
    QList<qint64> seeds = request.personIds;
    QList<qint64> targets;
    if (authorizer) {
        around.persons.insert(authorizer->id, *authorizer);
        seeds << authorizer->id;
    }
    for (const int at : std::as_const(targetsAt)) {
        if (const std::optional<Person> target = PersonStore::readPerson(batch, at)) {
            around.persons.insert(target->id, *target);
            seeds << target->id;
            targets << target->id;
        }
    }
    if (seeds.isEmpty())
        return around;

    // Second round trip: everything around them.
    StatementBatch near(m_connection);
    const int ruleSetAt = authorizer ? RuleSetStore::queueResolve(near, authorizer->poolingRegion, request.on) : -1;
    const QString seedList = placeholders(QStringLiteral("s"), seeds.size());
    const QString activeOn = BindingStore::activeOn(QStringLiteral("b"));
    // Two indexed lookups (as authorizer, as target) rather than one OR.
    const QString touching
        = QStringLiteral("SELECT %1, f.filing_no FROM binding b LEFT JOIN filing f ON f.id = b.filing_id "
                         "WHERE b.%2 IN (%3) AND %4");
    const QString columns = BindingStore::columns(QStringLiteral("b"));
    const int bindingsAt = near.add(QStringLiteral("SELECT * FROM (%1 UNION %2) touching ORDER BY started_at, id")
                                        .arg(touching.arg(columns, QStringLiteral("authorizer_id"), seedList, activeOn),
                                             touching.arg(columns, QStringLiteral("target_id"), seedList, activeOn)));
    bindList(near, QStringLiteral("s"), seeds);
    near.bind(QStringLiteral(":on"), Timestamp::dateToText(request.on));

    QString named = QStringLiteral("SELECT b.target_id FROM binding b WHERE b.authorizer_id IN (%1) AND %2 "
                                   "UNION SELECT b.authorizer_id FROM binding b WHERE b.target_id IN (%1) AND %2")
                        .arg(seedList, activeOn);
    const QList<qint64> byId = request.personIds + request.alsoNamed;
    if (!byId.isEmpty())
        named += QStringLiteral(" UNION SELECT q.id FROM person q WHERE q.id IN (%1)")
                     .arg(placeholders(QStringLiteral("n"), byId.size()));
    const int namedAt = near.add(QStringLiteral("SELECT %1 FROM person p WHERE p.id IN (%2)")
                                     .arg(PersonStore::columns(QStringLiteral("p")), named));
    bindList(near, QStringLiteral("s"), seeds);
    bindList(near, QStringLiteral("n"), byId);
    near.bind(QStringLiteral(":on"), Timestamp::dateToText(request.on));

    int lastEndsAt = -1;
    if (authorizer && !targets.isEmpty()) {
        lastEndsAt = near.add(
            QStringLiteral("SELECT target_id, MAX(ended_at) FROM binding WHERE authorizer_id = :a "
                           "AND target_id IN (%1) AND %2 GROUP BY target_id")
                .arg(placeholders(QStringLiteral("t"), targets.size()), BindingStore::endStartingCooldown()));
        near.bind(QStringLiteral(":a"), authorizer->id);
        bindList(near, QStringLiteral("t"), targets);
    }
    near.run();

    around.ruleSet = RuleSetStore::readResolved(near, ruleSetAt);
    StatementBatch::Rows bindings = near.rows(bindingsAt);
    while (bindings.next()) {
        around.active.append(BindingStore::fromRow(bindings, 0));
        if (!bindings.value(BindingStore::columnCount).isNull())
            around.filingNumbers.insert(around.active.last().filingId,
                                        bindings.value(BindingStore::columnCount).toString());
    }
    StatementBatch::Rows persons = near.rows(namedAt);
    while (persons.next()) {
        const Person person = PersonStore::fromRow(persons, 0);
        around.persons.insert(person.id, person);
    }
    if (lastEndsAt >= 0) {
        StatementBatch::Rows ends = near.rows(lastEndsAt);
        while (ends.next()) {
            if (!ends.value(1).isNull())
                around.lastEnds.insert({authorizer->id, ends.value(0).toLongLong()},
                                       Timestamp::fromText(ends.value(1).toString()));
        }
    }
    return around;
}

} // namespace gongji
