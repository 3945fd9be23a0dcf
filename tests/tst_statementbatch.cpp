// StatementBatch: statements sent together (one round trip on PostgreSQL through libpq's pipeline
// mode, one after another on SQLite) read and write alike on both engines; with
// GONGJI_TEST_POSTGRES on a real server.
#include <QtTest>

#include "TestDatabase.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestStatementBatch : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_db = std::make_unique<TestDatabase>();
        QVERIFY(m_db->isOpen());
        m_first = m_db->addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
        m_second
            = m_db->addPerson(QStringLiteral("李秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    }
    void cleanup() { m_db.reset(); }

    void valuesComeBackTyped_data();
    void valuesComeBackTyped();
    void eachStatementHasItsOwnRows();
    void placeholdersRepeatedQuotedAndCast();
    void firstFailureStopsTheRestAndRollsBack();
    void connectionUsableAfterAFailure();
    void oneRoundTripOnAServer();

private:
    QString connection() const { return m_db->connection(); }
    std::unique_ptr<TestDatabase> m_db;
    Person m_first, m_second;
};

void TestStatementBatch::valuesComeBackTyped_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariant>("bound");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("integer") << "SELECT CAST(:v AS BIGINT) + 1" << QVariant(qint64(41)) << QVariant(qint64(42));
    QTest::newRow("text") << "SELECT :v || '!'" << QVariant(QStringLiteral("共济"))
                          << QVariant(QStringLiteral("共济!"));
    QTest::newRow("empty text stays text")
        << "SELECT COALESCE(:v, 'null')" << QVariant(QStringLiteral("")) << QVariant(QStringLiteral(""));
    QTest::newRow("null text is NULL") << "SELECT COALESCE(:v, 'null')" << QVariant(QString())
                                       << QVariant(QStringLiteral("null"));
    QTest::newRow("null integer is NULL")
        << "SELECT COALESCE(CAST(:v AS BIGINT), -1)" << QVariant(QMetaType::fromType<qint64>()) << QVariant(qint64(-1));
    QTest::newRow("bool as 1") << "SELECT CAST(:v AS INTEGER) * 7" << QVariant(true) << QVariant(qint64(7));
}

void TestStatementBatch::valuesComeBackTyped()
{
    QFETCH(QString, sql);
    QFETCH(QVariant, bound);
    QFETCH(QVariant, expected);
    StatementBatch batch(connection());
    const int index = batch.add(sql);
    batch.bind(QStringLiteral(":v"), bound);
    batch.run();
    StatementBatch::Rows rows = batch.rows(index);
    QVERIFY(rows.next());
    if (expected.typeId() == QMetaType::LongLong)
        QCOMPARE(rows.value(0).toLongLong(), expected.toLongLong());
    else
        QCOMPARE(rows.value(0).toString(), expected.toString());
    QVERIFY(!rows.next());
}

void TestStatementBatch::eachStatementHasItsOwnRows()
{
    StatementBatch batch(connection());
    const int byId = batch.add(QStringLiteral("SELECT name FROM person WHERE id = :id"));
    batch.bind(QStringLiteral(":id"), m_second.id);
    const int all = batch.add(QStringLiteral("SELECT id_number FROM person ORDER BY id"));
    const int none = batch.add(QStringLiteral("SELECT name FROM person WHERE id = :id"));
    batch.bind(QStringLiteral(":id"), qint64(-1));
    batch.run();
    StatementBatch::Rows one = batch.rows(byId);
    QVERIFY(one.next());
    QCOMPARE(one.value(0).toString(), m_second.name);
    QVERIFY(!one.next());
    StatementBatch::Rows both = batch.rows(all);
    QCOMPARE(both.size(), 2);
    QVERIFY(both.next());
    QCOMPARE(both.value(0).toString(), m_first.idNumber);
    QVERIFY(both.next());
    QCOMPARE(both.value(0).toString(), m_second.idNumber);
    QCOMPARE(batch.rows(none).size(), 0);
}

