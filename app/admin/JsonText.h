#pragma once
#include <QString>
#include <QStringList>

namespace gongji {

// JSON values written by hand, for output lines whose keys must keep their documented order
// (QJsonObject sorts keys). Non-ASCII text is written as it is (UTF-8 output).
class JsonText
{
public:
    static QString string(const QString &text);
    static QString stringOrNull(const QString &text); // null when empty
    static QString array(const QStringList &items);
};

} // namespace gongji
