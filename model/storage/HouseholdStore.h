#pragma once
#include <QDate>
#include <QList>
#include <QString>

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

private:
    QString m_connection;
};

} // namespace gongji
