#include "ui/widgets/StepList.h"

namespace gongji {

StepList::StepList(QWidget *parent) : QListWidget(parent)
{
    setFocusPolicy(Qt::NoFocus);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFrameShape(QFrame::NoFrame);
    setSpacing(4);
    setFixedWidth(200);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    setStyleSheet(QStringLiteral("QListWidget { background: #f0f3f7; padding-top: 16px; }"
                                 "QListWidget::item { padding: 8px 12px; color: #6b7785; }"));
}

void StepList::setSteps(const QStringList &titles)
{
    clear();
    int n = 0;
    for (const QString &title : titles)
        addItem(QStringLiteral("%1  %2").arg(++n).arg(title));
    setCurrentStep(0);
}

void StepList::setCurrentStep(int index)
{
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem *entry = item(row);
        QFont font = entry->font();
        font.setBold(row == index);
        entry->setFont(font);
        entry->setForeground(row == index      ? QColor(0x0b, 0x4f, 0x8a)
                                 : row < index ? QColor(0x1d, 0x6b, 0x2f)
                                               : QColor(0x6b, 0x77, 0x85));
        entry->setBackground(row == index ? QColor(0xdc, 0xe8, 0xf5) : QColor(Qt::transparent));
    }
}

} // namespace gongji
