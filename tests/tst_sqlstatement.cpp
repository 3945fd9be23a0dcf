// SqlStatement's kept (prepared once) statements on a connection opened by Database::open, on
// SQLite (through the C API) and, with GONGJI_TEST_POSTGRES, on PostgreSQL (QSqlQuery); and the
// hand-written reading and writing of Timestamp's stored forms.
#include <QtTest>

#include "TestDatabase.h"
#include "model/storage/Database.h"
#include "model/storage/PersonStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestSqlStatement : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_db = std::make_unique<TestDatabase>();
        QVERIFY(m_db->isOpen());
    }
    void cleanup() { m_db.reset(); }

    void runsAgainWithNewValues_data();
    void runsAgainWithNewValues();
    void nestedUseOfTheSameSql();
    void unboundPlaceholderIsNullOnTheNextRun();
    void failureLeavesTheStatementUsable();
    void reopenedConnectionPreparesAfresh();
    void insertReturningAndRowsAffected();
    void valuesKeepTheirTypes();
    void textsComeBackExactly_data();
    void textsComeBackExactly();
    void placeholdersInAnyOrder();
    void columnNames();
    void insertIfAbsent();

    void timestampRoundTrip_data();
    void timestampRoundTrip();
    void timestampOtherForms_data();
    void timestampOtherForms();
    void nowTextFollowsTheClock();

private:
    QStringList namesBetween(int low, int high)
    {
        SqlStatement q(m_db->connection(),
                       QStringLiteral("SELECT name FROM person WHERE id_number >= :low "
                                      "AND id_number < :high ORDER BY id_number"));
        q.bind(QStringLiteral(":low"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), low))
            .bind(QStringLiteral(":high"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), high))
            .exec();
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        return names;
    }
    void addPersons(int count)
    {
        for (int i = 1; i <= count; ++i)
            m_db->addPerson(QStringLiteral("人%1").arg(i),
                            TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 100 + i));
    }
    std::unique_ptr<TestDatabase> m_db;
};

void TestSqlStatement::runsAgainWithNewValues_data()
{
    QTest::addColumn<int>("low");
    QTest::addColumn<int>("high");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("first two") << 101 << 103 << QStringList{QStringLiteral("人1"), QStringLiteral("人2")};
    QTest::newRow("last one") << 103 << 104 << QStringList{QStringLiteral("人3")};
    QTest::newRow("none") << 200 << 300 << QStringList();
}

void TestSqlStatement::runsAgainWithNewValues()
{
    QFETCH(int, low);
    QFETCH(int, high);
    QFETCH(QStringList, expected);
    addPersons(3);
    // The same SQL three times: the kept statement, reset between runs, gives each run's rows.
    QCOMPARE(namesBetween(101, 104).size(), 3);
    QCOMPARE(namesBetween(low, high), expected);
    QCOMPARE(namesBetween(low, high), expected);
}

void TestSqlStatement::nestedUseOfTheSameSql()
{
    addPersons(3);
    const QString sql = QStringLiteral("SELECT id, name FROM person ORDER BY id");
    SqlStatement outer(m_db->connection(), sql);
    outer.exec();
    QStringList pairs;
    while (outer.next()) {
        // The outer statement is in use: the inner one must be another statement, or the
        // outer loop would lose its place.
        SqlStatement inner(m_db->connection(), sql);
        inner.exec();
        int innerRows = 0;
        while (inner.next())
            ++innerRows;
        pairs << outer.value(1).toString() + QLatin1Char('/') + QString::number(innerRows);
    }
    QCOMPARE(pairs, (QStringList{QStringLiteral("人1/3"), QStringLiteral("人2/3"), QStringLiteral("人3/3")}));
}

void TestSqlStatement::unboundPlaceholderIsNullOnTheNextRun()
{
    const QString sql = QStringLiteral("SELECT CAST(:a AS INTEGER) IS NULL, CAST(:b AS INTEGER) IS NULL");
    {
        SqlStatement q(m_db->connection(), sql);
        q.bind(QStringLiteral(":a"), 1).bind(QStringLiteral(":b"), 2).exec();
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 0);
    }
    SqlStatement q(m_db->connection(), sql);
    q.bind(QStringLiteral(":a"), 1).exec(); // :b left out: NULL, not the last run's 2
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toInt(), 1);
}

void TestSqlStatement::failureLeavesTheStatementUsable()
{
    const Person person = m_db->addPerson(QStringLiteral("张三"),
                                          TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 101));
    const QString sql = QStringLiteral("UPDATE person SET id_number = :number WHERE id = :id");
    const Person other = m_db->addPerson(QStringLiteral("李四"),
                                         TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 102));
    {
        WriteTransaction transaction(m_db->connection());
        SqlStatement q(m_db->connection(), sql);
        q.bind(QStringLiteral(":number"), other.idNumber).bind(QStringLiteral(":id"), person.id);
        bool refused = false;
        try {
            q.exec(); // the same (id_type, id_number) twice
        } catch (const StorageError &error) {
            refused = error.kind() == StorageError::Kind::Constraint;
        }
        QVERIFY(refused);
    }
    WriteTransaction transaction(m_db->connection());
    SqlStatement q(m_db->connection(), sql);
    const QString fresh = TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 103);
    q.bind(QStringLiteral(":number"), fresh).bind(QStringLiteral(":id"), person.id).exec();
    QCOMPARE(q.rowsAffected(), 1);
    transaction.commit();
    SqlStatement check(m_db->connection(), QStringLiteral("SELECT id_number FROM person WHERE id = :id"));
    check.bind(QStringLiteral(":id"), person.id).exec();
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), fresh);
}

