#include "ui/widgets/ShorthandComboBox.h"

#include <QKeyEvent>

namespace gongji {

namespace {
// A pause longer than this starts a new code: what was typed before is forgotten.
constexpr qint64 kPauseMs = 1500;
} // namespace

ShorthandComboBox::ShorthandComboBox(int shorthandRole, QWidget *parent)
    : QComboBox(parent)
    , m_shorthandRole(shorthandRole)
{}

QList<int> ShorthandComboBox::rowsFitting(const QString &text, QList<int> *exact) const
{
    QList<int> rows;
    for (int row = 0; row < count(); ++row) {
        const QStringList shorthands = itemData(row, m_shorthandRole).toStringList();
        bool fits = false;
        for (const QString &shorthand : shorthands) {
            if (shorthand.startsWith(text))
                fits = true;
            if (shorthand == text && !exact->contains(row))
                exact->append(row);
        }
        if (fits)
            rows << row;
    }
    return rows;
}

bool ShorthandComboBox::take(const QString &text)
{
    QList<int> exact;
    const QList<int> rows = rowsFitting(text, &exact);
    if (rows.isEmpty())
        return false;
    m_typed = text;
    setCurrentIndex(exact.isEmpty() ? rows.first() : exact.first());
    if (rows.size() == 1 && exact.size() == 1) {
        m_typed.clear();
        emit shorthandCompleted();
    }
    return true;
}

void ShorthandComboBox::keyPressEvent(QKeyEvent *event)
{
    const QString text = event->text().toLower();
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (plain && text.size() == 1 && text.at(0).isLetterOrNumber() && text.at(0).unicode() < 128) {
        if (m_lastKey.isValid() && m_lastKey.elapsed() > kPauseMs)
            m_typed.clear();
        m_lastKey.start();
        // A key that fits nothing after what was typed starts a new code.
        if (!take(m_typed + text) && !take(text))
            m_typed.clear();
        event->accept();
        return;
    }
    m_typed.clear();
    QComboBox::keyPressEvent(event);
}

void ShorthandComboBox::focusOutEvent(QFocusEvent *event)
{
    m_typed.clear();
    QComboBox::focusOutEvent(event);
}

} // namespace gongji
