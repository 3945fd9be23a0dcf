// The start-up baseline: a minimal Qt Widgets program that shows one window. With
// GONGJI_EXIT_AFTER_SHOW set it quits once the window is exposed (painted), like gongji-desk.
#include <QApplication>
#include <QLabel>
#include <QTimer>
#include <QWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("Gongji Desk start-up baseline"));
    window.resize(1024, 720);
    window.show();
    if (qEnvironmentVariableIsSet("GONGJI_EXIT_AFTER_SHOW")) {
        auto *poll = new QTimer(&app);
        QObject::connect(poll, &QTimer::timeout, &app, [&window] {
            if (window.windowHandle() && window.windowHandle()->isExposed())
                QCoreApplication::quit();
        });
        poll->start(1);
    }
    return QApplication::exec();
}
