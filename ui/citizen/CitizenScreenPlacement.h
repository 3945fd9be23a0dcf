#pragma once
#include <QObject>
#include <QPointer>

class QScreen;
class QWidget;

namespace gongji {

// Where the citizen's window goes, by the setting 设置 → 客户屏: full screen on a screen of its
// own (the one named, else the first that is not the clerk's), else an ordinary window the
// clerk can move or hide; or nowhere when turned off. Follows screens being plugged in or out.
class CitizenScreenPlacement : public QObject
{
    Q_OBJECT
public:
    CitizenScreenPlacement(QWidget *citizenWindow, QWidget *clerkWindow);

    static QString settingKey();
    // "auto" (the default), "off", or a screen's name.
    static QString setting();
    static void setSetting(const QString &choice);
    static QString automatic() { return QStringLiteral("auto"); }
    static QString off() { return QStringLiteral("off"); }

    // The screen the citizen's window takes whole; null for an ordinary window or when off.
    QScreen *chosenScreen() const;

public slots:
    // Applies the setting to the screens there are now.
    void place();

private:
    void keepClerkActive();

    QPointer<QWidget> m_citizen;
    QPointer<QWidget> m_clerk;
};

} // namespace gongji
