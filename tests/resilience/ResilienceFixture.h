#pragma once
#include <QHash>
#include <QString>
#include <QStringList>

namespace gongji {

// The database and filings both resilience proofs start from: households made by
// PopulationGenerator, stored through PersonStore, and a filings CSV (docs/domain.md §10) in which
// each household's head files all other members on one day: one multi-target filing each.
class ResilienceFixture
{
public:
    // Creates DATABASE with `households` households (regions in turn, 浙江 330100 among them)
    // and the accounts below.
    // Returns an error message, or empty.
    QString create(const QString &databasePath, int households, quint64 seed);
    // Writes the filings CSV for every household; returns false when it cannot be written.
    bool writeFilingsCsv(const QString &path) const;

    struct Member
    {
        QString idNumber;
        QString name;
        QString relationship; // to the head
    };
    struct Family
    {
        QString poolingRegion;
        QList<Member> members; // [0] is the head, an employee
    };
    const QList<Family> &families() const { return m_families; }
    // Head's ID number → how many targets the head's filing has.
    QHash<QString, int> targetsPerAuthorizer() const;

    static QString filedOn() { return QStringLiteral("2026-11-02"); }
    // The accounts create() adds; both have password().
    static QString supervisorLogin() { return QStringLiteral("supervisor"); }
    static QString clerkLogin() { return QStringLiteral("worker"); }
    static QString password() { return QStringLiteral("resilience-password-1"); }

private:
    QList<Family> m_families;
};

} // namespace gongji