void TestSqlStatement::reopenedConnectionPreparesAfresh()
{
    addPersons(2);
    const QString where = m_db->path();
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM person");
    auto count = [&] {
        SqlStatement q(m_db->connection(), sql);
        q.exec();
        return q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(count(), 2);
    // Closing forgets the kept statements (else the old driver would stay in use); the reopened
    // connection prepares its own.
    Database::close(m_db->connection());
    QVERIFY(Database::open(where, m_db->connection()).ok);
    QCOMPARE(count(), 2);
    m_db->addPerson(QStringLiteral("王五"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 150));
    QCOMPARE(count(), 3);
}

void TestSqlStatement::insertReturningAndRowsAffected()
{
    WriteTransaction transaction(m_db->connection());
    const QString insert = QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, detail) "
                                          "VALUES (:at, :actor, :action, :subject, :detail) RETURNING id");
    qint64 previous = 0;
    for (int i = 0; i < 3; ++i) {
        SqlStatement q(m_db->connection(), insert);
        q.bind(QStringLiteral(":at"), Timestamp::toText(Timestamp::now()))
            .bind(QStringLiteral(":actor"), QStringLiteral("tester"))
            .bind(QStringLiteral(":action"), QStringLiteral("test"))
            .bind(QStringLiteral(":subject"), QString::number(i))
            .bind(QStringLiteral(":detail"), QStringLiteral("{}"))
            .exec();
        const qint64 id = q.insertedId();
        QVERIFY(id > previous);
        previous = id;
    }
    transaction.commit();
}

void TestSqlStatement::valuesKeepTheirTypes()
{
    SqlStatement q(m_db->connection(),
                   QStringLiteral("SELECT CAST(:i AS BIGINT), CAST(:t AS TEXT), CAST(NULL AS TEXT), CAST(:e AS TEXT)"));
    q.bind(QStringLiteral(":i"), qint64(1) << 40)
        .bind(QStringLiteral(":t"), QStringLiteral("共济 ✓"))
        .bind(QStringLiteral(":e"), QVariant(QMetaType::fromType<QString>()))
        .exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(1) << 40);
    QCOMPARE(q.value(1).toString(), QStringLiteral("共济 ✓"));
    QVERIFY(q.value(2).isNull());
    QVERIFY(q.value(3).isNull());
    QVERIFY(!q.next());
}

void TestSqlStatement::textsComeBackExactly_data()
{
    QTest::addColumn<QStringList>("values"); // bound one after the other to the same kept statement
    QTest::newRow("ASCII, long then short")
        << QStringList{QString(300, QLatin1Char('x')), QStringLiteral("ab"), QStringLiteral("c")};
    QTest::newRow("short then long") << QStringList{QStringLiteral("1"), QString(5000, QLatin1Char('9'))};
    QTest::newRow("Chinese after ASCII") << QStringList{QStringLiteral("330100"), QStringLiteral("王建国"),
                                                        QStringLiteral("01")};
    QTest::newRow("mixed in one value") << QStringList{QStringLiteral("Li 李 ·Ⅱ")};
    QTest::newRow("outside the BMP") << QStringList{QStringLiteral("𠀀𪚥 end"), QStringLiteral("plain")};
    QTest::newRow("empty is not NULL") << QStringList{QStringLiteral("x"), QLatin1String("")};
    QTest::newRow("control characters") << QStringList{QStringLiteral("a\tb\nc\u007f")};
}

// Texts go to SQLite through a buffer of each placeholder that is reused from run to run (ASCII
// copied as it is, anything else through UTF-8): every value must come back as it was bound.
void TestSqlStatement::textsComeBackExactly()
{
    QFETCH(QStringList, values);
    for (const QString &value : values) {
        SqlStatement q(m_db->connection(),
                       QStringLiteral("SELECT CAST(:v AS TEXT), CAST(:v AS TEXT) IS NULL, LENGTH(CAST(:v AS TEXT))"));
        q.bind(QStringLiteral(":v"), value).exec();
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), value);
        QCOMPARE(q.value(1).toInt(), 0);
        QCOMPARE(q.value(2).toInt(), int(value.toUcs4().size()));
    }
}

