// The GUI's memory after opening a household on a large database: gongji-desk's MainWindow on
// DB, and beside it the household review lists (the models the household screen uses) filled
// for ID number NUMBER and shown in table views. Prints VmHWM from /proc/self/status and, with
// GONGJI_EXIT_AFTER_SHOW set, quits once everything is painted.
//   gongji-bench-gui-household DB NUMBER
#include <QApplication>
#include <QFile>
#include <QHBoxLayout>
#include <QTableView>
#include <QTimer>
#include <QWindow>

#include <cstdio>

#include "model/domain/IdNumber.h"
#include "ui/MainWindow.h"
#include "model/storage/ClerkStore.h"
#include "model/itemmodels/HouseholdBindingsModel.h"
#include "model/storage/Database.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/PersonStore.h"

using namespace gongji;

namespace {

QByteArray peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return "unknown";
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified();
    return "unknown";
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 3) {
        fprintf(stderr, "usage: gongji-bench-gui-household DB NUMBER\n");
        return 64;
    }
    const QString connection = Database::defaultConnectionName();
    const auto opened = Database::open(QString::fromLocal8Bit(argv[1]), connection);
    if (!opened.ok) {
        fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 2;
    }
    // The window as a signed-in supervisor sees it (no sign-in: memory, not passwords, is measured).
    ClerkAccount account;
    account.login = QStringLiteral("bench");
    account.displayName = QStringLiteral("Benchmark");
    account.role = ClerkRole::Supervisor;
    MainWindow window(connection, Database::pathOf(connection), account);
    window.show();

    Household household;
    const auto person = PersonStore(connection).findByDocument(QStringLiteral("01"), QString::fromLatin1(argv[2]));
    if (!person) {
        fprintf(stderr, "gongji-bench-gui-household: %s is not in the registry\n", argv[2]);
        return 1;
    }
    household.person = *person;
    household.bindings = HouseholdStore(connection).bindingsOf(person->id);
    QWidget lists;
    auto *layout = new QHBoxLayout(&lists);
    using Section = HouseholdBindingsModel::Section;
    for (Section section : {Section::Authorizes, Section::AuthorizedBy, Section::KinshipHolders,
                            Section::KinshipMembers, Section::History}) {
        auto *model = new HouseholdBindingsModel(section, &lists);
        model->setHousehold(household);
        auto *view = new QTableView(&lists);
        view->setModel(model);
        layout->addWidget(view);
    }
    lists.resize(1200, 400);
    lists.show();
    int exitCode = 0;
    if (qEnvironmentVariableIsSet("GONGJI_EXIT_AFTER_SHOW")) {
        auto *poll = new QTimer(&app);
        QObject::connect(poll, &QTimer::timeout, &app, [&] {
            if (window.windowHandle() && window.windowHandle()->isExposed() && lists.windowHandle()
                && lists.windowHandle()->isExposed())
                QCoreApplication::quit();
        });
        poll->start(1);
    }
    exitCode = QApplication::exec();
    // Masked as everywhere else, even for generated numbers: benchmark logs get copied around.
    printf("household of %s: %d bindings; VmHWM %s\n", qPrintable(IdNumber::mask(QString::fromLocal8Bit(argv[2]))),
           int(household.bindings.size()), peakRss().constData());
    Database::close(connection);
    return exitCode;
}
