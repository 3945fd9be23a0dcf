#pragma once
#include <QStyledItemDelegate>

namespace gongji {

// Colours a FilingTargetsModel row by its verdict (red refused, amber warning, green accepted),
// so the model library stays free of QtGui.
class VerdictDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace gongji
