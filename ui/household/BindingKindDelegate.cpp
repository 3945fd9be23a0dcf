#include "ui/household/BindingKindDelegate.h"

#include <QPainter>

#include "ui/household/KindStyle.h"
#include "model/itemmodels/HouseholdBindingsModel.h"

namespace gongji {

namespace {
constexpr int bandWidth = 6;

HouseholdBinding::Kind kindOf(const QModelIndex &index)
{
    return KindStyle::fromKeyword(index.data(HouseholdBindingsModel::KindRole).toString());
}
} // namespace

void BindingKindDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool active = index.data(HouseholdBindingsModel::ActiveRole).toBool();
    if (index.column() == HouseholdBindingsModel::KindColumn) {
        option->font.setBold(true);
        option->backgroundBrush = KindStyle::tint(kindOf(index));
        option->palette.setColor(QPalette::Text, active ? KindStyle::color(kindOf(index)) : KindStyle::endedColor());
    } else if (!active) {
        option->palette.setColor(QPalette::Text, KindStyle::endedColor().darker(130));
    }
}

void BindingKindDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != HouseholdBindingsModel::KindColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem shifted = option;
    shifted.rect.adjust(bandWidth, 0, 0, 0);
    QStyledItemDelegate::paint(painter, shifted, index);
    // The band repeats the kind as colour and line style, as in the diagram.
    const HouseholdBinding::Kind kind = kindOf(index);
    const bool active = index.data(HouseholdBindingsModel::ActiveRole).toBool();
    painter->save();
    const QRect band(option.rect.left() + 1, option.rect.top() + 2, bandWidth - 2, option.rect.height() - 4);
    const QColor color = active ? KindStyle::color(kind) : KindStyle::endedColor();
    if (kind == HouseholdBinding::Kind::MutualAid) {
        painter->fillRect(band, color);
    } else {
        for (int y = band.top(); y < band.bottom(); y += 6)
            painter->fillRect(QRect(band.left(), y, band.width(), qMin(3, band.bottom() - y)), color);
    }
    painter->restore();
}

QSize BindingKindDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == HouseholdBindingsModel::KindColumn)
        size.rwidth() += bandWidth + 4;
    return size;
}

} // namespace gongji
