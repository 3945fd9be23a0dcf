// gongji-desk offers the latest backup when its database is damaged: the dialog driven
// by the keyboard on a database whose header was overwritten, and the start-up path around it.
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

#include "DatabaseFile.h"
#include "TestDatabase.h"
#include "ui/recovery/DamagedDatabaseDialog.h"
#include "ui/recovery/StartupDatabase.h"
#include "model/registry/DemoDatabase.h"
#include "model/storage/BackupFolder.h"
#include "model/storage/Database.h"

using namespace gongji;

namespace {

qint64 filingCount(const QString &connection)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM filing")) && query.next() ? query.value(0).toLongLong() : -1;
}

// Garbage over pages in the middle of the file: the header and the schema still read.
bool damagePages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() < 12 * 4096)
        return false;
    file.seek(4 * 4096);
    return file.write(QByteArray(6 * 4096, '\x5a')) == 6 * 4096;
}

bool damageHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.write(QByteArray(100, '\x13')) == 100;
}

const QDateTime monday(QDate(2026, 11, 16), QTime(17, 30, 5));

} // namespace

class TestDamagedDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void enterRestoresNewestBackup();
    void escapeQuitsAndChangesNothing();
    void chooseAnotherBackup();
    void withoutBackupSaysWhatToDo();
    void startRecoversAndBacksUpAtClose();
    void damageFoundAtCloseIsCheckedAtNextStart();

private:
    // The demo households and filings, backed up, then more filings are lost to a damaged header.
    bool prepare(TestDatabase &db, QStringList backupTimes = {}, bool damage = true);
    qint64 m_filings = 0;
    QString m_problem;
    QString m_path; // the damaged database
};

void TestDamagedDatabase::init()
{
    m_filings = 0;
    m_problem.clear();
    m_path.clear();
}

bool TestDamagedDatabase::prepare(TestDatabase &db, QStringList backupTimes, bool damage)
{
    // A desk's own file as gongji-desk --demo makes it on a first start (the test fixture's
    // accounts would keep the demo out).
    Database::close(db.connection());
    m_path = QDir(db.dir()).filePath(QStringLiteral("desk.sqlite"));
    const QString connection = QStringLiteral("demo");
    QString error;
    if (!Database::open(m_path, connection).ok || !DemoDatabase::loadIfEmpty(connection, &error)) {
        qWarning() << error;
        return false;
    }
    m_filings = filingCount(connection);
    BackupFolder folder(m_path);
    for (const QString &time : backupTimes)
        if (const auto written = folder.write(connection, QDateTime::fromString(time, Qt::ISODate)); !written.ok) {
            qWarning() << written.error;
            return false;
        }
    Database::close(connection);
    if (!damage)
        return m_filings > 0;
    if (!damageHeader(m_path))
        return false;
    const Database::OpenResult opened = Database::open(m_path, QStringLiteral("damaged"));
    m_problem = opened.error;
    if (opened.ok || !opened.damaged || m_filings <= 0)
        qWarning() << "not prepared:" << opened.error << opened.damaged << m_filings;
    return !opened.ok && opened.damaged && m_filings > 0;
}

void TestDamagedDatabase::enterRestoresNewestBackup()
{
    TestDatabase db;
    QVERIFY(prepare(db, {QStringLiteral("2026-11-15T17:00:00"), QStringLiteral("2026-11-16T17:30:05")}));
    const QByteArray damagedBytes = DatabaseFile::digest(m_path);
    DamagedDatabaseDialog dialog(m_path, m_problem);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (qEnvironmentVariableIsSet("GONGJI_SCREENSHOT_DIR"))
        dialog.grab().save(
            QDir(qEnvironmentVariable("GONGJI_SCREENSHOT_DIR")).filePath(QStringLiteral("damaged-database.png")));
    auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreOffered"));
    QVERIFY(restore);
    QVERIFY2(restore->text().contains(QLatin1String("2026-11-16 17:30")), qPrintable(restore->text()));
    QCOMPARE(QApplication::focusWidget(), restore);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("damageProblem"))->text().contains(m_path));

    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QFileInfo(dialog.restoredFrom()).fileName(), QStringLiteral("desk-20261116-173005.sqlite"));
    QCOMPARE(DatabaseFile::digest(dialog.keptAside()), damagedBytes);
    QCOMPARE(DatabaseFile::rowsIn(m_path, QStringLiteral("filing")), m_filings);
}

