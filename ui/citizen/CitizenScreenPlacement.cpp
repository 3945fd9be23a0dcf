#include "ui/citizen/CitizenScreenPlacement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace gongji {

CitizenScreenPlacement::CitizenScreenPlacement(QWidget *citizenWindow, QWidget *clerkWindow)
    : QObject(citizenWindow)
    , m_citizen(citizenWindow)
    , m_clerk(clerkWindow)
{
    // Queued: while a screen goes away Qt is still moving its windows to another one.
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &CitizenScreenPlacement::place, Qt::QueuedConnection);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &CitizenScreenPlacement::place, Qt::QueuedConnection);
}

QString CitizenScreenPlacement::settingKey() { return QStringLiteral("citizenScreen/screen"); }

QString CitizenScreenPlacement::setting() { return QSettings().value(settingKey(), automatic()).toString(); }

void CitizenScreenPlacement::setSetting(const QString &choice) { QSettings().setValue(settingKey(), choice); }

QScreen *CitizenScreenPlacement::chosenScreen() const
{
    const QString choice = setting();
    if (choice == off())
        return nullptr;
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (QScreen *screen : screens) {
        if (screen->name() == choice)
            return screen;
    }
    // Automatic, or the named screen is unplugged: any screen that is not the clerk's.
    QScreen *clerkScreen = m_clerk ? m_clerk->screen() : QGuiApplication::primaryScreen();
    for (QScreen *screen : screens) {
        if (screen != clerkScreen)
            return screen;
    }
    return nullptr;
}

void CitizenScreenPlacement::place()
{
    if (!m_citizen)
        return;
    if (setting() == off()) {
        m_citizen->hide();
        return;
    }
    QScreen *screen = chosenScreen();
    if (screen) {
        m_citizen->setWindowFlag(Qt::FramelessWindowHint, true);
        m_citizen->setGeometry(screen->geometry());
        if (!m_citizen->windowHandle())
            m_citizen->winId(); // a native window, so it can be put on that screen
        m_citizen->windowHandle()->setScreen(screen);
        m_citizen->showFullScreen();
        keepClerkActive();
        return;
    }
    // One screen: an ordinary window beside the clerk's, which the clerk may move or minimise.
    const bool wasFullScreen = m_citizen->isFullScreen() || m_citizen->windowFlags().testFlag(Qt::FramelessWindowHint);
    m_citizen->setWindowFlag(Qt::FramelessWindowHint, false);
    if (wasFullScreen || !m_citizen->isVisible()) {
        m_citizen->showNormal();
        m_citizen->resize(960, 680);
    }
    keepClerkActive();
}

void CitizenScreenPlacement::keepClerkActive()
{
    // The keyboard (and the card reader typing into it) stays the clerk's: a window system
    // that activates every window shown would otherwise hand it to the citizen's window.
    if (m_clerk && m_clerk->isVisible())
        m_clerk->activateWindow();
}

} // namespace gongji
