#pragma once
#include <QList>
#include <QString>

#include "model/household/HouseholdBinding.h"

namespace gongji {

// Every SQL statement that reads a person's bindings of both kinds, with the other side joined.
// Each branch uses its own index (by authorizer, by target, by holder, by member).
class HouseholdStore
{
public:
    explicit HouseholdStore(const QString &connection);

    QList<HouseholdBinding> bindingsOf(qint64 personId) const;

private:
    QString m_connection;
};

} // namespace gongji