void TestDamagedDatabase::escapeQuitsAndChangesNothing()
{
    TestDatabase db;
    QVERIFY(prepare(db, {QStringLiteral("2026-11-16T17:30:05")}));
    const QByteArray damagedBytes = DatabaseFile::digest(m_path);
    const QStringList files = QDir(db.dir()).entryList(QDir::Files);
    DamagedDatabaseDialog dialog(m_path, m_problem);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.restoredFrom().isEmpty());
    QCOMPARE(DatabaseFile::digest(m_path), damagedBytes);
    QCOMPARE(QDir(db.dir()).entryList(QDir::Files), files);
}

void TestDamagedDatabase::chooseAnotherBackup()
{
    TestDatabase db;
    QVERIFY(prepare(db, {QStringLiteral("2026-11-16T17:30:05")}));
    // A copy the administrator brought on a USB stick, and a file that is no backup at all.
    QVERIFY(QDir(db.dir()).mkdir(QStringLiteral("usb")));
    const QString copy = QDir(db.dir()).filePath(QStringLiteral("usb/office-copy.sqlite"));
    QVERIFY(QFile::copy(BackupFolder(m_path).list().first().path, copy));
    const QString notes = QDir(db.dir()).filePath(QStringLiteral("usb/notes.sqlite"));
    QFile notesFile(notes);
    QVERIFY(notesFile.open(QIODevice::WriteOnly));
    notesFile.write("not a database");
    notesFile.close();
    const QByteArray damagedBytes = DatabaseFile::digest(m_path);

    QStringList offered;
    QString chooserStart;
    DamagedDatabaseDialog dialog(m_path, m_problem);
    dialog.setBackupChooser([&](QWidget *, const QString &folder) {
        chooserStart = folder;
        return offered.isEmpty() ? QString() : offered.takeFirst();
    });
    dialog.show();
    dialog.activateWindow(); // mnemonics (Alt+C) reach the active window only
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *choose = dialog.findChild<QPushButton *>(QStringLiteral("chooseBackup"));
    QCOMPARE(choose->shortcut(), QKeySequence(Qt::ALT | Qt::Key_C));
    // Tab from the offered backup to "Choose another backup…", Space presses it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), choose);

    offered = {notes};
    QTest::keyClick(choose, Qt::Key_Space);
    QCOMPARE(chooserStart, BackupFolder(m_path).folder());
    auto *outcome = dialog.findChild<QLabel *>(QStringLiteral("restoreOutcome"));
    QVERIFY(outcome->isVisible());
    QVERIFY2(outcome->text().contains(QLatin1String("nothing was changed")), qPrintable(outcome->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(DatabaseFile::digest(m_path), damagedBytes);

    QTest::keyClick(choose, Qt::Key_Space); // cancelled in the file dialog
    QVERIFY(dialog.isVisible());

    offered = {copy};
    QTest::keyClick(choose, Qt::Key_Space);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.restoredFrom(), copy);
    QCOMPARE(DatabaseFile::rowsIn(m_path, QStringLiteral("filing")), m_filings);
}

void TestDamagedDatabase::withoutBackupSaysWhatToDo()
{
    TestDatabase db;
    QVERIFY(prepare(db));
    DamagedDatabaseDialog dialog(m_path, m_problem);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (qEnvironmentVariableIsSet("GONGJI_SCREENSHOT_DIR"))
        dialog.grab().save(
            QDir(qEnvironmentVariable("GONGJI_SCREENSHOT_DIR")).filePath(QStringLiteral("no-backup.png")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("restoreOffered")));
    const QString state = dialog.findChild<QLabel *>(QStringLiteral("backupState"))->text();
    QVERIFY2(state.contains(QLatin1String("no backup")), qPrintable(state));
    QVERIFY2(state.contains(QLatin1String("office administrator")), qPrintable(state));
    QVERIFY2(state.contains(QStringLiteral("gongji-admin --db %1 restore FILE").arg(m_path)), qPrintable(state));
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QPushButton *>(QStringLiteral("quit")));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

// What gongji-desk's main() runs: the dialog, the restored file opened, and the day's backup
// written when the program closes cleanly.
void TestDamagedDatabase::startRecoversAndBacksUpAtClose()
{
    TestDatabase db;
    QVERIFY(prepare(db, {QStringLiteral("2026-11-16T17:30:05")}));
    QStringList seen;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&seen] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            seen << QString::fromLatin1(modal->metaObject()->className());
            QTest::keyClick(modal, Qt::Key_Return); // restore, then OK on the note that follows
        }
    });
    driver.start(50);
    const QString connection = QStringLiteral("desk");
    QVERIFY(StartupDatabase::openOrRecover(m_path, connection));
    driver.stop();
    QCOMPARE(seen, QStringList({QStringLiteral("gongji::DamagedDatabaseDialog"), QStringLiteral("QMessageBox")}));
    QCOMPARE(filingCount(connection), m_filings);
    // The restored database records the restore; before any sign-in, by the OS user.
    QSqlQuery audit(QSqlDatabase::database(connection, false));
    QVERIFY(audit.exec(QStringLiteral("SELECT actor, subject FROM audit_log WHERE action = 'database_restore'")));
    QVERIFY(audit.next());
    QVERIFY2(audit.value(0).toString().startsWith(QLatin1String("os:")), qPrintable(audit.value(0).toString()));
    QCOMPARE(audit.value(1).toString(), QStringLiteral("desk-20261116-173005.sqlite"));
    QVERIFY(!audit.next());
    audit.finish();

    BackupFolder folder(m_path);
    QCOMPARE(folder.list().size(), 1);
    QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(folder.list().size(), 2);
    QCOMPARE(folder.list().first().taken.date(), QDate::currentDate());
    QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection)); // once a day
    QCOMPARE(folder.list().size(), 2);
    Database::close(connection);
}

