#pragma once
#include "model/office/OfficeInfo.h"

namespace gongji {

// The counter's office name, address and window number, kept in the desk's settings (QSettings of
// gongji-desk), written by the settings dialog and read by the desk and by `gongji-admin print`,
// so that both print the same header.
class OfficeSettings
{
public:
    static OfficeInfo load();
    static void save(const OfficeInfo &office);
    // The office's time zone as minutes east of UTC (480: China Standard Time, UTC+8): the
    // statistics count a day from the office's midnight (docs/statistics.md).
    static int utcOffsetMinutes();
    static void saveUtcOffsetMinutes(int minutes);
};

} // namespace gongji
