#include "ui/widgets/VerdictDelegate.h"

#include "model/itemmodels/FilingTargetsModel.h"

namespace gongji {

void VerdictDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != FilingTargetsModel::VerdictColumn)
        return;
    QColor color(0x1d, 0x6b, 0x2f);
    if (index.data(FilingTargetsModel::RefusedRole).toBool())
        color = QColor(0xb0, 0x1e, 0x1e);
    else if (index.data(FilingTargetsModel::WarningRole).toBool())
        color = QColor(0xa8, 0x5a, 0x00);
    option->palette.setColor(QPalette::Text, color);
    option->palette.setColor(QPalette::HighlightedText, color.lighter(250));
    option->font.setBold(true);
}

} // namespace gongji
