#pragma once
#include <QChar>
#include <QDate>
#include <QString>

namespace gongji {

// One insured person of the registry (docs/domain.md §2).
struct Person
{
    qint64 id = 0;
    QString name;
    QString idType;
    QString idNumber;
    QChar sex; // 'M' / 'F'
    QDate birthDate;
    QString insuranceType; // "310" employee, "390" resident
    QString employment; // "working" / "retired" / empty for residents
    QString status; // "active" "suspended" "terminated" "deceased"
    QString poolingRegion; // 6 digits
    qint64 balanceFen = 0; // personal account balance in fen
    bool publicMedical = false;

    bool isEmployee() const { return insuranceType == QLatin1String("310"); }
    bool isActive() const { return status == QLatin1String("active"); }
    QString province() const; // first two digits + "0000"

    static QString insuranceLabel(const QString &insuranceType);
    static QString statusLabel(const QString &status);
    static QString employmentLabel(const QString &employment);
};

} // namespace gongji

// Every member moves as plain bytes: a list of a million persons (a registry import) grows by
// reallocation instead of copying each one.
Q_DECLARE_TYPEINFO(gongji::Person, Q_RELOCATABLE_TYPE);
