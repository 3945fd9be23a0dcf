#include "ui/household/KindStyle.h"

#include <QCoreApplication>

namespace gongji {

QColor KindStyle::color(Kind kind)
{
    return kind == Kind::MutualAid ? QColor(0x0f, 0x6b, 0x7a) : QColor(0xb3, 0x5a, 0x12);
}

QColor KindStyle::tint(Kind kind)
{
    return kind == Kind::MutualAid ? QColor(0xe6, 0xf2, 0xf4) : QColor(0xfc, 0xf0, 0xe3);
}

Qt::PenStyle KindStyle::penStyle(Kind kind) { return kind == Kind::MutualAid ? Qt::SolidLine : Qt::DashLine; }

QColor KindStyle::endedColor() { return QColor(0x9a, 0x9a, 0x9a); }

KindStyle::Kind KindStyle::fromKeyword(const QString &keyword)
{
    return keyword == QLatin1String("kinship") ? Kind::Kinship : Kind::MutualAid;
}

QString KindStyle::meaning(Kind kind)
{
    return kind == Kind::MutualAid
        ? QCoreApplication::translate("KindStyle",
                                      "Money moves: the authorizer's personal account pays the target's own share.")
        : QCoreApplication::translate(
            "KindStyle",
            "No money moves: the holder only shows the member's e-voucher; the member pays with their own insurance.");
}

} // namespace gongji
