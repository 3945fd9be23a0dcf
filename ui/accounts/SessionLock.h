#pragma once
#include <QList>
#include <QObject>
#include <QPointer>

#include "model/storage/ClerkStore.h"

class QAction;
class QMainWindow;
class QStackedWidget;
class QWidget;

namespace gongji {

class IdleWatch;
class LockScreen;

// Locks the counter on Ctrl+L or after the idle time of the setting session/idleLockMinutes:
// the window's work is hidden behind a LockScreen in the same window (a page of a stack, so the
// unfinished filing stays exactly as it was) and every action of the window is disabled until
// the signed-in clerk's password is typed again. Lock and unlock are audited (CounterSession).
class SessionLock : public QObject
{
    Q_OBJECT
public:
    // Makes a stack of `content` and the lock screen the window's central widget.
    SessionLock(const QString &connection, const ClerkAccount &account, QMainWindow *window, QWidget *content);

    static QString idleSettingKey();
    // Minutes from the setting; 5 when unset, 0 for never.
    static int idleMinutesSetting();
    // Applies the setting (again, after the settings dialog changed it).
    void readIdleSetting();
    // For tests: an idle time in milliseconds; 0 for never.
    void setIdleMilliseconds(int milliseconds);

    QAction *lockAction() const { return m_lockAction; }
    LockScreen *screen() const { return m_screen; }
    IdleWatch *idleWatch() const { return m_idle; }
    bool isLocked() const { return m_locked; }

public slots:
    // `reason` is "shortcut" or "idle" (recorded in the audit log).
    void lock(const QString &reason = QStringLiteral("shortcut"));
    // True when the password was right and the work is shown again.
    bool unlock(const QString &password);

signals:
    void locked();
    void unlocked();
    // The clerk chose Sign out on the lock screen; the window asks about unfinished work.
    void signOutRequested();

private:
    QString m_connection;
    ClerkAccount m_account;
    QMainWindow *m_window;
    QWidget *m_content;
    QStackedWidget *m_stack;
    LockScreen *m_screen;
    IdleWatch *m_idle;
    QAction *m_lockAction;
    bool m_locked = false;
    QList<QPointer<QAction>> m_disabledActions;
    QList<QPointer<QWidget>> m_hiddenWidgets;
    QPointer<QWidget> m_focus;
};

} // namespace gongji
