#pragma once
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

#include "model/domain/MutualAidBinding.h"
#include "model/domain/Person.h"
#include "model/domain/RuleSet.h"

namespace gongji {

// What the rules engine reads of the database for one draft, read at once (NeighbourhoodStore)
// so that checking a filing costs two round trips to an office server, not one per question:
// the draft's persons, the rule set in force for its authorizer, the mutual-aid bindings active
// on the filing date that touch them, the persons and filing numbers those name, and when each
// pair of the draft last ended.
struct FilingNeighbourhood
{
    QDate on;
    QHash<qint64, Person> persons;
    std::optional<RuleSet> ruleSet; // in force for the authorizer on `on`
    QList<MutualAidBinding> active; // by started_at, id; their proofs are not read
    QHash<qint64, QString> filingNumbers; // of the filings of `active`
    QHash<QPair<qint64, qint64>, QDateTime> lastEnds; // (authorizer, target): the latest end that starts a cooldown

    std::optional<Person> byDocument(const QString &idType, const QString &idNumber) const;
    std::optional<Person> byId(qint64 personId) const;
    QList<MutualAidBinding> byAuthorizer(qint64 personId) const;
    QList<MutualAidBinding> byTarget(qint64 personId) const;
    // As authorizer first, then as target.
    QList<MutualAidBinding> touching(qint64 personId) const;
    bool pairActive(qint64 authorizerId, qint64 targetId) const;
    // Quotas (fen) of the authorizer's active bindings.
    qint64 quotaSetAside(qint64 authorizerId) const;
    std::optional<QDateTime> lastEndOfPair(qint64 authorizerId, qint64 targetId) const;
};

} // namespace gongji
