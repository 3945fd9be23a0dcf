#pragma once
#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

#include "model/household/HouseholdBinding.h"

namespace gongji {

// Every SQL statement that reads a person's bindings of both kinds, with the other side joined.
// Each branch uses its own index (by authorizer, by target, by holder, by member).
class HouseholdStore
{
public:
    explicit HouseholdStore(const QString &connection);

    QList<HouseholdBinding> bindingsOf(qint64 personId) const;
    // The person with this document and every binding of both kinds with its counterpart, in
    // one statement: one round trip to an office server (docs/registry-import.md, "Lookup").
    // The bindings come in the order of bindingsOf(). None when nobody has the document.
    std::optional<Household> findByDocument(const QString &idType, const QString &idNumber) const;
    // The same by the person's id.
    std::optional<Household> findById(qint64 personId) const;

    // The one statement of findByDocument (:type, :number), for the benchmarks' baselines.
    static QString householdByDocumentSql();

private:
    std::optional<Household> household(const QString &sql, const QList<std::pair<QString, QVariant>> &values) const;
    QString m_connection;
};

} // namespace gongji
