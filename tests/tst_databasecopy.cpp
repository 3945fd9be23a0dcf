// copy-to: a whole database into an empty one, ids kept, counts compared, refused when not empty.
// Under tests/postgres/with-postgres.sh the databases are PostgreSQL ones, and a SQLite file is
// copied into the server as well.
#include <QTemporaryDir>
#include <QtTest>

#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/SignIn.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/rules/RuleSetExchange.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/export/DatabaseCopy.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestDatabaseCopy : public QObject
{
    Q_OBJECT
private slots:
    void copyKeepsEverything();
    void rowsGoOverInBatches_data();
    void rowsGoOverInBatches();
    void refusesATargetInUse();
    void newFilingsContinueAfterTheCopiedIds();
    void sqliteFileIntoServer();

private:
    static void fill(const QString &connection);
    static FilingDraft draft(const Person &a, const Person &t);
};

FilingDraft TestDatabaseCopy::draft(const Person &a, const Person &t)
{
    FilingDraft d;
    d.authorizerIdType = a.idType;
    d.authorizerIdNumber = a.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test");
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    d.targets.append(TargetEntry{"child", t.idType, t.idNumber, t.name, {QStringLiteral("birth_certificate")}, false});
    return d;
}

void TestDatabaseCopy::fill(const QString &connection)
{
    auto add = [&](const QString &name, const QString &number, const QString &insurance) {
        Person p;
        p.name = name;
        p.idType = QStringLiteral("01");
        p.idNumber = number;
        p.birthDate = QDate::fromString(number.mid(6, 8), QStringLiteral("yyyyMMdd"));
        p.sex = QLatin1Char('M');
        p.insuranceType = insurance;
        p.employment = insurance == QLatin1String("310") ? QStringLiteral("working") : QString();
        p.status = QStringLiteral("active");
        p.poolingRegion = QStringLiteral("330100");
        p.balanceFen = 123456;
        WriteTransaction t(connection);
        PersonStore(connection).upsert(p);
        t.commit();
        return p;
    };
    const Person father = add("王建国", TestDatabase::residentId("330102", QDate(1970, 3, 15), 11), "310");
    const Person son = add("王小明", TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    QVERIFY(FilingSubmission(connection).submit(draft(father, son)).stored());
    QVERIFY(KinshipSubmission(connection)
                .submit(TestDatabase::kinshipDraft(son, father, QStringLiteral("parent"), QStringLiteral("tester")))
                .stored());
}

void TestDatabaseCopy::copyKeepsEverything()
{
    TestDatabase source(QStringLiteral("source"));
    TestDatabase target(QStringLiteral("target"), TestDatabase::Accounts::None, TestDatabase::Role::Owner);
    fill(source.connection());
    const DatabaseCopy::Result result = DatabaseCopy::copy(source.connection(), target.connection(), "supervisor");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows.value("person"), 2);
    QCOMPARE(result.rows.value("binding_proof"), 1);
    QCOMPARE(result.rows.value("kinship_binding"), 1);
    QCOMPARE(result.rows.value("clerk"), 2);
    QCOMPARE(PersonStore(target.connection()).findById(1)->balanceFen, 123456);
    QVERIFY(FilingStore(target.connection()).findByNumber(FilingStore(source.connection()).findById(1)->number));
    QCOMPARE(RuleSetExchange(target.connection()).exportJson(), RuleSetExchange(source.connection()).exportJson());
    QCOMPARE(AuditLog(target.connection()).count(), AuditLog(source.connection()).count() + 1); // + the copy itself
    // The accounts travel with the copy: the same clerks sign in at the office database.
    QVERIFY(SignIn(target.connection()).signIn(TestDatabase::clerk, TestDatabase::password).ok);
}

void TestDatabaseCopy::rowsGoOverInBatches_data()
{
    QTest::addColumn<int>("persons");
    // DatabaseCopy writes 100 rows per INSERT: none, less than one batch, exactly one, one and one row, several.
    QTest::newRow("none") << 0;
    QTest::newRow("99") << 99;
    QTest::newRow("100") << 100;
    QTest::newRow("101") << 101;
    QTest::newRow("250") << 250;
}

