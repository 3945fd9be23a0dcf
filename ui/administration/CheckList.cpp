#include "ui/administration/CheckList.h"

namespace gongji {

namespace {
constexpr int KeywordRole = Qt::UserRole + 1;
}

CheckList::CheckList(QWidget *parent) : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::NoSelection);
    setUniformItemSizes(true);
    // Never squeezed into a scrolling list: the surrounding scroll area scrolls instead.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(this, &QListWidget::itemChanged, this, &CheckList::checkedChanged);
}

void CheckList::addOption(const QString &keyword, const QString &label)
{
    auto *entry = new QListWidgetItem(label, this);
    entry->setData(KeywordRole, keyword);
    entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    entry->setCheckState(Qt::Unchecked);
}

void CheckList::setChecked(const QStringList &keywords)
{
    const QSignalBlocker quiet(this); // one signal for the whole list, not one per row
    for (int row = 0; row < count(); ++row)
        item(row)->setCheckState(keywords.contains(item(row)->data(KeywordRole).toString()) ? Qt::Checked
                                                                                            : Qt::Unchecked);
    emit checkedChanged();
}

void CheckList::setChecked(const QString &keyword, bool on)
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(KeywordRole).toString() == keyword)
            item(row)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList CheckList::checked() const
{
    QStringList keywords;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->checkState() == Qt::Checked)
            keywords << item(row)->data(KeywordRole).toString();
    }
    return keywords;
}

QSize CheckList::minimumSizeHint() const { return {QListWidget::minimumSizeHint().width(), sizeHint().height()}; }

QSize CheckList::sizeHint() const
{
    // Tall enough to show every option without scrolling: the lists are short and fixed.
    const int rowHeight = count() > 0 ? sizeHintForRow(0) : fontMetrics().height() + 4;
    return {QListWidget::sizeHint().width(), rowHeight * count() + 2 * frameWidth() + 4};
}

} // namespace gongji
