#pragma once
#include <QString>

namespace gongji {

// The counter that prints a summary. Given by the caller (the desk's settings, the CLI's
// options): the model does not read QSettings.
struct OfficeInfo
{
    QString name;    // 经办机构, e.g. "杭州市医疗保障服务中心"
    QString address;
    QString counter; // 窗口, e.g. "3号窗口"
};

} // namespace gongji