void TestDatabaseCopy::rowsGoOverInBatches()
{
    QFETCH(int, persons);
    TestDatabase source(QStringLiteral("source"));
    TestDatabase target(QStringLiteral("target"), TestDatabase::Accounts::None, TestDatabase::Role::Owner);
    {
        WriteTransaction t(source.connection());
        PersonStore store(source.connection());
        for (int i = 0; i < persons; ++i) {
            Person p;
            p.name = QStringLiteral("人%1").arg(i);
            p.idType = QStringLiteral("01");
            p.idNumber
                = TestDatabase::residentId(QStringLiteral("330102"), QDate(1960, 1, 1).addDays(i), 100 + i % 800);
            p.birthDate = QDate(1960, 1, 1).addDays(i);
            p.sex = i % 2 ? QLatin1Char('M') : QLatin1Char('F');
            p.insuranceType = i % 3 ? QStringLiteral("310") : QStringLiteral("390");
            p.employment = i % 3 ? QStringLiteral("working") : QString();
            p.status = QStringLiteral("active");
            p.poolingRegion = QStringLiteral("330100");
            p.balanceFen = i % 3 ? 1000 + i : 0;
            store.upsert(p);
        }
        t.commit();
    }
    const DatabaseCopy::Result result = DatabaseCopy::copy(source.connection(), target.connection(), "supervisor");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows.value("person"), persons);
    for (qint64 id = 1; id <= persons; ++id) {
        const std::optional<Person> original = PersonStore(source.connection()).findById(id);
        const std::optional<Person> copied = PersonStore(target.connection()).findById(id);
        QVERIFY(original && copied);
        QCOMPARE(copied->name, original->name);
        QCOMPARE(copied->idNumber, original->idNumber);
        QCOMPARE(copied->birthDate, original->birthDate);
        QCOMPARE(copied->sex, original->sex);
        QCOMPARE(copied->employment, original->employment);
        QCOMPARE(copied->balanceFen, original->balanceFen);
    }
}

void TestDatabaseCopy::refusesATargetInUse()
{
    TestDatabase source(QStringLiteral("source"));
    TestDatabase target(QStringLiteral("target"), TestDatabase::Accounts::TesterAndSupervisor,
                        TestDatabase::Role::Owner);
    fill(source.connection());
    fill(target.connection());
    const qint64 before = AuditLog(target.connection()).count();
    const DatabaseCopy::Result result = DatabaseCopy::copy(source.connection(), target.connection(), "supervisor");
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Input);
    QCOMPARE(result.refusal, DatabaseCopy::Result::Refusal::TargetNotEmpty);
    QVERIFY(result.error.contains(QStringLiteral("not empty")));
    QCOMPARE(AuditLog(target.connection()).count(), before);
}

void TestDatabaseCopy::newFilingsContinueAfterTheCopiedIds()
{
    TestDatabase source(QStringLiteral("source"));
    TestDatabase target(QStringLiteral("target"), TestDatabase::Accounts::None, TestDatabase::Role::Owner);
    fill(source.connection());
    QVERIFY(DatabaseCopy::copy(source.connection(), target.connection(), "supervisor").ok);
    // On the server the identity sequences must have moved past the copied ids.
    const Person daughter
        = target.addPerson("王小红", TestDatabase::residentId("330102", QDate(2003, 4, 1), 42), "390");
    QCOMPARE(daughter.id, 3);
    const Person father = *PersonStore(target.connection()).findById(1);
    const SubmissionResult result = FilingSubmission(target.connection()).submit(draft(father, daughter));
    QVERIFY2(result.stored(), qPrintable(result.error));
    QCOMPARE(result.filingId, 2);
    QCOMPARE(BindingStore(target.connection()).countActive(), 2);
    const ClerkAccounts::Result added
        = ClerkAccounts(target.connection())
              .add(TestDatabase::supervisor, "wangwu", "王五", ClerkRole::Clerk, "password-2");
    QVERIFY2(added.ok, qPrintable(added.error));
}

void TestDatabaseCopy::sqliteFileIntoServer()
{
    if (!TestDatabase::usesServer())
        QSKIP("needs a PostgreSQL server: runs as tst_databasecopy_postgres");
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("counter.sqlite"));
    QVERIFY(Database::open(file, QStringLiteral("counter")).ok);
    ClerkAccounts accounts(QStringLiteral("counter"));
    QVERIFY(accounts.createFirstSupervisor(TestDatabase::supervisor, "王主管", TestDatabase::password).ok);
    QVERIFY(
        accounts.add(TestDatabase::supervisor, TestDatabase::clerk, "李柜员", ClerkRole::Clerk, TestDatabase::password)
            .ok);
    fill(QStringLiteral("counter"));
    TestDatabase office(QStringLiteral("office"), TestDatabase::Accounts::None, TestDatabase::Role::Owner);
    const DatabaseCopy::Result result
        = DatabaseCopy::copy(QStringLiteral("counter"), office.connection(), "supervisor");
    Database::close(QStringLiteral("counter"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(PersonStore(office.connection()).count(), 2);
    QCOMPARE(BindingStore(office.connection()).countActive(), 1);
}

QTEST_GUILESS_MAIN(TestDatabaseCopy)
#include "tst_databasecopy.moc"
