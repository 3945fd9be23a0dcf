// Backup while the database is in use, and restore that refuses damaged or foreign files and
// never leaves a half-written file in place of the live one (DatabaseBackup).
#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "DatabaseFile.h"
#include "TestDatabase.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseBackup.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

Person person(const QString &name, int sequence)
{
    Person p;
    p.name = name;
    p.idType = QStringLiteral("01");
    p.idNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 5, 17), sequence);
    p.birthDate = QDate(1980, 5, 17);
    p.sex = sequence % 2 ? QLatin1Char('M') : QLatin1Char('F');
    p.insuranceType = QStringLiteral("310");
    p.employment = QStringLiteral("working");
    p.status = QStringLiteral("active");
    p.poolingRegion = QStringLiteral("330100");
    p.balanceFen = 100000;
    return p;
}

// Files in DIR other than the ones named (and the fixture's password file): a refused restore
// or backup leaves nothing behind.
QStringList strayFiles(const QString &dir, const QStringList &expected)
{
    QStringList stray;
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        if (!expected.contains(name) && name != QLatin1String("password.txt"))
            stray << name;
    return stray;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void backupWhileAnotherConnectionWrites();
    void backupRefusesExistingFile();
    void restoreReplacesAndKeepsTheOldFile();
    void restoreRefusesDamagedBackup();
    void restoreRefusesFilesOfOtherKinds_data();
    void restoreRefusesFilesOfOtherKinds();
    void restoreRefusesDatabaseInUse();
    void restoreReplacesDamagedLiveFile();
    void adminBackupAndRestore();
};

void TestBackup::backupWhileAnotherConnectionWrites()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    // The desk of another counter is in the middle of a transaction: the backup neither waits
    // for it nor contains its uncommitted row.
    QVERIFY(Database::open(db.path(), QStringLiteral("desk")).ok);
    {
        WriteTransaction busy(QStringLiteral("desk"));
        Person second = person(QStringLiteral("李四"), 12);
        PersonStore(QStringLiteral("desk")).upsert(second);
        const QString target = QDir(db.dir()).filePath(QStringLiteral("backup.sqlite"));
        const DatabaseBackup::Result result = DatabaseBackup::backup(db.connection(), target);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(DatabaseBackup::verify(target), QString());
        QCOMPARE(DatabaseFile::rowsIn(target, QStringLiteral("person")), 1);
        busy.commit();
    }
    Database::close(QStringLiteral("desk"));
    QCOMPARE(PersonStore(db.connection()).count(), 2);
    QCOMPARE(strayFiles(db.dir(),
                        {QStringLiteral("test.sqlite"), QStringLiteral("test.sqlite-wal"),
                         QStringLiteral("test.sqlite-shm"), QStringLiteral("backup.sqlite")}),
             QStringList());
}

void TestBackup::backupRefusesExistingFile()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    const QString target = QDir(db.dir()).filePath(QStringLiteral("exists.txt"));
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    const DatabaseBackup::Result result = DatabaseBackup::backup(db.connection(), target);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(target), qPrintable(result.error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

void TestBackup::restoreReplacesAndKeepsTheOldFile()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("backup.sqlite"));
    QVERIFY(DatabaseBackup::backup(db.connection(), backup).ok);
    db.addPerson(person(QStringLiteral("李四"), 12));
    Database::close(db.connection());

    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, db.path());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 1);
    QVERIFY(!result.keptAside.isEmpty());
    QCOMPARE(DatabaseFile::rowsIn(result.keptAside, QStringLiteral("person")), 2);
    QCOMPARE(DatabaseBackup::verify(backup), QString()); // the backup itself stays usable
}

void TestBackup::restoreRefusesDamagedBackup()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    for (int i = 0; i < 300; ++i)
        db.addPerson(person(QStringLiteral("王%1").arg(i), 100 + i));
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("backup.sqlite"));
    QVERIFY(DatabaseBackup::backup(db.connection(), backup).ok);
    db.addPerson(person(QStringLiteral("李四"), 12));
    Database::close(db.connection());

    // Garbage over pages in the middle of the file: still an SQLite header, broken b-trees.
    QFile file(backup);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() > 8 * 4096);
    file.seek(3 * 4096 + 100);
    file.write(QByteArray(3 * 4096, '\x5a'));
    file.close();

    const QByteArray before = DatabaseFile::digest(db.path());
    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, db.path());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("nothing was changed")), qPrintable(result.error));
    QVERIFY2(result.error.contains(backup), qPrintable(result.error));
    QCOMPARE(DatabaseFile::digest(db.path()), before);
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 301);
    QCOMPARE(strayFiles(db.dir(), {QStringLiteral("test.sqlite"), QStringLiteral("backup.sqlite")}), QStringList());
}

