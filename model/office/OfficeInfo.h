#pragma once
#include <QString>

namespace gongji {

// The counter that prints a summary. Given by the caller (OfficeSettings, or the CLI's options):
// the summary builders never read settings themselves.
struct OfficeInfo
{
    QString name; // 经办机构, e.g. "杭州市医疗保障服务中心"
    QString address;
    QString counter; // 窗口, e.g. "3号窗口"
};

} // namespace gongji
