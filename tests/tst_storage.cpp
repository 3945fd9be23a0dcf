// Storage on a real file: pragmas, migrations, reopening, refusing bad files untouched,
// and the constraints the database itself enforces.
#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include "DatabaseFile.h"
#include "TestDatabase.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/storage/FilingStore.h"
#include "model/storage/Migrations.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

QVariant pragma(const QString &connection, const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.exec(QStringLiteral("PRAGMA ") + name);
    return q.next() ? q.value(0) : QVariant();
}

// Makes a finished database file with one person, closed again.
QString makeDatabase(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("made.sqlite"));
    Database::open(path, QStringLiteral("maker"));
    Person p;
    p.name = QStringLiteral("王建国");
    p.idType = QStringLiteral("01");
    p.idNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 3, 15), 11);
    p.insuranceType = QStringLiteral("310");
    p.employment = QStringLiteral("working");
    p.status = QStringLiteral("active");
    p.poolingRegion = QStringLiteral("330100");
    {
        WriteTransaction t(QStringLiteral("maker"));
        PersonStore(QStringLiteral("maker")).upsert(p);
        t.commit();
    }
    Database::close(QStringLiteral("maker"));
    return path;
}

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT
private slots:
    void pragmasOnEveryConnection();
    void newFileIsOwnerOnly();
    void reopeningKeepsEverything();
    void refusedFilesStayUntouched_data();
    void refusedFilesStayUntouched();
    void auditLogIsAppendOnly_data();
    void auditLogIsAppendOnly();
    void oneActiveBindingPerPair();
    void upsertReportsWhatChanged();
    void namePrefixSearch();
    void filingNumbersFollowEachOther();
    void rollbackOnDestruction();
};

void TestStorage::pragmasOnEveryConnection()
{
    TestDatabase db;
    QVERIFY(db.isOpen());
    QCOMPARE(pragma(db.connection(), "foreign_keys").toInt(), 1);
    QCOMPARE(pragma(db.connection(), "journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(db.connection(), "synchronous").toInt(), 2); // FULL
    QCOMPARE(pragma(db.connection(), "user_version").toInt(), Migrations::latestVersion());
    QCOMPARE(RuleSetStore(db.connection()).count(), 5);
}

void TestStorage::newFileIsOwnerOnly()
{
    TestDatabase db;
    const QFileDevice::Permissions permissions = QFile::permissions(db.path());
    QVERIFY(permissions & QFileDevice::ReadOwner);
    QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
}

void TestStorage::reopeningKeepsEverything()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir);
    QVERIFY(Database::open(path, QStringLiteral("again")).ok);
    QCOMPARE(PersonStore(QStringLiteral("again")).count(), 1);
    QCOMPARE(RuleSetStore(QStringLiteral("again")).count(), 5); // not seeded twice
    Database::close(QStringLiteral("again"));
}

void TestStorage::refusedFilesStayUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("text file") << "text"
                               << "not a Gongji Desk database";
    QTest::newRow("header overwritten") << "header"
                                        << "not a Gongji Desk database";
    QTest::newRow("first page damaged") << "page"
                                        << "damaged";
    QTest::newRow("newer schema") << "newer"
                                  << "newer version";
    QTest::newRow("another program's SQLite file") << "foreign"
                                                   << "another program";
}

void TestStorage::refusedFilesStayUntouched()
{
    QFETCH(QString, damage);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bad.sqlite"));
    if (damage == QLatin1String("text")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,id_type\n张三,01\n");
    } else if (damage == QLatin1String("foreign") || damage == QLatin1String("newer")) {
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE other (x INTEGER)")));
            if (damage == QLatin1String("newer"))
                QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    } else {
        path = makeDatabase(dir);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        // Header: the magic string; page 1 body: the schema table's b-tree page header.
        file.seek(damage == QLatin1String("header") ? 0 : 100);
        file.write(QByteArray(16, '\xA5'));
    }
    const QByteArray before = DatabaseFile::digest(path);
    const Database::OpenResult result = Database::open(path, QStringLiteral("bad"));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY2(result.error.contains(messagePart), qPrintable(result.error));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("bad")));
    QCOMPARE(DatabaseFile::digest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestStorage::auditLogIsAppendOnly_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("change the actor") << "UPDATE audit_log SET actor = 'someone else'";
    QTest::newRow("change one entry's detail") << "UPDATE audit_log SET detail = '{}' WHERE action = 'audit_export'";
    QTest::newRow("backdate an entry")
        << "UPDATE audit_log SET at = '2000-01-01T00:00:00Z' WHERE action = 'audit_export'";
    QTest::newRow("delete one entry") << "DELETE FROM audit_log WHERE action = 'audit_export'";
    QTest::newRow("delete everything") << "DELETE FROM audit_log";
}

