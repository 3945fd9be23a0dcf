// StatementBatch: statements sent together (one round trip on PostgreSQL through libpq's pipeline
// mode, one after another on SQLite) read and write alike on both engines; with
// GONGJI_TEST_POSTGRES on a real server.
#include <QtTest>

#include "TestDatabase.h"
#include "model/storage/Database.h"
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
    void preparedOncePerSession();
    void preparedStatementOutlivesARollback();
    void statementStoppedByAFailureIsPreparedLater();
    void reopenedConnectionPreparesAgain();

private:
    QString connection() const { return m_db->connection(); }
    bool onServer() const { return SqlDialect::engineOf(connection()) == SqlDialect::Engine::PostgreSQL; }
    // How many statements this session has prepared on the server whose text is `numbered`.
    qint64 preparedOnServer(const QString &numbered) const
    {
        SqlStatement q(connection(),
                       QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements "
                                      "WHERE name LIKE 'gongji\\_%' AND statement = :sql"));
        q.bind(QStringLiteral(":sql"), numbered).exec();
        return q.next() ? q.value(0).toLongLong() : -1;
    }
    QString nameOf(qint64 id) const
    {
        StatementBatch batch(connection());
        const int index = batch.add(QStringLiteral("SELECT name FROM person WHERE id = :id"));
        batch.bind(QStringLiteral(":id"), id);
        batch.run();
        StatementBatch::Rows rows = batch.rows(index);
        return rows.next() ? rows.value(0).toString() : QString();
    }
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

void TestStatementBatch::preparedOncePerSession()
{
    if (!onServer())
        QSKIP("SQLite keeps its statements in SqlStatement; this is a server session's");
    StatementBatch twice(connection());
    for (const Person &person : {m_first, m_second}) {
        twice.add(QStringLiteral("SELECT name FROM person WHERE id = :id"));
        twice.bind(QStringLiteral(":id"), person.id);
    }
    twice.run();
    QCOMPARE(twice.rows(0).size(), 1);
    QCOMPARE(twice.rows(1).size(), 1);
    QCOMPARE(nameOf(m_second.id), m_second.name);
    QCOMPARE(nameOf(m_first.id), m_first.name);
    QCOMPARE(preparedOnServer(QStringLiteral("SELECT name FROM person WHERE id = $1")), 1);
}

void TestStatementBatch::preparedStatementOutlivesARollback()
{
    if (!onServer())
        QSKIP("SQLite keeps its statements in SqlStatement; this is a server session's");
    {
        WriteTransaction transaction(connection());
        QCOMPARE(nameOf(m_first.id), m_first.name); // prepared inside the transaction
    } // rolled back
    QCOMPARE(nameOf(m_second.id), m_second.name);
    QCOMPARE(preparedOnServer(QStringLiteral("SELECT name FROM person WHERE id = $1")), 1);
}

void TestStatementBatch::statementStoppedByAFailureIsPreparedLater()
{
    StatementBatch batch(connection());
    batch.add(QStringLiteral("SELECT no_such_column FROM person"));
    batch.add(QStringLiteral("SELECT id_number FROM person WHERE id = :id")); // never prepared: stopped
    batch.bind(QStringLiteral(":id"), m_first.id);
    QVERIFY_THROWS_EXCEPTION(StorageError, batch.run());
    for (int again = 0; again < 2; ++again) { // the failing one fails alike, not as "not prepared"
        StatementBatch failing(connection());
        failing.add(QStringLiteral("SELECT no_such_column FROM person"));
        try {
            failing.run();
            QFAIL("a missing column was read");
        } catch (const StorageError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("no_such_column")), qPrintable(error.message()));
        }
    }
    StatementBatch later(connection());
    const int index = later.add(QStringLiteral("SELECT id_number FROM person WHERE id = :id"));
    later.bind(QStringLiteral(":id"), m_first.id);
    later.run();
    StatementBatch::Rows rows = later.rows(index);
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toString(), m_first.idNumber);
}

void TestStatementBatch::reopenedConnectionPreparesAgain()
{
    if (!onServer())
        QSKIP("only a server's connection is lost and opened again");
    QCOMPARE(nameOf(m_first.id), m_first.name);
    const auto backend = [&] {
        SqlStatement q(connection(), QStringLiteral("SELECT pg_backend_pid()"));
        q.exec();
        return q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 before = backend();
    {
        // The server ends this session, as a restart or a network cut would.
        QVERIFY(Database::open(m_db->path(), QStringLiteral("server-admin")).ok);
        SqlStatement kill(QStringLiteral("server-admin"), QStringLiteral("SELECT pg_terminate_backend(:pid)"));
        kill.bind(QStringLiteral(":pid"), before).exec();
        Database::close(QStringLiteral("server-admin"));
    }
    try {
        nameOf(m_first.id); // finds the session gone: the connection is marked lost
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::ConnectionLost);
    }
    QCOMPARE(nameOf(m_second.id), m_second.name); // opened again, prepared again
    QVERIFY(backend() != before);
    QCOMPARE(preparedOnServer(QStringLiteral("SELECT name FROM person WHERE id = $1")), 1);
}

QTEST_GUILESS_MAIN(TestStatementBatch)
#include "tst_statementbatch.moc"
