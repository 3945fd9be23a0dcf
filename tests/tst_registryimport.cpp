#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

#include "TestDatabase.h"
#include "model/csv/CsvReader.h"
#include "model/domain/IdNumber.h"
#include "model/filing/FilingBatch.h"
#include "model/registry/RegistryImport.h"
#include "model/storage/BindingStore.h"
#include "model/storage/AuditLog.h"
#include "model/storage/Database.h"
#include "model/storage/ImportPageCache.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RegistryStaging.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

// Registry CSV import (docs/domain.md §10) on a real database: all or nothing, every bad row named.
class TestRegistryImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void goodFileIsStored();
    void reimportUpdates();
    void everyEncodingReadsTheSame_data();
    void everyEncodingReadsTheSame();
    void badRow_data();
    void badRow();
    void everyBadRowOfAFileIsReported();
    void wrongHeaderNamesBoth();
    void unreadableFile();
    void busyDatabaseRollsBack();
    void statementBoundLiftedForTheImportOnly();
    void pageCacheLargerForTheImportOnly();
    void changesEndBindings_data();
    void changesEndBindings();
    void badRowAtTheVeryEndStoresNothing_data();
    void badRowAtTheVeryEndStoresNothing();
    void samePersonFarApart_data();
    void samePersonFarApart();
    void firstThousandProblemsListedTheRestCounted();
    void cancelledMidFileStoresNothing_data();
    void cancelledMidFileStoresNothing();
    void checkStoresNothing();
    void twoImportsAtOnce_data();
    void twoImportsAtOnce();

private:
    QString write(const QByteArray &content);
    // `count` valid resident rows (distinct people born 1950-1999 in 330100), from `first` on.
    static QByteArray residents(int first, int count);
    void fillRegistry(bool filled);
    // The rows "into an empty registry" and "into a filled registry" (column "filled").
    static void registryStates();
    static QString data(const char *name) { return QStringLiteral(GONGJI_TEST_DATA "/") + QLatin1String(name); }

    TestDatabase *m_db = nullptr;
    int m_files = 0;
};

static const QByteArray header = RegistryImport::expectedHeader().toUtf8() + '\n';
// A valid employee row (张伟, 01, male, born 1980-03-15) that bad rows are put after.
static const QByteArray goodRow = "张伟,01,330102198003151236,,,310,working,active,330100,5000.00,0\n";

void TestRegistryImport::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
}

void TestRegistryImport::cleanup()
{
    delete m_db;
    m_db = nullptr;
}

