#pragma once
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <random>

#include "model/domain/Person.h"

namespace gongji {

// Deterministic, realistic households for benchmarks and resilience tests: valid resident ID
// numbers (MOD 11-2), birth dates and sexes that agree with them, several pooling regions, a head
// of household who is an employee, a spouse, children and parents. The same seed gives the same
// people; two generators with different `idSpace` never give the same ID number.
class PopulationGenerator
{
public:
    struct Member
    {
        Person person;
        QString relationship; // what this member is to the head ("" for the head)
    };
    struct Household
    {
        QList<Member> members; // members[0] is the head, an active employee
    };
    struct Region
    {
        QString pooling; // pooling region (统筹区)
        QStringList addresses; // address codes of its districts, used in ID numbers
    };

    explicit PopulationGenerator(quint64 seed, int idSpace = 0);

    // A household of `size` members (2..6); 0 draws the size.
    Household nextHousehold(int size = 0);
    // A household in this pooling region.
    Household nextHouseholdIn(const QString &poolingRegion, int size = 0);
    int random(int low, int high); // inclusive

    static const QList<Region> &regions();
    static QString residentId(const QString &address, const QDate &birth, int sequence);

private:
    Person makePerson(const Region &region, const QString &surname, QChar sex, int age, bool employee);
    QString uniqueId(const QString &address, const QDate &birth, QChar sex);
    QString givenName();

    std::mt19937_64 m_rng;
    int m_idSpace;
    QHash<QString, int> m_nextSequence; // address+birth+sex → next free sequence
};

} // namespace gongji
