// The automatic backups beside a local database and the return of one in place of a damaged
// file (BackupFolder): listing, pruning, refusal of damaged backups, the damaged file
// kept aside, nothing half done. Real files in a temporary directory.
#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "DatabaseFile.h"
#include "TestDatabase.h"
#include "model/storage/BackupFolder.h"
#include "model/storage/Database.h"
#include "model/storage/PersonStore.h"

using namespace gongji;

namespace {

void addPeople(TestDatabase &db, int first, int count)
{
    for (int i = first; i < first + count; ++i)
        db.addPerson(QStringLiteral("王%1").arg(i),
                     TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 5, 17), 100 + i));
}

// Garbage over pages in the middle of the file: still an SQLite header, broken b-trees.
bool damagePages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() < 8 * 4096)
        return false;
    file.seek(3 * 4096 + 100);
    return file.write(QByteArray(3 * 4096, '\x5a')) == 3 * 4096;
}

// The first 100 bytes (the SQLite header) overwritten, as a failing disk or a stray program does.
bool damageHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.write(QByteArray(100, '\x13')) == 100;
}

QStringList filesIn(const QString &dir) { return QDir(dir).entryList(QDir::Files, QDir::Name); }

const QDateTime monday(QDate(2026, 11, 16), QTime(17, 30, 5));

} // namespace

class TestBackupFolder : public QObject
{
    Q_OBJECT

private slots:
    void listsNewestFirst();
    void writesOwnerOnly();
    void dailyBackupOncePerDayKeepsNewest();
    void dailyBackupOfDamagedFileIsNoted();
    void prune_data();
    void prune();
    void damagedOpenIsReported_data();
    void damagedOpenIsReported();
    void checkRefusesDamagedBackup();
    void restoreKeepsDamagedFileAside();
    void refusedRestoreChangesNothing();
    void officeServerHasNoFolder();
    void adminBackupIntoFolder();
};

void TestBackupFolder::listsNewestFirst()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 2);
    BackupFolder folder(db.path());
    QCOMPARE(folder.folder(), QDir(db.dir()).filePath(QStringLiteral("backups")));
    QCOMPARE(folder.list().size(), 0);
    const QList<QDateTime> written = {monday.addDays(1), monday, monday.addDays(3), monday.addSecs(60)};
    for (const QDateTime &when : written) {
        const DatabaseBackup::Result result = folder.write(db.connection(), when);
        QVERIFY2(result.ok, qPrintable(result.error));
    }
    // Other files in the folder are not backups of this database.
    for (const QString &name : {QStringLiteral("notes.txt"), QStringLiteral("other-20261120-080000.sqlite"),
                                QStringLiteral("test-2026.sqlite")}) {
        QFile other(QDir(folder.folder()).filePath(name));
        QVERIFY(other.open(QIODevice::WriteOnly));
    }
    const QList<BackupFolder::Backup> backups = folder.list();
    QCOMPARE(backups.size(), 4);
    QCOMPARE(backups.at(0).taken, monday.addDays(3));
    QCOMPARE(backups.at(1).taken, monday.addDays(1));
    QCOMPARE(backups.at(2).taken, monday.addSecs(60));
    QCOMPARE(backups.at(3).taken, monday);
    QCOMPARE(QFileInfo(backups.at(3).path).fileName(), QStringLiteral("test-20261116-173005.sqlite"));
    QVERIFY(backups.at(0).size > 0);
    QCOMPARE(DatabaseFile::rowsIn(backups.at(0).path, QStringLiteral("person")), 2);
    // A second backup at the same second never replaces the first.
    QVERIFY(!folder.write(db.connection(), monday).ok);
}

void TestBackupFolder::writesOwnerOnly()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    BackupFolder folder(db.path());
    QVERIFY(folder.write(db.connection(), monday).ok);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(folder.folder()).permissions() & others, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(folder.list().first().path).permissions() & others, QFileDevice::Permissions());
}

