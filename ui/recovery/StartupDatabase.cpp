#include "ui/recovery/StartupDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSqlDatabase>

#include <cstdio>

#include "ui/recovery/DamagedDatabaseDialog.h"
#include "ui/settings/ServerPasswordDialog.h"
#include "ui/settings/ServerPasswordKeyring.h"
#include "model/storage/BackupFolder.h"
#include "model/storage/DatabaseBackup.h"
#include "model/startup/DatabaseStartup.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseLocation.h"

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
    // One database per program run: a later open replaces the earlier one's backup.
    static QMetaObject::Connection atQuit;
    QObject::disconnect(atQuit);
    atQuit = QObject::connect(qApp, &QCoreApplication::aboutToQuit, qApp, [path, connection] {
        if (!QSqlDatabase::contains(connection) || Database::pathOf(connection) != path)
            return; // closed meanwhile, or now another database
        const DatabaseBackup::Result result = BackupFolder(path).writeDaily(connection);
        if (!result.ok)
            fprintf(stderr, "gongji-desk: the automatic backup was not written: %s\n", qPrintable(result.error));
    });
}

// An office server without a password in the address or the password file: the keyring's, then
// the clerk is asked (three tries). A refused password is asked again, never kept.
Database::OpenResult openServerAskingPassword(const DatabaseLocation &location, const QString &where,
                                              const QString &connection, Database::OpenResult opened)
{
    const QString address = location.displayName();
    Database::Options options;
    options.password = ServerPasswordKeyring::read(address);
    if (!options.password.isEmpty())
        opened = DatabaseStartup::open(where, connection, options);
    for (int attempt = 0; attempt < 3 && !opened.ok
         && (opened.needsPassword || opened.error.contains(QLatin1String("password authentication failed")));
         ++attempt) {
        ServerPasswordDialog dialog(address, options.password.isEmpty() ? QString() : opened.error);
        if (dialog.exec() != QDialog::Accepted)
            break;
        options.password = dialog.password();
        opened = DatabaseStartup::open(where, connection, options);
        if (opened.ok && dialog.keepInKeyring())
            ServerPasswordKeyring::write(address, options.password);
    }
    options.password.fill(QLatin1Char('\0'));
    return opened;
}

} // namespace

bool StartupDatabase::openOrRecover(const QString &where, const QString &connection)
{
    const DatabaseLocation location = DatabaseLocation::parse(where);
    Database::OpenResult opened = DatabaseStartup::open(where, connection);
    if (!opened.ok && location.isServer && opened.needsPassword)
        opened = openServerAskingPassword(location, where, connection, opened);
    if (opened.ok && !opened.warning.isEmpty())
        QMessageBox::warning(nullptr, Text::tr("Password in the database address"), opened.warning);
    if (opened.ok && !location.isServer && !BackupFolder(location.path).notedDamage().isEmpty()) {
        // The last day's backup could not be made because the file failed its check: check it
        // again (it reads the whole file) before anyone works on it.
        BackupFolder folder(location.path);
        const QString problem = BackupFolder::check(location.path);
        if (problem.isEmpty()) {
            folder.clearNotedDamage();
        } else {
            Database::close(connection);
            opened = Database::OpenResult{false, problem, true};
        }
    }
    if (!opened.ok && opened.damaged) {
        // Checking the backups reads each one through: on a large database that takes a while.
        auto *checking = new QLabel(Text::tr("The database cannot be used. Checking its backups…"));
        checking->setWindowTitle(Text::tr("Gongji Desk"));
        checking->setMargin(24);
        checking->show();
        QCoreApplication::processEvents();
        DamagedDatabaseDialog dialog(location.path, opened.error);
        delete checking;
        if (dialog.exec() != QDialog::Accepted)
            return false; // Quit: the damaged file stays as it was
        BackupFolder(location.path).clearNotedDamage();
        opened = DatabaseStartup::open(where, connection);
        if (opened.ok) {
            // Nobody has signed in yet: the operating-system user is who chose the backup.
            const QString osUser = qEnvironmentVariable("USER", QStringLiteral("unknown"));
            const QString unrecorded = DatabaseBackup::recordRestore(connection, QStringLiteral("os:") + osUser,
                                                                     dialog.restoredFrom(), dialog.keptAside());
            if (!unrecorded.isEmpty())
                QMessageBox::warning(nullptr, Text::tr("Backup restored"),
                                     Text::tr("The restore could not be written to the audit log: %1").arg(unrecorded));
            QMessageBox::information(
                nullptr, Text::tr("Backup restored"),
                Text::tr("The backup of %1 is now the database. Enter again what was stored after that time. "
                         "The damaged file is kept as %2; give its name to the office administrator.")
                    .arg(QDir::toNativeSeparators(dialog.restoredFrom()),
                         QDir::toNativeSeparators(dialog.keptAside())));
        }
    }
    if (!opened.ok) {
        // Database::open leaves a foreign, damaged or newer file untouched and names it.
        QMessageBox::critical(nullptr, Text::tr("Cannot open the database"), opened.error);
        return false;
    }
    // An office server is backed up by the server's own tools. The start-up benchmark
    // (GONGJI_EXIT_AFTER_SHOW) quits as soon as the window shows: no copy of its large file.
    if (!location.isServer && !qEnvironmentVariableIsSet("GONGJI_EXIT_AFTER_SHOW"))
        backUpAtCleanClose(location.path, connection);
    return true;
}

} // namespace gongji
