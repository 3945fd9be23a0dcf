#pragma once
#include <QDate>
#include <QList>
#include <QString>

#include "model/domain/Person.h"
#include "model/filing/PendingBinding.h"
#include "model/domain/Finding.h"
#include "model/domain/FilingNeighbourhood.h"

namespace gongji {

struct Household;

// Relationships that agree with each other (docs/domain.md, rules of 2026; every region, always
// on): one spouse per person across all active mutual-aid bindings in either direction
// (SPOUSE_ALREADY_BOUND); a relationship that fits the binding between the same two people in
// the other direction (RELATIONSHIP_CONFLICT); at most one parent of each sex and two in all,
// else a warning the clerk confirms (RELATIONSHIP_UNUSUAL). Each finding names the binding it
// disagrees with.
class RelationshipAgreement
{
public:
    explicit RelationshipAgreement(const QString &connection);

    // The findings of a binding `relationship` from `authorizer` to `target` against the stored
    // bindings of both active on `around.on` and `pending` (earlier entries of the same filing or
    // file). `around` holds both persons' bindings and the persons these name (and those of
    // `pending`). `storedBindingId`: the binding being checked is this stored one (the household
    // screen checks the bindings it shows); it is left out of the comparison.
    static Findings check(const FilingNeighbourhood &around, const Person &authorizer, const Person &target,
                          const QString &relationship, const QList<PendingBinding> &pending,
                          qint64 storedBindingId = 0);

    // Fills in HouseholdBinding::agreement for every mutual-aid binding of the household active
    // on `on`: bindings stored before these checks existed, or by another program, may disagree.
    void review(Household &household, const QDate &on = QDate::currentDate()) const;

    // The sex of a person: the registry's, else the one the ID number carries (may be null).
    static QChar sexOf(const Person &person);

private:
    QString m_connection;
};

} // namespace gongji
