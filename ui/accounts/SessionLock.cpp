#include "ui/accounts/SessionLock.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QToolBar>

#include "model/accounts/CounterSession.h"
#include "ui/accounts/IdleWatch.h"
#include "ui/accounts/LockScreen.h"

namespace gongji {

SessionLock::SessionLock(const QString &connection, const ClerkAccount &account, QMainWindow *window, QWidget *content)
    : QObject(window)
    , m_connection(connection)
    , m_account(account)
    , m_window(window)
    , m_content(content)
    , m_stack(new QStackedWidget(window))
    , m_screen(new LockScreen(account))
    , m_idle(new IdleWatch(this))
    , m_lockAction(new QAction(tr("&Lock the counter"), window))
{
    m_stack->setObjectName(QStringLiteral("sessionStack"));
    m_stack->addWidget(content);
    m_stack->addWidget(m_screen);
    m_stack->setCurrentWidget(content);
    window->setCentralWidget(m_stack);

    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_lockAction); // works while the menu bar is hidden
    connect(m_lockAction, &QAction::triggered, this, [this] { lock(QStringLiteral("shortcut")); });

    connect(m_idle, &IdleWatch::idle, this, [this] { lock(QStringLiteral("idle")); });
    connect(m_screen, &LockScreen::unlockRequested, this, &SessionLock::unlock);
    connect(m_screen, &LockScreen::signOutRequested, this, &SessionLock::signOutRequested);
    readIdleSetting();
}

QString SessionLock::idleSettingKey() { return QStringLiteral("session/idleLockMinutes"); }

int SessionLock::idleMinutesSetting()
{
    bool ok = false;
    const int minutes = QSettings().value(idleSettingKey(), 5).toInt(&ok);
    return ok ? qBound(0, minutes, 24 * 60) : 5;
}

void SessionLock::readIdleSetting() { setIdleMilliseconds(idleMinutesSetting() * 60 * 1000); }

void SessionLock::setIdleMilliseconds(int milliseconds) { m_idle->setInterval(milliseconds); }

void SessionLock::lock(const QString &reason)
{
    if (m_locked)
        return;
    // A question or dialog waiting for an answer is left alone: hiding it would answer it.
    // The idle time starts again; Ctrl+L cannot reach the window behind a modal dialog anyway.
    if (QApplication::activeModalWidget()) {
        m_idle->restart();
        return;
    }
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    m_locked = true;
    const QString recorded = CounterSession(m_connection, m_account.login).lock(reason);

    QWidget *focus = QApplication::focusWidget();
    m_focus = focus && m_content->isAncestorOf(focus) ? focus : nullptr;
    // Every action of the window (menus, tool bars, the pages' shortcuts) waits for the unlock.
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action != m_lockAction && action->isEnabled()) {
            action->setEnabled(false);
            m_disabledActions.append(action);
        }
    }
    // The menu bar, the tool bars and the window's other windows (the rules editor) go out of sight.
    QList<QWidget *> hide;
    hide << m_window->menuBar();
    for (QToolBar *bar : m_window->findChildren<QToolBar *>())
        hide << bar;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top == m_window || top->windowModality() != Qt::NonModal || top->windowType() == Qt::Popup)
            continue;
        for (QWidget *parent = top->parentWidget(); parent; parent = parent->parentWidget()) {
            if (parent == m_window) {
                hide << top;
                break;
            }
        }
    }
    for (QWidget *widget : std::as_const(hide)) {
        if (widget->isVisible()) {
            widget->hide();
            m_hiddenWidgets.append(widget);
        }
    }
    m_content->setEnabled(false);
    m_stack->setCurrentWidget(m_screen);
    m_screen->reset();
    if (!recorded.isEmpty())
        m_screen->showError(recorded);
    emit locked();
}

bool SessionLock::unlock(const QString &password)
{
    if (!m_locked)
        return true;
    const SignIn::Result result = CounterSession(m_connection, m_account.login).unlock(password);
    if (!result.ok) {
        const QString until = result.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"));
        m_screen->reset();
        m_screen->showError(result.lockedUntil.isValid() && !result.error.contains(until)
                                ? tr("%1 Try again after %2, or sign out.").arg(result.error, until)
                                : result.error);
        return false;
    }
    m_locked = false;
    m_screen->reset();
    m_content->setEnabled(true);
    m_stack->setCurrentWidget(m_content);
    for (const QPointer<QAction> &action : std::as_const(m_disabledActions)) {
        if (action)
            action->setEnabled(true);
    }
    m_disabledActions.clear();
    for (const QPointer<QWidget> &widget : std::as_const(m_hiddenWidgets)) {
        if (widget)
            widget->show();
    }
    m_hiddenWidgets.clear();
    m_window->activateWindow();
    if (m_focus)
        m_focus->setFocus(Qt::OtherFocusReason);
    m_idle->restart();
    emit unlocked();
    return true;
}

} // namespace gongji
