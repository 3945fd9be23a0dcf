#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// Every SQL statement that reads a person's bindings of both kinds, with the other side joined.
// Each branch uses its own index (by authorizer, by target, by holder, by member).
class HouseholdStore
{
public:
    explicit HouseholdStore(const QString &connection);

    // A mutual-aid binding past its valid_until on `on` comes back ended by expiry, even before
    // the expiry has been stored.
    QList<HouseholdBinding> bindingsOf(qint64 personId, const QDate &on = QDate::currentDate()) const;
    // The person with this document and every binding of both kinds with its counterpart and its
    // hand-over state, in one statement: one round trip to an office server
    // (docs/registry-import.md, "Lookup"). The bindings are those of bindingsOf(), in its order,
    // expired ones read the same way. None when nobody has the document.
    std::optional<Household> findByDocument(const QString &idType, const QString &idNumber,
                                            const QDate &on = QDate::currentDate()) const;
    // The same by the person's id.
    std::optional<Household> findById(qint64 personId, const QDate &on = QDate::currentDate()) const;

    // The one statement of findByDocument (:type, :number), for the benchmarks' baselines.
    static QString householdByDocumentSql();

private:
    std::optional<Household> household(const QString &sql, const QList<std::pair<QString, QVariant>> &values,
                                       const QDate &on) const;
    QString m_connection;
};

} // namespace gongji
