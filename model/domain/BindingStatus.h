#pragma once
#include <QString>

namespace gongji {

// Where a binding (mutual aid or kinship account) stands: active until it is ended by a
// revocation, an automatic end or the end of its authorization period; an ended binding never
// becomes active again (a new filing makes a new binding).
enum class BindingStatus { Active, Ended };

// The one conversion between BindingStatus and its texts.
class BindingStatuses
{
public:
    // "active" / "ended": the database column and the JSON of `household`.
    static QString keyword(BindingStatus status);
    // Anything but "active" reads as ended: a binding is only ever counted when it is known active.
    static BindingStatus fromKeyword(const QString &keyword);
};

} // namespace gongji
