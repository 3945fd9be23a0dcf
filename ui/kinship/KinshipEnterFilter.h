#pragma once
#include <QObject>
#include <QSet>

class QWidget;

namespace gongji {

// Enter on the kinship form: in an entry field it moves on like Tab (a half-typed member must not
// be submitted by a stray Enter); on a confirmation tick box it asks to submit.
class KinshipEnterFilter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void moveOnEnter(QWidget *widget);
    void submitOnEnter(QWidget *widget);
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void submitRequested();

private:
    QSet<QObject *> m_move;
    QSet<QObject *> m_submit;
};

} // namespace gongji
