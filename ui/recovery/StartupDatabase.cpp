#include "recovery/StartupDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

#include <cstdio>

#include "recovery/DamagedDatabaseDialog.h"
#include "storage/BackupFolder.h"
#include "storage/Database.h"
#include "storage/DatabaseLocation.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(gongji::StartupDatabase)
};

// The day's backup is written when the clerk closes the program, not at start: on a large file it
// takes a while, and the window is already gone by then.
void backUpAtCleanClose(const QString &path, const QString &connection)
{
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, qApp, [path, connection] {
        const DatabaseBackup::Result result = BackupFolder(path).writeDaily(connection);
        if (!result.ok)
            fprintf(stderr, "gongji-desk: the automatic backup was not written: %s\n", qPrintable(result.error));
    });
}

} // namespace

bool StartupDatabase::openOrRecover(const QString &where, const QString &connection)
{
    const DatabaseLocation location = DatabaseLocation::parse(where);
    Database::OpenResult opened = Database::open(where, connection);
    if (!opened.ok && opened.damaged) {
        DamagedDatabaseDialog dialog(location.path, opened.error);
        if (dialog.exec() != QDialog::Accepted)
            return false; // Quit: the damaged file stays as it was
        opened = Database::open(where, connection);
        if (opened.ok)
            QMessageBox::information(
                nullptr, Text::tr("Backup restored"),
                Text::tr("The backup of %1 is now the database. Enter again what was stored after that time. "
                         "The damaged file is kept as %2; give its name to the office administrator.")
                    .arg(QDir::toNativeSeparators(dialog.restoredFrom()), QDir::toNativeSeparators(dialog.keptAside())));
    }
    if (!opened.ok) {
        // Database::open leaves a foreign, damaged or newer file untouched and names it.
        QMessageBox::critical(nullptr, Text::tr("Cannot open the database"), opened.error);
        return false;
    }
    if (!location.isServer) // an office server is backed up by the server's own tools
        backUpAtCleanClose(location.path, connection);
    return true;
}

} // namespace gongji
