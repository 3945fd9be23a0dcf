#include "model/office/OfficeSettings.h"

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

int OfficeSettings::utcOffsetMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(QStringLiteral("office/utc_offset_minutes"), 480).toInt(&ok);
    // Real zones lie within UTC-12 and UTC+14; anything else is a typo in the settings file.
    return ok && minutes >= -12 * 60 && minutes <= 14 * 60 ? minutes : 480;
}

void OfficeSettings::saveUtcOffsetMinutes(int minutes)
{
    QSettings().setValue(QStringLiteral("office/utc_offset_minutes"), minutes);
}

} // namespace gongji
