#pragma once
#include <QStyledItemDelegate>

namespace gongji {

// Paints a HouseholdBindingsModel row in its kind's colours: a coloured band and tint in the
// kind column (共济 teal, 亲情 amber), ended bindings in grey. The model stays free of QtGui.
class BindingKindDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace gongji