void TestSqlStatement::placeholdersInAnyOrder()
{
    const QString sql
        = QStringLiteral("SELECT CAST(:first AS TEXT) || '/' || CAST(:second AS TEXT) || '/' || CAST(:first AS TEXT)");
    for (int run = 0; run < 2; ++run) {
        SqlStatement q(m_db->connection(), sql);
        if (run == 0)
            q.bind(QStringLiteral(":first"), QStringLiteral("a")).bind(QStringLiteral(":second"), QStringLiteral("b"));
        else // the other way round, and a value for a placeholder the statement does not have
            q.bind(QStringLiteral(":second"), QStringLiteral("d"))
                .bind(QStringLiteral(":other"), 1)
                .bind(QStringLiteral(":first"), QStringLiteral("c"));
        q.exec();
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), run == 0 ? QStringLiteral("a/b/a") : QStringLiteral("c/d/c"));
    }
}

void TestSqlStatement::columnNames()
{
    SqlStatement q(m_db->connection(), QStringLiteral("SELECT id, name, id_number FROM person"));
    q.exec();
    QCOMPARE(q.columnNames(), (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("id_number")}));
    QCOMPARE(q.columnCount(), 3);
}

void TestSqlStatement::insertIfAbsent()
{
    // RegistryImport's first import: one INSERT … ON CONFLICT DO NOTHING a row, kept statement.
    const Person stored = m_db->addPerson(QStringLiteral("张三"),
                                          TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 101));
    WriteTransaction transaction(m_db->connection());
    PersonStore store(m_db->connection());
    Person again = stored;
    again.id = 0;
    again.name = QStringLiteral("张三丰");
    QVERIFY(!store.insertIfAbsent(again)); // already there: nothing written
    QCOMPARE(again.id, qint64(0));
    Person fresh = stored;
    fresh.id = 0;
    fresh.idNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1980, 1, 1), 102);
    QVERIFY(store.insertIfAbsent(fresh));
    QVERIFY(fresh.id > stored.id);
    transaction.commit();
    QCOMPARE(store.findByDocument(stored.idType, stored.idNumber)->name, QStringLiteral("张三"));
    QCOMPARE(store.findByDocument(fresh.idType, fresh.idNumber)->id, fresh.id);
}

void TestSqlStatement::timestampRoundTrip_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("ordinary") << QDateTime(QDate(2026, 11, 22), QTime(9, 30, 15, 123), Qt::UTC);
    QTest::newRow("midnight, no ms") << QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("end of a leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("local time +08:00") << QDateTime(QDate(2026, 1, 1), QTime(7, 0), Qt::OffsetFromUTC, 8 * 3600);
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(12, 0), Qt::UTC);
}

void TestSqlStatement::timestampRoundTrip()
{
    QFETCH(QDateTime, time);
    const QString text = Timestamp::toText(time);
    // The text is what Qt's ISO form gives, so both engines keep sorting the stored strings alike.
    QCOMPARE(text, time.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(Timestamp::fromText(text), time.toUTC());
    QCOMPARE(Timestamp::fromText(text).timeSpec(), Qt::UTC);
    QCOMPARE(Timestamp::dateToText(time.date()), time.date().toString(Qt::ISODate));
    QCOMPARE(Timestamp::dateFromText(Timestamp::dateToText(time.date())), time.date());
}

void TestSqlStatement::timestampOtherForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: not a time
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("no milliseconds") << QStringLiteral("2026-11-22T09:30:15Z")
                                     << QDateTime(QDate(2026, 11, 22), QTime(9, 30, 15), Qt::UTC);
    QTest::newRow("offset instead of Z") << QStringLiteral("2026-11-22T17:30:15.000+08:00")
                                         << QDateTime(QDate(2026, 11, 22), QTime(9, 30, 15), Qt::UTC);
    QTest::newRow("30 February") << QStringLiteral("2026-02-30T09:30:15.123Z") << QDateTime();
    QTest::newRow("hour 25") << QStringLiteral("2026-11-22T25:30:15.123Z") << QDateTime();
    QTest::newRow("letters") << QStringLiteral("2026-1a-22T09:30:15.123Z") << QDateTime();
}

void TestSqlStatement::timestampOtherForms()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime read = Timestamp::fromText(text);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(read, expected);
    // Dates alike: the fixed form by hand, anything else as Qt reads it.
    QCOMPARE(Timestamp::dateFromText(text.left(10)), QDate::fromString(text.left(10), Qt::ISODate));
}

// nowText() writes each millisecond's text once: what it gives must still be the time of the call.
void TestSqlStatement::nowTextFollowsTheClock()
{
    QDateTime previous;
    for (int i = 0; i < 2000; ++i) {
        const QDateTime before = Timestamp::now();
        const QDateTime stamped = Timestamp::fromText(Timestamp::nowText());
        const QDateTime after = Timestamp::now();
        QVERIFY(stamped.isValid());
        QVERIFY2(before <= stamped && stamped <= after, qPrintable(stamped.toString(Qt::ISODateWithMs)));
        QVERIFY(!previous.isValid() || previous <= stamped);
        previous = stamped;
    }
}

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