void TestBackupFolder::dailyBackupOncePerDayKeepsNewest()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 1);
    BackupFolder folder(db.path());
    for (int day = 0; day < BackupFolder::automaticKeep + 3; ++day) {
        // Two clean closes a day: only the first writes.
        for (int close = 0; close < 2; ++close) {
            const DatabaseBackup::Result result
                = folder.writeDaily(db.connection(), monday.addDays(day).addSecs(close * 3600));
            QVERIFY2(result.ok, qPrintable(result.error));
        }
    }
    const QList<BackupFolder::Backup> backups = folder.list();
    QCOMPARE(backups.size(), BackupFolder::automaticKeep);
    QCOMPARE(backups.first().taken, monday.addDays(BackupFolder::automaticKeep + 2));
    QCOMPARE(backups.last().taken, monday.addDays(3));
    QVERIFY(folder.hasBackupOn(monday.addDays(3).date()));
    QVERIFY(!folder.hasBackupOn(monday.addDays(2).date()));
}

void TestBackupFolder::dailyBackupOfDamagedFileIsNoted()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 300);
    BackupFolder folder(db.path());
    QVERIFY(folder.write(db.connection(), monday).ok);
    const QString connection = db.connection();
    Database::close(connection);
    QVERIFY(damagePages(db.path()));
    QVERIFY(Database::open(db.path(), connection).ok); // the header and the schema still read

    const DatabaseBackup::Result result = folder.writeDaily(connection, monday.addDays(1));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("integrity check")), qPrintable(result.error));
    QCOMPARE(folder.list().size(), 1); // no copy of a damaged file, no partial one
    QCOMPARE(QDir(folder.folder()).entryList(QDir::Files).size(), 2); // the backup and the note
    QVERIFY(folder.notedDamage().contains(db.path()));
    folder.clearNotedDamage();
    QCOMPARE(folder.notedDamage(), QString());
}

void TestBackupFolder::prune_data()
{
    QTest::addColumn<int>("written");
    QTest::addColumn<int>("keep");
    QTest::addColumn<int>("left");
    QTest::newRow("fewer than kept") << 3 << 14 << 3;
    QTest::newRow("exactly kept") << 4 << 4 << 4;
    QTest::newRow("more than kept") << 5 << 2 << 2;
    QTest::newRow("keep none") << 2 << 0 << 0;
}

void TestBackupFolder::prune()
{
    QFETCH(int, written);
    QFETCH(int, keep);
    QFETCH(int, left);
    TestDatabase db;
    QVERIFY(db.isOpen());
    BackupFolder folder(db.path());
    for (int i = 0; i < written; ++i)
        QVERIFY(folder.write(db.connection(), monday.addDays(i)).ok);
    const QStringList removed = folder.prune(keep);
    QCOMPARE(removed.size(), written - left);
    const QList<BackupFolder::Backup> backups = folder.list();
    QCOMPARE(backups.size(), left);
    for (int i = 0; i < left; ++i)
        QCOMPARE(backups.at(i).taken, monday.addDays(written - 1 - i)); // the newest stay
    QVERIFY(QFileInfo::exists(db.path()));
}

void TestBackupFolder::damagedOpenIsReported_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("damaged");
    QTest::newRow("header overwritten") << QStringLiteral("header") << true;
    QTest::newRow("text file") << QStringLiteral("text") << true;
    QTest::newRow("newer schema") << QStringLiteral("newer") << false;
}

void TestBackupFolder::damagedOpenIsReported()
{
    QFETCH(QString, damage);
    QFETCH(bool, damaged);
    TestDatabase db;
    QVERIFY(db.isOpen());
    if (damage == QLatin1String("newer"))
        QVERIFY(QSqlQuery(QSqlDatabase::database(db.connection())).exec(QStringLiteral("PRAGMA user_version = 999")));
    Database::close(db.connection());
    if (damage == QLatin1String("header")) {
        QVERIFY(damageHeader(db.path()));
    } else if (damage == QLatin1String("text")) {
        QFile file(db.path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("name,id_type\n张三,01\n");
    }
    const QByteArray before = DatabaseFile::digest(db.path());
    const Database::OpenResult opened = Database::open(db.path(), QStringLiteral("damaged"));
    QVERIFY(!opened.ok);
    QCOMPARE(opened.damaged, damaged);
    QVERIFY2(opened.error.contains(db.path()), qPrintable(opened.error));
    QCOMPARE(DatabaseFile::digest(db.path()), before); // never modified
}

void TestBackupFolder::checkRefusesDamagedBackup()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 300);
    BackupFolder folder(db.path());
    QVERIFY(folder.write(db.connection(), monday).ok);
    QVERIFY(folder.write(db.connection(), monday.addDays(1)).ok);
    const QString newest = folder.list().first().path;
    QVERIFY(damagePages(newest));
    const QString problem = BackupFolder::check(newest);
    QVERIFY2(problem.contains(newest), qPrintable(problem));
    QCOMPARE(BackupFolder::check(folder.list().last().path), QString());
    QStringList refused;
    const BackupFolder::Backup offered = folder.newestIntact(&refused);
    QCOMPARE(offered.taken, monday);
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().contains(newest));
}