QString TestRegistryImport::write(const QByteArray &content)
{
    const QString path = m_db->dir() + QStringLiteral("/registry-%1.csv").arg(++m_files);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray TestRegistryImport::residents(int first, int count)
{
    QByteArray rows;
    for (int i = first; i < first + count; ++i) {
        const QDate birth = QDate(1950, 1, 1).addDays(i / 500);
        const QString first17 = QStringLiteral("330102%1%2")
                                    .arg(birth.toString(QStringLiteral("yyyyMMdd")))
                                    .arg(i % 500 + 100, 3, 10, QLatin1Char('0'));
        const QString number = first17 + IdNumber::mod11CheckChar(first17);
        rows += QStringLiteral("居民%1,01,%2,,,390,,active,330100,,0\n").arg(i).arg(number).toUtf8();
    }
    return rows;
}

void TestRegistryImport::registryStates()
{
    QTest::addColumn<bool>("filled");
    QTest::newRow("into an empty registry") << false;
    QTest::newRow("into a filled registry") << true;
}

// An empty registry takes the first-import path (the person table finds the same person twice);
// a filled one the temporary index of the file's documents.
void TestRegistryImport::fillRegistry(bool filled)
{
    if (filled)
        QVERIFY(
            RegistryImport(m_db->connection()).importFile(data("registry-good.csv"), QStringLiteral("supervisor")).ok);
}

void TestRegistryImport::goodFileIsStored()
{
    RegistryImport import(m_db->connection());
    const qint64 auditBefore = AuditLog(m_db->connection()).count();
    const RegistryImport::Result result = import.importFile(data("registry-good.csv"), QStringLiteral("supervisor"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.rowErrors.isEmpty());
    QCOMPARE(result.added, 8);
    QCOMPARE(result.updated, 0);
    QCOMPARE(result.unchanged, 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore + 1);

    PersonStore persons(m_db->connection());
    QCOMPARE(persons.count(), 8);
    // Sex and birth date derived from the number where the file leaves them empty.
    const std::optional<Person> zhang
        = persons.findByDocument(QStringLiteral("01"), QStringLiteral("330102198003151236"));
    QVERIFY(zhang);
    QCOMPARE(zhang->name, QStringLiteral("张伟"));
    QCOMPARE(zhang->sex, QLatin1Char('M'));
    QCOMPARE(zhang->birthDate, QDate(1980, 3, 15));
    QCOMPARE(zhang->balanceFen, 500000);
    QCOMPARE(zhang->employment, QStringLiteral("working"));
    // A lower-case x is stored as the normalised upper-case number.
    const std::optional<Person> liu
        = persons.findByDocument(QStringLiteral("01"), QStringLiteral("33010219881111103X"));
    QVERIFY(liu);
    QCOMPARE(liu->status, QStringLiteral("suspended"));
    // Residents: no balance, no employment.
    const std::optional<Person> child
        = persons.findByDocument(QStringLiteral("01"), QStringLiteral("330102201005011354"));
    QVERIFY(child);
    QCOMPARE(child->insuranceType, QStringLiteral("390"));
    QCOMPARE(child->balanceFen, 0);
    QVERIFY(child->employment.isEmpty());
    // A passport carries no birth date: the file's values are kept.
    const std::optional<Person> chen = persons.findByDocument(QStringLiteral("16"), QStringLiteral("E12345678"));
    QVERIFY(chen);
    QCOMPARE(chen->sex, QLatin1Char('F'));
    QCOMPARE(chen->birthDate, QDate(1990, 2, 3));
    QCOMPARE(chen->balanceFen, 10025);
    QVERIFY(chen->publicMedical);
}

void TestRegistryImport::reimportUpdates()
{
    RegistryImport import(m_db->connection());
    QVERIFY(import.importFile(data("registry-good.csv"), QStringLiteral("supervisor")).ok);
    // BOM, CRLF and an empty line; 张伟's balance changed, 李娜 the same, 孙丽 new.
    const RegistryImport::Result result = import.importFile(data("registry-update.csv"), QStringLiteral("supervisor"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.added, 1);
    QCOMPARE(result.updated, 1);
    QCOMPARE(result.unchanged, 1);
    PersonStore persons(m_db->connection());
    QCOMPARE(persons.count(), 9);
    QCOMPARE(persons.findByDocument(QStringLiteral("01"), QStringLiteral("330102198003151236"))->balanceFen, 480000);

    const RegistryImport::Result again = import.importFile(data("registry-good.csv"), QStringLiteral("supervisor"));
    QVERIFY(again.ok);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.updated, 1); // 张伟's balance back to 5000.00
    QCOMPARE(again.unchanged, 7);
}

// The same registry saved as Excel on Chinese Windows saves it (made with
// `iconv -f utf-8 -t gb18030`, CRLF) stores the same persons, and says what it was read as.
void TestRegistryImport::everyEncodingReadsTheSame_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8") << data("registry-good.csv") << QStringLiteral("UTF-8");
    QTest::newRow("GB18030, CRLF") << data("registry-good-gb18030.csv") << QStringLiteral("GB18030 (GBK)");
}

void TestRegistryImport::everyEncodingReadsTheSame()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    // What the UTF-8 file holds, read field by field.
    QList<Person> expected;
    QFile utf8(data("registry-good.csv"));
    QVERIFY(utf8.open(QIODevice::ReadOnly));
    CsvReader reader(&utf8);
    QVERIFY(reader.readHeader());
    QStringList fields;
    while (reader.readRecord(fields)) {
        Person person;
        person.name = fields.at(0);
        person.idType = fields.at(1);
        person.idNumber = fields.at(2).toUpper();
        expected.append(person);
    }

    const RegistryImport::Result result
        = RegistryImport(m_db->connection()).importFile(file, QStringLiteral("supervisor"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.encoding, encoding);
    QCOMPARE(result.added, int(expected.size()));
    PersonStore persons(m_db->connection());
    for (const Person &person : expected) {
        const std::optional<Person> stored = persons.findByDocument(person.idType, person.idNumber);
        QVERIFY(stored);
        QCOMPARE(stored->name, person.name);
    }
}

void TestRegistryImport::badRow_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("message"); // expected part of the one error
    QTest::addColumn<int>("line"); // where it is reported (the good row is line 2)

    QTest::newRow("missing column") << QByteArray(
        "李娜,01,330102198207202461,F,1982-07-20,310,working,active,330100,1\n")
                                    << QStringLiteral("expected 11 columns, found 10") << 3;
    QTest::newRow("empty name") << QByteArray(" ,01,330102201005011354,,,390,,active,330100,,0\n")
                                << QStringLiteral("the name is empty") << 3;
    QTest::newRow("name over two lines") << QByteArray("\"张\n小明\",01,330102201005011354,,,390,,active,330100,,0\n")
                                         << QStringLiteral("the name contains a line break") << 3;
    QTest::newRow("unknown id type") << QByteArray("王芳,99,330102197509102226,,,310,retired,active,330100,800,0\n")
                                     << QStringLiteral("unknown id_type \"99\"") << 3;
    QTest::newRow("bad checksum") << QByteArray("张建国,01,330106195501013111,,,390,,active,330100,0,0\n")
                                  << QStringLiteral("the ID number is not valid") << 3;
    QTest::newRow("sex disagrees") << QByteArray("赵强,01,110105198506064570,F,,310,working,active,110100,1,0\n")
                                   << QStringLiteral("sex F does not match the ID number, which gives M") << 3;
    QTest::newRow("bad sex") << QByteArray("赵强,01,110105198506064570,male,,310,working,active,110100,1,0\n")
                             << QStringLiteral("sex must be M or F") << 3;
    QTest::newRow("birth date disagrees")
        << QByteArray("孙丽,01,330102199303034685,,1993-03-04,310,working,active,330100,1,0\n")
        << QStringLiteral("birth_date 1993-03-04 does not match the ID number, which gives 1993-03-03") << 3;
    QTest::newRow("birth date not a date")
        << QByteArray("陈静,16,E12345678,F,1990-02-30,310,working,active,330100,1,0\n")
        << QStringLiteral("birth_date \"1990-02-30\" is not a real past date") << 3;
    QTest::newRow("passport without sex") << QByteArray("陈静,16,E12345678,,1990-02-03,310,working,active,330100,1,0\n")
                                          << QStringLiteral("sex is empty, and this ID type does not carry it") << 3;
    QTest::newRow("passport without birth date")
        << QByteArray("陈静,16,E12345678,F,,310,working,active,330100,1,0\n")
        << QStringLiteral("birth_date is empty, and this ID type does not carry it") << 3;
    QTest::newRow("insurance type") << QByteArray("周平,01,330102196006065799,,,320,working,active,330100,10,0\n")
                                    << QStringLiteral(
                                           "insurance_type must be 310 (employee) or 390 (resident), found \"320\"")
                                    << 3;
    QTest::newRow("resident with employment")
        << QByteArray("吴敏,01,330102200008086808,,,390,working,active,330100,,0\n")
        << QStringLiteral("employment must be empty for a resident") << 3;
    QTest::newRow("employee without employment") << QByteArray("郑华,01,330102199001019981,,,310,,active,330100,10,0\n")
                                                 << QStringLiteral("employment must be working or retired") << 3;
    QTest::newRow("status") << QByteArray("刘洋,01,33010219881111103X,,,310,working,retired,330100,20,0\n")
                            << QStringLiteral("status must be one of active, suspended, terminated, deceased") << 3;
    QTest::newRow("pooling region") << QByteArray("刘洋,01,33010219881111103X,,,310,working,active,3301,20,0\n")
                                    << QStringLiteral("pooling_region must be a 6-digit region code") << 3;
    QTest::newRow("balance with separator")
        << QByteArray("刘洋,01,33010219881111103X,,,310,working,active,330100,\"1,000\",0\n")
        << QStringLiteral("balance \"1,000\" is not an amount in yuan") << 3;
    QTest::newRow("employee without balance")
        << QByteArray("刘洋,01,33010219881111103X,,,310,working,active,330100,,0\n")
        << QStringLiteral("balance is empty; an employee's balance is required") << 3;
    QTest::newRow("resident with balance") << QByteArray("张小明,01,330102201005011354,,,390,,active,330100,50,0\n")
                                           << QStringLiteral("a resident (390) has no personal account") << 3;
    QTest::newRow("public medical") << QByteArray("刘洋,01,33010219881111103X,,,310,working,active,330100,20,yes\n")
                                    << QStringLiteral("public_medical must be 0 or 1") << 3;
    QTest::newRow("same person twice") << goodRow << QStringLiteral("the same person (ID type and number) as on line 2")
                                       << 3;
    QTest::newRow("same person, lower-case x")
        << QByteArray("刘洋,01,33010219881111103x,,,310,working,active,330100,20,0\n刘洋,01,33010219881111103X,,,310,"
                      "working,active,330100,20,0\n")
        << QStringLiteral("as on line 3") << 4;
}

