#include "model/domain/Person.h"

#include <QCoreApplication>

namespace gongji {

QString Person::province() const
{
    // Only a well-formed region code has a province; anything else would compare equal by accident.
    if (poolingRegion.size() != 6)
        return QString();
    for (QChar c : poolingRegion)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QString();
    return poolingRegion.left(2) + QLatin1String("0000");
}

QString Person::insuranceLabel(const QString &insuranceType)
{
    if (insuranceType == QLatin1String("310"))
        return QCoreApplication::translate("Person", "Employee basic medical insurance");
    if (insuranceType == QLatin1String("390"))
        return QCoreApplication::translate("Person", "Urban and rural resident basic medical insurance");
    return QCoreApplication::translate("Person", "Insurance type %1").arg(insuranceType);
}

QString Person::statusLabel(const QString &status)
{
    if (status == QLatin1String("active"))
        return QCoreApplication::translate("Person", "Active");
    if (status == QLatin1String("suspended"))
        return QCoreApplication::translate("Person", "Suspended");
    if (status == QLatin1String("terminated"))
        return QCoreApplication::translate("Person", "Terminated");
    if (status == QLatin1String("deceased"))
        return QCoreApplication::translate("Person", "Deceased");
    return QCoreApplication::translate("Person", "Status %1").arg(status);
}

QString Person::employmentLabel(const QString &employment)
{
    if (employment == QLatin1String("working"))
        return QCoreApplication::translate("Person", "Working");
    if (employment == QLatin1String("retired"))
        return QCoreApplication::translate("Person", "Retired");
    // Residents have no employment state: show nothing rather than a made-up word.
    if (employment.isEmpty())
        return QString();
    return QCoreApplication::translate("Person", "Employment %1").arg(employment);
}

} // namespace gongji