// The database itself, not only the program, refuses to change or remove an audit entry.
void TestStorage::auditLogIsAppendOnly()
{
    QFETCH(QString, statement);
    TestDatabase db;
    {
        WriteTransaction t(db.connection());
        AuditLog(db.connection())
            .append(QStringLiteral("tester"), AuditAction::AuditExport, QStringLiteral("x"),
                    QJsonObject{{QStringLiteral("n"), 1}});
        t.commit();
    }
    const qint64 before = AuditLog(db.connection()).count();
    QSqlQuery q(QSqlDatabase::database(db.connection()));
    QVERIFY(!q.exec(statement));
    QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")), qPrintable(q.lastError().text()));
    QCOMPARE(AuditLog(db.connection()).count(), before);
    QVERIFY(q.exec(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = 'audit_export'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("tester"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("{\"n\":1}"));
}

void TestStorage::oneActiveBindingPerPair()
{
    TestDatabase db;
    const Person a = db.addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    const Person t = db.addPerson(QStringLiteral("王小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31));
    WriteTransaction transaction(db.connection());
    Filing filing;
    filing.number = FilingStore(db.connection()).nextNumber(QDate(2026, 11, 22));
    filing.authorizerId = a.id;
    filing.clerk = QStringLiteral("tester");
    filing.channel = QStringLiteral("counter");
    filing.filedAt = QDateTime::currentDateTimeUtc();
    filing.effectiveOn = QDate(2026, 11, 22);
    filing.ruleSetId = RuleSetStore(db.connection()).all().first().id;
    filing.commitmentVersion = QStringLiteral("test");
    filing.commitmentAt = filing.filedAt;
    FilingStore(db.connection()).insert(filing);
    MutualAidBinding binding;
    binding.filingId = filing.id;
    binding.authorizerId = a.id;
    binding.targetId = t.id;
    binding.relationship = QStringLiteral("child");
    binding.ruleSetId = filing.ruleSetId;
    binding.startedAt = filing.filedAt;
    BindingStore store(db.connection());
    store.insert(binding);
    MutualAidBinding twice = binding;
    try {
        store.insert(twice);
        QFAIL("a second active binding of the same pair was stored");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Constraint);
    }
    // Once ended, the pair may be bound again.
    QVERIFY(store.end(binding.id, QDateTime::currentDateTimeUtc(), QStringLiteral("tester"), EndRequester::Target,
                      QStringLiteral("test")));
    store.insert(twice);
    QCOMPARE(store.countActive(), 1);
    MutualAidBinding self = binding;
    self.targetId = a.id;
    QVERIFY_THROWS_EXCEPTION(StorageError, store.insert(self));
}

void TestStorage::upsertReportsWhatChanged()
{
    TestDatabase db;
    Person p = db.addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    WriteTransaction t(db.connection());
    PersonStore store(db.connection());
    Person same = p;
    QCOMPARE(store.upsert(same), PersonStore::UpsertResult::Unchanged);
    same.status = QStringLiteral("suspended");
    QCOMPARE(store.upsert(same), PersonStore::UpsertResult::Updated);
    QCOMPARE(same.id, p.id);
    QCOMPARE(store.findById(p.id)->status, QStringLiteral("suspended"));
    t.commit();
}

void TestStorage::namePrefixSearch()
{
    TestDatabase db;
    db.addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    db.addPerson(QStringLiteral("王小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31));
    db.addPerson(QStringLiteral("李秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    PersonStore store(db.connection());
    QCOMPARE(store.findByNamePrefix(QStringLiteral("王")).size(), 2);
    QCOMPARE(store.findByNamePrefix(QStringLiteral("王小")).size(), 1);
    QCOMPARE(store.findByNamePrefix(QStringLiteral("赵")).size(), 0);
}

void TestStorage::filingNumbersFollowEachOther()
{
    TestDatabase db;
    FilingStore store(db.connection());
    QCOMPARE(store.nextNumber(QDate(2026, 11, 22)), QStringLiteral("GJ20261122-0001"));
}

void TestStorage::rollbackOnDestruction()
{
    TestDatabase db;
    const qint64 before = AuditLog(db.connection()).count();
    {
        WriteTransaction t(db.connection());
        AuditLog(db.connection()).append(QStringLiteral("tester"), AuditAction::AuditExport, QStringLiteral("x"));
    } // no commit: gone
    QCOMPARE(AuditLog(db.connection()).count(), before);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
