#include "model/printing/OfficeSettings.h"

#include <QSettings>

namespace gongji {

OfficeInfo OfficeSettings::load()
{
    QSettings settings;
    OfficeInfo office;
    office.name = settings.value(QStringLiteral("office/name")).toString();
    office.address = settings.value(QStringLiteral("office/address")).toString();
    office.counter = settings.value(QStringLiteral("office/counter")).toString();
    return office;
}

void OfficeSettings::save(const OfficeInfo &office)
{
    QSettings settings;
    settings.setValue(QStringLiteral("office/name"), office.name);
    settings.setValue(QStringLiteral("office/address"), office.address);
    settings.setValue(QStringLiteral("office/counter"), office.counter);
}

} // namespace gongji