void TestRegistryImport::badRow()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    QFETCH(int, line);
    RegistryImport import(m_db->connection());
    const qint64 auditBefore = AuditLog(m_db->connection()).count();

    const RegistryImport::Result result
        = import.importFile(write(header + goodRow + row), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.rowErrors.size(), 1);
    QCOMPARE(result.rowErrors.first().line, line);
    QVERIFY2(result.rowErrors.first().message.contains(message), qPrintable(result.rowErrors.first().message));
    // The good row of the same file is not stored either.
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), auditBefore);
}

void TestRegistryImport::everyBadRowOfAFileIsReported()
{
    RegistryImport import(m_db->connection());
    QVERIFY(import.importFile(data("registry-good.csv"), QStringLiteral("supervisor")).ok);
    const qint64 stored = PersonStore(m_db->connection()).count();

    const RegistryImport::Result result = import.importFile(data("registry-bad.csv"), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QList<int> lines;
    for (const RegistryImport::RowError &error : result.rowErrors) {
        lines.append(error.line);
        QVERIFY(!error.message.isEmpty());
    }
    // Line 2 is good; 3 to 17 have one problem each; 18 (passport) lacks both sex and birth date.
    QList<int> expected;
    for (int line = 3; line <= 18; ++line)
        expected.append(line);
    expected.append(18);
    QCOMPARE(lines, expected);
    QCOMPARE(PersonStore(m_db->connection()).count(), stored);
    QCOMPARE(PersonStore(m_db->connection())
                 .findByDocument(QStringLiteral("01"), QStringLiteral("330102198003151236"))
                 ->balanceFen,
             500000);
}

void TestRegistryImport::wrongHeaderNamesBoth()
{
    RegistryImport import(m_db->connection());
    const QByteArray wrong
        = "name,id_type,id_number,sex,birth_date,insurance_type,employment,status,region,balance,public_medical\n";
    const RegistryImport::Result result = import.importFile(write(wrong + goodRow), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Input);
    QVERIFY(result.error.contains(RegistryImport::expectedHeader()));
    QVERIFY(result.error.contains(QStringLiteral("status,region,balance")));
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
}

void TestRegistryImport::unreadableFile()
{
    RegistryImport import(m_db->connection());
    const RegistryImport::Result missing
        = import.importFile(m_db->dir() + QStringLiteral("/nope.csv"), QStringLiteral("supervisor"));
    QVERIFY(!missing.ok);
    QCOMPARE(missing.failure, FailureKind::Input);
    QVERIFY(missing.error.contains(QStringLiteral("nope.csv")));

    // 张 in GBK, then bytes no encoding has.
    const RegistryImport::Result damaged
        = import.importFile(write(header + "\xD5\xC5\xFF\xFF,01\n"), QStringLiteral("supervisor"));
    QVERIFY(!damaged.ok);
    QVERIFY2(damaged.error.contains(QStringLiteral("Line 2: the bytes FF FF are neither UTF-8 nor GB18030 (GBK)")),
             qPrintable(damaged.error));
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
}

void TestRegistryImport::busyDatabaseRollsBack()
{
    // Another counter holds the write lock longer than the busy timeout: nothing is stored and
    // the message says so.
    const QString other = QStringLiteral("other-counter");
    QVERIFY(Database::open(m_db->path(), other).ok);
    {
        WriteTransaction lock(other);
        RegistryImport import(m_db->connection());
        const RegistryImport::Result result
            = import.importFile(data("registry-good.csv"), QStringLiteral("supervisor"));
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(result.added, 0);
    }
    Database::close(other);
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
}

void TestRegistryImport::statementBoundLiftedForTheImportOnly()
{
    // A counter's statements are cancelled after a minute (Database::open); merging a city's
    // registry takes longer (4,000,000 rows were cancelled at 60 s before this), so the import's
    // transaction lifts the bound, and only its own.
    if (!TestDatabase::usesServer())
        QSKIP("statement_timeout is an office server's bound; SQLite has none");
    const QString c = m_db->connection();
    const auto bound = [&c] {
        QSqlQuery q(QSqlDatabase::database(c));
        return q.exec(QStringLiteral("SHOW statement_timeout")) && q.next() ? q.value(0).toString() : QString();
    };
    QCOMPARE(bound(), QStringLiteral("1min"));
    {
        WriteTransaction transaction(c);
        RegistryStaging staging(c);
        staging.finishLoading();
        QCOMPARE(bound(), QStringLiteral("0"));
    } // rolled back
    QCOMPARE(bound(), QStringLiteral("1min"));
}

void TestRegistryImport::pageCacheLargerForTheImportOnly()
{
    // On SQLite the import's rows land all over the registry's two indexes: the connection's page
    // cache is 32 MiB while it runs (ImportPageCache), the default before and after, also when
    // the file is refused.
    if (TestDatabase::usesServer())
        QSKIP("the page cache is SQLite's; a server's import bounds its sorts (statementBoundLifted…)");
    const QString c = m_db->connection();
    const auto cacheSize = [&c] {
        QSqlQuery q(QSqlDatabase::database(c));
        return q.exec(QStringLiteral("PRAGMA cache_size")) && q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 before = cacheSize();
    QVERIFY(before != -ImportPageCache::kKibibytes);
    for (const QByteArray &rows : {QByteArray("张小明,01,330102201005011354,,,390,,active,330100,,0\n"),
                                   QByteArray("张小明,01,330102201005011354,,,390,,sleeping,330100,,0\n")}) {
        const QString path = write(header + rows);
        QList<qint64> during;
        const RegistryImport::Result result
            = RegistryImport(c).importFile(path, QString::fromLatin1(TestDatabase::supervisor), [&](int, int) {
                  during << cacheSize();
                  return true;
              });
        QVERIFY(!during.isEmpty());
        for (const qint64 size : std::as_const(during))
            QCOMPARE(size, -qint64(ImportPageCache::kKibibytes));
        QCOMPARE(cacheSize(), before);
        QCOMPARE(result.problemCount() == 0, rows.contains("active"));
    }
}

void TestRegistryImport::changesEndBindings_data()
{
    QTest::addColumn<QByteArray>("change"); // a registry row replacing one of registry-good.csv
    QTest::addColumn<int>("ended");

    QTest::newRow("authorizer deceased") << QByteArray(
        "张伟,01,330102198003151236,,,310,working,deceased,330100,5000.00,0\n")
                                         << 1;
    QTest::newRow("target terminated") << QByteArray("张小明,01,330102201005011354,,,390,,terminated,330100,,0\n") << 1;
    QTest::newRow("target moved out of the province")
        << QByteArray("张小明,01,330102201005011354,,,390,,active,110100,,0\n") << 1;
    QTest::newRow("target moved within the province")
        << QByteArray("张小明,01,330102201005011354,,,390,,active,330200,,0\n") << 0;
    QTest::newRow("authorizer suspended") // 停保 ends nothing by itself
        << QByteArray("张伟,01,330102198003151236,,,310,working,suspended,330100,5000.00,0\n") << 0;
}

void TestRegistryImport::changesEndBindings()
{
    QFETCH(QByteArray, change);
    QFETCH(int, ended);
    RegistryImport import(m_db->connection());
    QVERIFY(import.importFile(data("registry-good.csv"), QStringLiteral("supervisor")).ok);
    // 张伟 authorizes his son 张小明 (浙江, same-province scope).
    FilingBatch::Options commit;
    commit.commit = true;
    commit.clerk = QStringLiteral("tester");
    const FilingBatch::Result filed
        = FilingBatch(m_db->connection())
              .run(write(FilingBatch::expectedHeader().toUtf8()
                         + "\n01,330102198003151236,张伟,01,330102201005011354,张小明,child,2025-06-01,yes\n"),
                   commit);
    QVERIFY2(filed.ok, qPrintable(filed.fileError));
    QVERIFY(!filed.rows.value(0).filingNumber.isEmpty());
    BindingStore bindings(m_db->connection());
    QCOMPARE(bindings.countActive(), 1);

    const RegistryImport::Result result = import.importFile(write(header + change), QStringLiteral("supervisor"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.updated, 1);
    QCOMPARE(result.bindingsEnded, ended);
    QCOMPARE(bindings.countActive(), 1 - ended);
}

void TestRegistryImport::badRowAtTheVeryEndStoresNothing_data() { registryStates(); }

// Rows are written as they are read: the last row's problem must still undo all before it.
void TestRegistryImport::badRowAtTheVeryEndStoresNothing()
{
    QFETCH(bool, filled);
    fillRegistry(filled);
    const qint64 persons = PersonStore(m_db->connection()).count();
    const qint64 audit = AuditLog(m_db->connection()).count();
    const QByteArray last = "王芳,99,330102197509102226,,,310,retired,active,330100,800,0\n";
    const RegistryImport::Result result
        = RegistryImport(m_db->connection())
              .importFile(write(header + residents(0, 3000) + last), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QCOMPARE(result.rows, 3001);
    QCOMPARE(result.rowErrors.size(), 1);
    QCOMPARE(result.rowErrors.first().line, 3002);
    QVERIFY(result.rowErrors.first().message.contains(QStringLiteral("unknown id_type \"99\"")));
    QCOMPARE(result.added, 0);
    QCOMPARE(PersonStore(m_db->connection()).count(), persons);
    QCOMPARE(AuditLog(m_db->connection()).count(), audit);
    QVERIFY(!PersonStore(m_db->connection()).findByNamePrefix(QStringLiteral("居民0"), 1).size());
}

void TestRegistryImport::samePersonFarApart_data() { registryStates(); }

// The same person on line 2 and on line 4,002 (and again at the end), thousands of rows apart.
void TestRegistryImport::samePersonFarApart()
{
    QFETCH(bool, filled);
    fillRegistry(filled);
    const qint64 persons = PersonStore(m_db->connection()).count();
    const QByteArray first = residents(0, 1);
    const QByteArray content = header + first + residents(1, 3999) + first + residents(4000, 1000) + first;
    const RegistryImport::Result result
        = RegistryImport(m_db->connection()).importFile(write(content), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QCOMPARE(result.rows, 5002);
    QCOMPARE(result.rowErrors.size(), 2);
    QCOMPARE(result.rowErrors.at(0).line, 4002);
    QCOMPARE(result.rowErrors.at(1).line, 5003);
    for (const RegistryImport::RowError &error : result.rowErrors)
        QCOMPARE(error.message,
                 QStringLiteral("the same person (ID type and number) as on line 2; keep one row per person."));
    QCOMPARE(PersonStore(m_db->connection()).count(), persons);

    // Checked without importing: the same answer, nothing stored.
    const RegistryImport::Result checked = RegistryImport(m_db->connection()).check(write(content));
    QVERIFY(!checked.ok);
    QCOMPARE(checked.rowErrors.size(), 2);
    QCOMPARE(checked.rowErrors.at(0).line, 4002);
    QCOMPARE(checked.rowErrors.at(0).message, result.rowErrors.at(0).message);
    QCOMPARE(PersonStore(m_db->connection()).count(), persons);
}

void TestRegistryImport::firstThousandProblemsListedTheRestCounted()
{
    QByteArray bad;
    for (int i = 0; i < 1500; ++i)
        bad += "周平,01,330102196006065799,,,320,working,active,330100,10,0\n"; // insurance type 320
    const RegistryImport::Result result
        = RegistryImport(m_db->connection()).importFile(write(header + goodRow + bad), QStringLiteral("supervisor"));
    QVERIFY(!result.ok);
    QCOMPARE(result.rowErrors.size(), RegistryImport::maxListedErrors);
    QCOMPARE(result.moreErrors, 500);
    QCOMPARE(result.problemCount(), 1500);
    QCOMPARE(result.rowErrors.first().line, 3);
    QCOMPARE(result.rowErrors.last().line, 1002);
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
}

void TestRegistryImport::cancelledMidFileStoresNothing_data() { registryStates(); }

void TestRegistryImport::cancelledMidFileStoresNothing()
{
    QFETCH(bool, filled);
    fillRegistry(filled);
    const qint64 persons = PersonStore(m_db->connection()).count();
    const qint64 audit = AuditLog(m_db->connection()).count();
    QList<int> totals;
    const RegistryImport::Result result
        = RegistryImport(m_db->connection())
              .importFile(write(header + residents(0, 3000)), QStringLiteral("supervisor"),
                          [&totals](int done, int total) {
                              totals.append(total);
                              return done < 2000; // 2,000 rows are in the transaction when the supervisor cancels
                          });
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok);
    QCOMPARE(totals.size(), 2001);
    QCOMPARE(totals.count(0), 2001); // the rows in all are known only at the end of the file
    QCOMPARE(PersonStore(m_db->connection()).count(), persons);
    QCOMPARE(AuditLog(m_db->connection()).count(), audit);
    // The same file is imported after all, and the last report is "all rows done".
    int lastDone = -1, lastTotal = -1;
    const RegistryImport::Result again
        = RegistryImport(m_db->connection())
              .importFile(write(header + residents(0, 3000)), QStringLiteral("supervisor"), [&](int done, int total) {
                  lastDone = done;
                  lastTotal = total;
                  return true;
              });
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.added, 3000);
    QCOMPARE(lastDone, 3000);
    QCOMPARE(lastTotal, 3000);
    QCOMPARE(PersonStore(m_db->connection()).count(), persons + 3000);
}

void TestRegistryImport::checkStoresNothing()
{
    const RegistryImport::Result good = RegistryImport(m_db->connection()).check(data("registry-good.csv"));
    QVERIFY2(good.ok, qPrintable(good.error));
    QCOMPARE(good.rows, 8);
    QCOMPARE(good.added, 0);
    QCOMPARE(PersonStore(m_db->connection()).count(), 0);
    const RegistryImport::Result bad = RegistryImport(m_db->connection()).check(data("registry-bad.csv"));
    QVERIFY(!bad.ok);
    QCOMPARE(bad.rowErrors.size(), 17); // as everyBadRowOfAFileIsReported
    QCOMPARE(bad.rows, 17);
    QVERIFY(RegistryImport(m_db->connection()).importFile(data("registry-good.csv"), QStringLiteral("supervisor")).ok);
    QCOMPARE(PersonStore(m_db->connection()).count(), 8);
}

void TestRegistryImport::twoImportsAtOnce_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("cancelFirst"); // the supervisor at the first counter presses Cancel
    // Of each import: ok, added, updated, unchanged, problems.
    QTest::addColumn<QList<int>>("firstOutcome");
    QTest::addColumn<QList<int>>("secondOutcome");
    const QByteArray renamed = residents(150, 300).replace("居民", "住民");
    QTest::newRow("two files of different persons") << residents(0, 300) << residents(300, 200) << false
                                                    << QList<int>{1, 300, 0, 0, 0} << QList<int>{1, 200, 0, 0, 0};
    QTest::newRow("the second renames half of the first's persons")
        << residents(0, 300) << renamed << false << QList<int>{1, 300, 0, 0, 0} << QList<int>{1, 150, 150, 0, 0};
    QTest::newRow("the same file twice") << residents(0, 300) << residents(0, 300) << false
                                         << QList<int>{1, 300, 0, 0, 0} << QList<int>{1, 0, 0, 300, 0};
    // 330102198003151230: goodRow's number with a wrong check character.
    QTest::newRow("the second's last row is bad: it stores nothing")
        << residents(0, 300) << residents(300, 200) + "张伟,01,330102198003151230,,,310,working,active,330100,1.00,0\n"
        << false << QList<int>{1, 300, 0, 0, 0} << QList<int>{0, 0, 0, 0, 1};
    QTest::newRow("the first is cancelled: the second alone is stored")
        << residents(0, 300) << residents(150, 300) << true << QList<int>{0, 0, 0, 0, 0} << QList<int>{1, 300, 0, 0, 0};
}

// Two supervisors import at two counters at the same moment, each on a connection (and thread) of
// its own: the second waits for the first's writer lock (the server's staging table must not mix
// their rows), and the registry is then what importing the files one after the other gives, with
// nothing of a failed or cancelled file in it.
void TestRegistryImport::twoImportsAtOnce()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(bool, cancelFirst);
    QFETCH(QList<int>, firstOutcome);
    QFETCH(QList<int>, secondOutcome);
    const QString files[2] = {write(header + first), write(header + second)};
    const QString path = m_db->path();
    const auto outcome = [](const RegistryImport::Result &r) {
        return QList<int>{r.ok ? 1 : 0, r.added, r.updated, r.unchanged, r.problemCount()};
    };
    const auto registry = [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection));
        q.exec(QStringLiteral("SELECT id, name, id_type, id_number, sex, birth_date, insurance_type, employment, "
                              "status, pooling_region, balance_fen, public_medical FROM person ORDER BY id"));
        QStringList rows;
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < 12; ++i)
                row << q.value(i).toString();
            rows << row.join(QLatin1Char('|'));
        }
        return rows;
    };
    const auto auditedImports = [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection));
        q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'registry_import'"));
        return q.next() ? q.value(0).toInt() : -1;
    };

    QSemaphore opened, firstHoldsTheLock, secondMayStart, firstMayGoOn;
    std::atomic<bool> secondReadsRows{false};
    RegistryImport::Result results[2];
    bool connected[2] = {false, false};
    std::unique_ptr<QThread> counters[2];
    for (int k = 0; k < 2; ++k) {
        counters[k].reset(QThread::create([&, k] {
            const QString connection = QStringLiteral("counter%1").arg(k);
            connected[k] = Database::open(path, connection).ok;
            opened.release();
            if (connected[k]) {
                // The first stops before its first row, inside its transaction, until the second is
                // waiting; the second notes when it gets to read its rows.
                bool stopped = false;
                const RegistryImport::Progress progress = [&, k](int, int) {
                    if (k == 1) {
                        secondReadsRows = true;
                        return true;
                    }
                    if (!stopped) {
                        stopped = true;
                        firstHoldsTheLock.release();
                        firstMayGoOn.tryAcquire(1, 30000);
                        return !cancelFirst;
                    }
                    return true;
                };
                if (k == 1)
                    secondMayStart.tryAcquire(1, 30000);
                results[k] = RegistryImport(connection)
                                 .importFile(files[k], QString::fromLatin1(TestDatabase::supervisor), progress);
            }
            Database::close(connection);
        }));
        counters[k]->start();
    }
    QVERIFY(opened.tryAcquire(2, 30000));
    QVERIFY(connected[0] && connected[1]);
    QVERIFY(firstHoldsTheLock.tryAcquire(1, 30000));
    secondMayStart.release();
    if (TestDatabase::usesServer()) {
        // The second is there once the server shows it waiting for the writer lock.
        QSqlQuery waiting(QSqlDatabase::database(m_db->connection()));
        QTRY_VERIFY_WITH_TIMEOUT(waiting.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = "
                                                             "'advisory' AND NOT granted"))
                                     && waiting.next() && waiting.value(0).toInt() == 1,
                                 8000);
    } else {
        QTest::qWait(500); // waiting in BEGIN IMMEDIATE, which SQLite does not show
    }
    QVERIFY(!secondReadsRows); // it waits: the file is read inside the write transaction
    firstMayGoOn.release();
    for (auto &counter : counters)
        QVERIFY(counter->wait(60000));
    QCOMPARE(outcome(results[0]), firstOutcome);
    QCOMPARE(results[0].cancelled, cancelFirst);
    QCOMPARE(outcome(results[1]), secondOutcome);

    // The same two files one after the other, in a database of their own.
    TestDatabase reference(QStringLiteral("reference"));
    QVERIFY(reference.isOpen());
    RegistryImport one(reference.connection());
    QCOMPARE(outcome(one.importFile(files[0], QString::fromLatin1(TestDatabase::supervisor),
                                    [&](int, int) { return !cancelFirst; })),
             firstOutcome);
    QCOMPARE(outcome(one.importFile(files[1], QString::fromLatin1(TestDatabase::supervisor))), secondOutcome);
    const QStringList stored = registry(m_db->connection());
    QCOMPARE(stored.size(), registry(reference.connection()).size());
    QCOMPARE(stored, registry(reference.connection()));
    QCOMPARE(auditedImports(m_db->connection()), firstOutcome.first() + secondOutcome.first());
    if (TestDatabase::usesServer()) {
        QSqlQuery staged(QSqlDatabase::database(m_db->connection()));
        QVERIFY(staged.exec(QStringLiteral("SELECT count(*) FROM registry_staging")) && staged.next());
        QCOMPARE(staged.value(0).toInt(), 0);
    }
}

QTEST_GUILESS_MAIN(TestRegistryImport)
#include "tst_registryimport.moc"
