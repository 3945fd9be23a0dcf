#pragma once
#include <QComboBox>
#include <QElapsedTimer>

namespace gongji {

// A list box a clerk picks from by typing: a code or pinyin initials ("50" or "fm" → 父母).
// What each row accepts comes from the model (a QStringList under `shorthandRole`), never from
// the widget. Each key narrows the choice and selects the first row it fits; when the typed
// text is a whole shorthand of exactly one row, that row is taken and shorthandCompleted() says
// the clerk may go on to the next field.
class ShorthandComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit ShorthandComboBox(int shorthandRole, QWidget *parent = nullptr);

    // The text typed so far (lower case); empty after a pause, a completion or another key.
    QString typed() const { return m_typed; }

signals:
    void shorthandCompleted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    // Rows with a shorthand starting with `text`; `exact` gets those with one equal to it.
    QList<int> rowsFitting(const QString &text, QList<int> *exact) const;
    bool take(const QString &text);

    int m_shorthandRole;
    QString m_typed;
    QElapsedTimer m_lastKey;
};

} // namespace gongji
