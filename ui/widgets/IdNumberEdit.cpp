#include "ui/widgets/IdNumberEdit.h"

#include <QFontDatabase>
#include <QKeyEvent>

#include "model/domain/IdType.h"

namespace gongji {

IdNumberEdit::IdNumberEdit(QWidget *parent) : QLineEdit(parent)
{
    // Longest document number (resident ID, new permanent-residence card) is 18 characters;
    // a little slack keeps a reader's stray separator from cutting the number.
    setMaxLength(24);
    // A Chinese input method would swallow the reader's digits into its candidate window.
    setAttribute(Qt::WA_InputMethodEnabled, false);
    setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText | Qt::ImhLatinOnly);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.15);
    setFont(mono);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, &IdNumberEdit::normalise);
    setIdType(IdType::ResidentId);
}

void IdNumberEdit::setIdType(const QString &code)
{
    m_idType = code;
    QString hint;
    if (code == IdType::ResidentId || code == IdType::ResidencePermitHmt)
        hint = tr("18 characters, the last may be X");
    else if (code == IdType::HongKongPermit)
        hint = tr("H followed by 8 or 10 digits");
    else if (code == IdType::MacauPermit)
        hint = tr("M followed by 8 or 10 digits");
    else if (code == IdType::TaiwanPermit)
        hint = tr("8 digits (old booklets: 10 characters)");
    else if (code == IdType::ForeignPermanent)
        hint = tr("18 digits starting with 9, or 3 letters and 12 digits");
    else if (code == IdType::ForeignPassport)
        hint = tr("5 to 17 letters and digits");
    else if (code == IdType::ChinesePassport)
        hint = tr("E or G followed by 8 characters");
    setPlaceholderText(hint);
}

void IdNumberEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        normalise(text());
        emit submitted();
        event->accept(); // the wizard must not also take Enter as "next page"
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void IdNumberEdit::normalise(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            clean.append(c.toUpper());
    }
    if (clean == text)
        return;
    const int cursor = cursorPosition() - int(text.size() - clean.size());
    setText(clean);
    setCursorPosition(qBound(0, cursor, int(clean.size())));
}

} // namespace gongji