// Damage that the start does not see (the header and schema read fine) stops the day's backup at
// close; that is noted, and the next start checks the whole file and offers the last backup.
void TestDamagedDatabase::damageFoundAtCloseIsCheckedAtNextStart()
{
    TestDatabase db;
    QVERIFY(prepare(db, {QStringLiteral("2026-11-16T17:30:05")}, false));
    QVERIFY(damagePages(m_path));
    const QString connection = QStringLiteral("desk");
    QStringList seen;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&seen] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            seen << QString::fromLatin1(modal->metaObject()->className());
            QTest::keyClick(modal, Qt::Key_Return);
        }
    });
    driver.start(50);
    QVERIFY(StartupDatabase::openOrRecover(m_path, connection));
    QCOMPARE(seen, QStringList()); // opened: nothing noticed yet
    BackupFolder folder(m_path);
    QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(folder.list().size(), 1); // no copy of a damaged file
    QVERIFY2(!folder.notedDamage().isEmpty(), "the failed check is noted");
    Database::close(connection);

    QVERIFY(StartupDatabase::openOrRecover(m_path, connection));
    driver.stop();
    QCOMPARE(seen, QStringList({QStringLiteral("gongji::DamagedDatabaseDialog"), QStringLiteral("QMessageBox")}));
    QCOMPARE(filingCount(connection), m_filings);
    QCOMPARE(folder.notedDamage(), QString());
    Database::close(connection);
}

QTEST_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
