#include "ui/kinship/KinshipEnterFilter.h"

#include <QKeyEvent>
#include <QWidget>

namespace gongji {

void KinshipEnterFilter::moveOnEnter(QWidget *widget)
{
    m_move.insert(widget);
    widget->installEventFilter(this);
}

void KinshipEnterFilter::submitOnEnter(QWidget *widget)
{
    m_submit.insert(widget);
    widget->installEventFilter(this);
}

bool KinshipEnterFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) || key->modifiers() != Qt::NoModifier)
        return false;
    if (m_move.contains(watched)) {
        auto *widget = static_cast<QWidget *>(watched);
        if (QWidget *next = widget->nextInFocusChain()) {
            // The focus chain runs through labels and containers too: find the next field.
            while (next != widget && !(next->focusPolicy() & Qt::TabFocus && next->isEnabled() && next->isVisible()))
                next = next->nextInFocusChain();
            next->setFocus(Qt::TabFocusReason);
        }
        return true;
    }
    if (m_submit.contains(watched)) {
        emit submitRequested();
        return true;
    }
    return false;
}

} // namespace gongji
