#pragma once
#include <QColor>
#include <QString>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// How the two things a clerk handles are drawn everywhere: 共济 (money moves) in teal with solid
// lines, 亲情 (no money moves) in amber with dashed lines. One place, so a list row, an arrow and a
// banner of the same kind always look alike and citizens stop confusing the two.
class KindStyle
{
public:
    using Kind = HouseholdBinding::Kind;

    static QColor color(Kind kind);
    static QColor tint(Kind kind); // light background for rows and banners
    static Qt::PenStyle penStyle(Kind kind);
    static QColor endedColor(); // ended bindings, whatever their kind
    static Kind fromKeyword(const QString &keyword); // "mutual_aid" / "kinship"
    // One plain sentence on what the kind does, for banners and dialogs.
    static QString meaning(Kind kind);
};

} // namespace gongji