void TestBackupFolder::restoreKeepsDamagedFileAside()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 3);
    BackupFolder folder(db.path());
    QVERIFY(folder.write(db.connection(), monday).ok);
    addPeople(db, 3, 1); // stored after the backup: lost by the restore, kept in the damaged file
    Database::close(db.connection());
    QVERIFY(damageHeader(db.path()));
    const QByteArray damagedBytes = DatabaseFile::digest(db.path());
    QVERIFY(Database::open(db.path(), QStringLiteral("damaged")).damaged);

    const DatabaseBackup::Result result = folder.restoreDamaged(folder.newestIntact().path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY2(QFileInfo(result.keptAside).fileName().startsWith(QStringLiteral("test.sqlite.damaged-")),
             qPrintable(result.keptAside));
    QCOMPARE(DatabaseFile::digest(result.keptAside), damagedBytes);
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 3);
    QCOMPARE(BackupFolder::check(folder.list().first().path), QString()); // the backup itself stays usable
    QCOMPARE(folder.list().size(), 1);
}

void TestBackupFolder::refusedRestoreChangesNothing()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 300);
    BackupFolder folder(db.path());
    QVERIFY(folder.write(db.connection(), monday).ok);
    Database::close(db.connection());
    const QString backup = folder.list().first().path;
    QVERIFY(damagePages(backup));
    QVERIFY(damageHeader(db.path()));
    const QByteArray damagedBytes = DatabaseFile::digest(db.path());
    const QStringList filesBefore = filesIn(db.dir());
    const QStringList backupsBefore = filesIn(folder.folder());

    const DatabaseBackup::Result result = folder.restoreDamaged(backup);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("nothing was changed")), qPrintable(result.error));
    QVERIFY(result.keptAside.isEmpty());
    QCOMPARE(DatabaseFile::digest(db.path()), damagedBytes);
    QCOMPARE(filesIn(db.dir()), filesBefore); // no half-restored copy, no second name
    QCOMPARE(filesIn(folder.folder()), backupsBefore);
}

void TestBackupFolder::officeServerHasNoFolder()
{
    BackupFolder folder(QStringLiteral("postgresql://gongji@office-server/gongji_office"));
    QVERIFY(folder.unsupported().contains(QLatin1String("pg_dump")));
    QVERIFY(folder.list().isEmpty());
    const DatabaseBackup::Result result = folder.write(QStringLiteral("none"), monday);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, folder.unsupported());
    QVERIFY(!folder.restoreDamaged(QStringLiteral("/nonexistent")).ok);
}

// gongji-admin [--db PATH] backup without FILE writes where the desk looks; with a FOLDER there.
void TestBackupFolder::adminBackupIntoFolder()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    addPeople(db, 0, 2);
    auto admin = [&](const QStringList &arguments, QString *output) {
        QProcess process;
        process.start(QStringLiteral(GONGJI_ADMIN_BIN), QStringList{QStringLiteral("--db"), db.path()} + arguments);
        process.waitForFinished(60000);
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitCode();
    };
    QString output;
    QCOMPARE(admin({QStringLiteral("backup")}, &output), 0); // the desk's connection stays open
    const QList<BackupFolder::Backup> backups = BackupFolder(db.path()).list();
    QCOMPARE(backups.size(), 1);
    QVERIFY2(output.contains(backups.first().path), qPrintable(output));
    QCOMPARE(DatabaseFile::rowsIn(backups.first().path, QStringLiteral("person")), 2);

    const QString usb = QDir(db.dir()).filePath(QStringLiteral("usb"));
    QVERIFY(QDir().mkpath(usb));
    QCOMPARE(admin({QStringLiteral("backup"), usb}, &output), 0);
    const QList<BackupFolder::Backup> copied = BackupFolder(db.path(), usb).list();
    QCOMPARE(copied.size(), 1);
    QCOMPARE(BackupFolder::check(copied.first().path), QString());
    QCOMPARE(admin({QStringLiteral("backup"), usb, QStringLiteral("extra")}, &output), 64);
}

QTEST_GUILESS_MAIN(TestBackupFolder)
#include "tst_backupfolder.moc"