void TestStatementBatch::placeholdersRepeatedQuotedAndCast()
{
    StatementBatch batch(connection());
    // The same name twice is one value; ':x' inside quotes and a "::" cast are not placeholders.
    const int index = batch.add(QStringLiteral("SELECT :a || ':x' || :a || CAST(:b AS TEXT)"));
    batch.bind(QStringLiteral(":a"), QStringLiteral("A")).bind(QStringLiteral(":b"), 7);
    if (SqlDialect::engineOf(connection()) == SqlDialect::Engine::PostgreSQL) {
        batch.add(QStringLiteral("SELECT CAST(:n AS INTEGER)::text"));
        batch.bind(QStringLiteral(":n"), 5);
    }
    batch.run();
    StatementBatch::Rows rows = batch.rows(index);
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toString(), QStringLiteral("A:xA7"));
    if (batch.size() == 2) {
        StatementBatch::Rows cast = batch.rows(1);
        QVERIFY(cast.next());
        QCOMPARE(cast.value(0).toString(), QStringLiteral("5"));
    }
}

void TestStatementBatch::firstFailureStopsTheRestAndRollsBack()
{
    const auto names = [&] {
        StatementBatch batch(connection());
        const int index = batch.add(QStringLiteral("SELECT name FROM person ORDER BY id"));
        batch.run();
        QStringList found;
        StatementBatch::Rows rows = batch.rows(index);
        while (rows.next())
            found << rows.value(0).toString();
        return found;
    };
    try {
        WriteTransaction transaction(connection());
        StatementBatch batch(connection());
        batch.add(QStringLiteral("UPDATE person SET name = 'renamed' WHERE id = :id"));
        batch.bind(QStringLiteral(":id"), m_first.id);
        // The same document again: the registry's unique key refuses it.
        batch.add(QStringLiteral("INSERT INTO person (name, id_type, id_number, insurance_type, status, "
                                 "pooling_region, balance_fen, public_medical, updated_at) "
                                 "SELECT name, id_type, id_number, insurance_type, status, pooling_region, "
                                 "balance_fen, public_medical, updated_at FROM person WHERE id = :id"));
        batch.bind(QStringLiteral(":id"), m_second.id);
        batch.add(QStringLiteral("UPDATE person SET name = 'never' WHERE id = :id"));
        batch.bind(QStringLiteral(":id"), m_second.id);
        batch.run();
        transaction.commit();
        QFAIL("the duplicate document was stored");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Constraint);
    }
    QCOMPARE(names(), (QStringList{m_first.name, m_second.name}));
}

void TestStatementBatch::connectionUsableAfterAFailure()
{
    {
        StatementBatch batch(connection());
        batch.add(QStringLiteral("SELECT no_such_column FROM person"));
        QVERIFY_THROWS_EXCEPTION(StorageError, batch.run());
    }
    SqlStatement q(connection(), QStringLiteral("SELECT COUNT(*) FROM person"));
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 2);
    StatementBatch again(connection());
    const int index = again.add(QStringLiteral("SELECT COUNT(*) FROM person"));
    again.run();
    StatementBatch::Rows rows = again.rows(index);
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toLongLong(), 2);
}

void TestStatementBatch::oneRoundTripOnAServer()
{
    StatementBatch batch(connection());
    for (int i = 0; i < 5; ++i) {
        batch.add(QStringLiteral("SELECT name FROM person WHERE id = :id"));
        batch.bind(QStringLiteral(":id"), m_first.id);
    }
    const qint64 before = SqlStatement::roundTrips(connection());
    batch.run();
    const bool server = SqlDialect::engineOf(connection()) == SqlDialect::Engine::PostgreSQL;
    QCOMPARE(SqlStatement::roundTrips(connection()) - before, server ? 1 : 5);
    batch.run(); // nothing new to send
    QCOMPARE(SqlStatement::roundTrips(connection()) - before, server ? 1 : 5);
}

QTEST_GUILESS_MAIN(TestStatementBatch)
#include "tst_statementbatch.moc"
