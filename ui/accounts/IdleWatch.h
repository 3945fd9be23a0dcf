#pragma once
#include <QObject>
#include <QTimer>

namespace gongji {

// Notices when nobody has typed, clicked or moved the mouse anywhere in the application for a
// while: an application-wide event filter restarts a single-shot timer on every such input.
class IdleWatch : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatch(QObject *parent = nullptr);
    ~IdleWatch() override;

    // 0 turns the watch off.
    void setInterval(int milliseconds);
    int interval() const { return m_interval; }
    bool isRunning() const { return m_timer.isActive(); }
    // Starts counting afresh (e.g. after an unlock).
    void restart();

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    int m_interval = 0;
};

} // namespace gongji
