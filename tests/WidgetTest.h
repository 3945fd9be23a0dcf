#pragma once
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QObject>
#include <QTimer>
#include <QWidget>
#include <functional>

// What the widget tests share: finding a named child, and answering the next modal dialog the
// way a person would, once it is on screen (a modal dialog's exec() blocks the test until then).
namespace WidgetTest {

// The child called `name`; the test stops at once when there is none (a renamed widget).
template<typename T> T *child(const QObject *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

// Runs `work` on the next visible modal dialog of type T, looking every 20 ms; counts it in
// `handled` when given, so that a test can check that the dialog came at all.
template<typename T> void onNextDialog(QObject *owner, std::function<void(T *)> work, int *handled = nullptr)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, owner, [timer, work, handled] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        if (handled)
            ++*handled;
        work(dialog);
    });
    timer->start();
}

// Clicks `button` on the next message box.
inline void answerNextMessageBox(QObject *owner, QMessageBox::StandardButton button, int *answered = nullptr)
{
    onNextDialog<QMessageBox>(
        owner, [button](QMessageBox *box) { box->button(button)->click(); }, answered);
}

} // namespace WidgetTest