void TestBackup::restoreRefusesFilesOfOtherKinds_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("name,id_type\n张三,01\n") << QStringLiteral("not an SQLite database");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("known version");
    QTest::newRow("truncated header") << QByteArray("SQLite format 3\0", 16)
                                      << QStringLiteral("not an SQLite database");
}

void TestBackup::restoreRefusesFilesOfOtherKinds()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    Database::close(db.connection());
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("not-a-backup"));
    QFile file(backup);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const QByteArray before = DatabaseFile::digest(db.path());
    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, db.path());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QCOMPARE(DatabaseFile::digest(db.path()), before);
    QCOMPARE(strayFiles(db.dir(), {QStringLiteral("test.sqlite"), QStringLiteral("not-a-backup")}), QStringList());
}

void TestBackup::restoreRefusesDatabaseInUse()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("backup.sqlite"));
    QVERIFY(DatabaseBackup::backup(db.connection(), backup).ok);
    db.addPerson(person(QStringLiteral("李四"), 12));
    // db's connection stays open, as gongji-desk's would.
    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, db.path());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("in use")), qPrintable(result.error));
    QCOMPARE(PersonStore(db.connection()).count(), 2);
}

void TestBackup::restoreReplacesDamagedLiveFile()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("backup.sqlite"));
    QVERIFY(DatabaseBackup::backup(db.connection(), backup).ok);
    Database::close(db.connection());
    QFile live(db.path());
    QVERIFY(live.open(QIODevice::WriteOnly | QIODevice::Truncate));
    live.write(QByteArray(4096, '\0'));
    live.close();
    QVERIFY(!Database::open(db.path(), QStringLiteral("damaged")).ok);

    const DatabaseBackup::Result result = DatabaseBackup::restore(backup, db.path());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 1);
}

// gongji-admin [--db PATH] backup FILE / restore FILE, as the administrator types them.
void TestBackup::adminBackupAndRestore()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    db.addPerson(person(QStringLiteral("张三"), 11));
    const QString backup = QDir(db.dir()).filePath(QStringLiteral("admin-backup.sqlite"));
    auto admin = [&](const QStringList &arguments, QString *output) {
        QProcess process;
        process.start(QStringLiteral(GONGJI_ADMIN_BIN), QStringList{QStringLiteral("--db"), db.path()} + arguments);
        process.waitForFinished(60000);
        *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitCode();
    };
    QString output;
    // A restore needs a supervisor's sign-in (a backup, which changes nothing, does not).
    QFile::setPermissions(db.passwordFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QStringList supervisor{QStringLiteral("--clerk"), QStringLiteral("supervisor"),
                                 QStringLiteral("--password-file"), db.passwordFile()};
    // The desk's connection (db) stays open during the backup.
    QCOMPARE(admin({QStringLiteral("backup"), backup}, &output), 0);
    QVERIFY2(output.contains(QLatin1String("checked")), qPrintable(output));
    QCOMPARE(admin({QStringLiteral("backup"), backup}, &output), 3); // never replaces a file
    db.addPerson(person(QStringLiteral("李四"), 12));
    QCOMPARE(admin(QStringList{QStringLiteral("restore"), backup} + supervisor, &output), 1); // the database is in use
    QVERIFY2(output.contains(QLatin1String("in use")), qPrintable(output));
    Database::close(db.connection());
    QCOMPARE(admin(QStringList{QStringLiteral("restore"), backup} + supervisor, &output), 0);
    QVERIFY2(output.contains(QLatin1String("before-restore")), qPrintable(output));
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 1);
    // The restored database records who put it in place.
    QCOMPARE(DatabaseFile::auditEntriesIn(db.path(), QStringLiteral("database_restore"), QStringLiteral("supervisor")),
             1);

    QFile damaged(QDir(db.dir()).filePath(QStringLiteral("damaged.sqlite")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("SQLite format 3");
    damaged.close();
    QCOMPARE(admin(QStringList{QStringLiteral("restore"), damaged.fileName()} + supervisor, &output), 1);
    QVERIFY2(output.contains(QLatin1String("nothing was changed")), qPrintable(output));
    QCOMPARE(DatabaseFile::rowsIn(db.path(), QStringLiteral("person")), 1);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
