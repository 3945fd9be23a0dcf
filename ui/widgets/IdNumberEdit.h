#pragma once
#include <QLineEdit>

namespace gongji {

// An ID-number field for typing or for a card reader that acts as a keyboard: it takes a fast
// burst of keystrokes followed by Enter. Keeps only letters and digits, upper-cased; Enter is
// reported as submitted() and stops here, so the field's own action (look up, add) comes first.
class IdNumberEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit IdNumberEdit(QWidget *parent = nullptr);

    // Shows the expected format of that document type as the placeholder.
    void setIdType(const QString &code);
    QString idType() const { return m_idType; }

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void normalise(const QString &text);
    QString m_idType;
};

} // namespace gongji
