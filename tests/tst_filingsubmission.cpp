// The one path that stores a filing: all or nothing, re-checked under the write lock.
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/FilingSubmission.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/Database.h"
#include "model/storage/FilingStore.h"

using namespace gongji;

class TestFilingSubmission : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void storesFilingBindingsProofsAndAudit();
    void refusedFilingLeavesNoTrace();
    void warningNeedsConfirmation();
    void emptyFilingIsRefusedWithMessage();
    void failureHalfwayLeavesNoTrace();
    void recheckSeesAnotherCounter();
    void reopeningKeepsTheFiling();
    void lostServerReconnectsAndStoresOnce();
    void roundTripsWhateverTheTargets_data();
    void roundTripsWhateverTheTargets();

private:
    FilingDraft draft(const QList<Person> &targets, const QString &relationship = QStringLiteral("child")) const;
    qint64 rows(const QString &table) const;

    std::unique_ptr<TestDatabase> m_db;
    qint64 m_auditBefore = 0; // the fixture's own entries (its two accounts)
    Person m_father, m_mother, m_son, m_daughter, m_young;
};

void TestFilingSubmission::init()
{
    // As the schema's owner: failureHalfwayLeavesNoTrace injects its fault with a trigger, which the
    // counter role may not create.
    m_db = std::make_unique<TestDatabase>(QStringLiteral("test"), TestDatabase::Accounts::TesterAndSupervisor,
                                          TestDatabase::Role::Owner);
    QVERIFY(m_db->isOpen());
    m_father = m_db->addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = m_db->addPerson(QStringLiteral("李秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = m_db->addPerson(QStringLiteral("王小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    m_daughter
        = m_db->addPerson(QStringLiteral("王小红"), TestDatabase::residentId("330102", QDate(2003, 4, 1), 42), "390");
    m_young = m_db->addPerson(QStringLiteral("赵青"), TestDatabase::residentId("330102", QDate(1965, 1, 1), 52), "390");
    m_auditBefore = rows(QStringLiteral("audit_log"));
}

void TestFilingSubmission::cleanup() { m_db.reset(); }

FilingDraft TestFilingSubmission::draft(const QList<Person> &targets, const QString &relationship) const
{
    FilingDraft d;
    d.authorizerIdType = m_father.idType;
    d.authorizerIdNumber = m_father.idNumber;
    d.commitmentAcknowledged = true;
    d.commitmentVersion = QStringLiteral("test-v1");
    d.commitmentAt = QDateTime::currentDateTimeUtc();
    d.filedOn = QDate::currentDate();
    d.clerk = QStringLiteral("tester");
    for (const Person &t : targets)
        d.targets.append(
            TargetEntry{relationship, t.idType, t.idNumber, t.name, {QStringLiteral("household_register")}, false});
    return d;
}

qint64 TestFilingSubmission::rows(const QString &table) const
{
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table); // test-only, table names are constants
    return q.next() ? q.value(0).toLongLong() : -1;
}

void TestFilingSubmission::storesFilingBindingsProofsAndAudit()
{
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft({m_son, m_daughter}));
    QVERIFY2(result.stored(), qPrintable(result.error));
    QVERIFY(QRegularExpression(QStringLiteral("^GJ\\d{8}-\\d{4}$")).match(result.filingNumber).hasMatch());
    const std::optional<Filing> filing = FilingStore(m_db->connection()).findByNumber(result.filingNumber);
    QVERIFY(filing);
    QCOMPARE(filing->authorizerId, m_father.id);
    QCOMPARE(filing->clerk, QStringLiteral("tester"));
    QCOMPARE(filing->commitmentVersion, QStringLiteral("test-v1"));
    QCOMPARE(filing->ruleSetId, result.verdict.authorizer.ruleSet->id);
    const QList<MutualAidBinding> bindings = BindingStore(m_db->connection()).byFiling(filing->id);
    QCOMPARE(bindings.size(), 2);
    QCOMPARE(bindings.at(0).proofs, QStringList{QStringLiteral("household_register")});
    QCOMPARE(bindings.at(1).ruleSetId, filing->ruleSetId);
    QCOMPARE(bindings.at(1).status, BindingStatus::Active);
    QCOMPARE(rows(QStringLiteral("audit_log")), m_auditBefore + 1);
    // The audit entry never holds a full ID number.
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    q.exec(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'filing'"));
    QVERIFY(q.next());
    QVERIFY(!q.value(0).toString().contains(m_son.idNumber));
    QVERIFY(q.value(0).toString().contains(m_son.idNumber.left(6) + QStringLiteral("********")));
    // The next filing of the day takes the next number.
    FilingDraft second = draft({m_young}, QStringLiteral("sibling"));
    const SubmissionResult next = FilingSubmission(m_db->connection()).submit(second);
    QVERIFY2(next.stored(), qPrintable(next.error));
    QCOMPARE(next.filingNumber.right(4), QStringLiteral("0002"));
}

void TestFilingSubmission::refusedFilingLeavesNoTrace()
{
    FilingDraft d = draft({m_son, m_father}); // the second target is the authorizer himself
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(d);
    QCOMPARE(result.status, SubmissionResult::Status::Refused);
    QCOMPARE(refusalNames(result.verdict.findingsFor(1)), QStringList{QStringLiteral("SELF_BINDING")});
    QCOMPARE(rows(QStringLiteral("filing")), 0);
    QCOMPARE(rows(QStringLiteral("binding")), 0);
    QCOMPARE(rows(QStringLiteral("audit_log")), m_auditBefore);
}

void TestFilingSubmission::warningNeedsConfirmation()
{
    FilingDraft d = draft({m_young}, QStringLiteral("parent")); // 赵青 is only 5 years older
    FilingSubmission submission(m_db->connection());
    const SubmissionResult unconfirmed = submission.submit(d);
    QCOMPARE(unconfirmed.status, SubmissionResult::Status::NeedsConfirmation);
    QCOMPARE(unconfirmed.failure, FailureKind::Input);
    QCOMPARE(rows(QStringLiteral("binding")), 0);
    d.targets[0].ageWarningConfirmed = true;
    const SubmissionResult result = submission.submit(d);
    QVERIFY2(result.stored(), qPrintable(result.error));
    QVERIFY(result.ok);
    QCOMPARE(result.failure, FailureKind::None);
    QVERIFY(BindingStore(m_db->connection()).byFiling(result.filingId).first().ageWarningConfirmed);
}

void TestFilingSubmission::emptyFilingIsRefusedWithMessage()
{
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft({}));
    QCOMPARE(result.status, SubmissionResult::Status::Failed);
    QCOMPARE(result.failure, FailureKind::Input);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("target")));
    FilingDraft noClerk = draft({m_son});
    noClerk.clerk.clear();
    QCOMPARE(FilingSubmission(m_db->connection()).submit(noClerk).status, SubmissionResult::Status::Failed);
    QCOMPARE(rows(QStringLiteral("filing")), 0);
}

void TestFilingSubmission::failureHalfwayLeavesNoTrace()
{
    // The second binding's INSERT fails after the filing and the first binding were written.
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    if (TestDatabase::usesServer()) {
        QVERIFY(q.exec(QStringLiteral("CREATE FUNCTION fail_second() RETURNS trigger AS $$ BEGIN "
                                      "RAISE EXCEPTION 'simulated disk failure'; END $$ LANGUAGE plpgsql")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER fail_second BEFORE INSERT ON binding FOR EACH ROW "
                                      "WHEN (NEW.target_id = %1) EXECUTE FUNCTION fail_second()")
                           .arg(m_daughter.id)));
    } else {
        QVERIFY(
            q.exec(QStringLiteral("CREATE TEMP TRIGGER fail_second BEFORE INSERT ON binding WHEN NEW.target_id = %1 "
                                  "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END")
                       .arg(m_daughter.id)));
    }
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft({m_son, m_daughter}));
    QCOMPARE(result.status, SubmissionResult::Status::Failed);
    QCOMPARE(result.failure, FailureKind::Storage);
    QVERIFY(result.error.contains(QStringLiteral("Nothing was saved")));
    QVERIFY(result.filingNumber.isEmpty());
    QCOMPARE(rows(QStringLiteral("filing")), 0);
    QCOMPARE(rows(QStringLiteral("binding")), 0);
    QCOMPARE(rows(QStringLiteral("binding_proof")), 0);
    QCOMPARE(rows(QStringLiteral("audit_log")), m_auditBefore);
}

void TestFilingSubmission::recheckSeesAnotherCounter()
{
    // The clerk saw "accepted"; meanwhile another counter (another connection) binds the son
    // to his mother. 浙江 allows one authorizer per target: the submit must refuse.
    const FilingDraft fatherDraft = draft({m_son});
    QVERIFY(FilingEvaluator(m_db->connection()).evaluate(fatherDraft).targetAccepted(0, false));

    QVERIFY(Database::open(m_db->path(), QStringLiteral("counter2")).ok);
    FilingDraft motherDraft = fatherDraft;
    motherDraft.authorizerIdNumber = m_mother.idNumber;
    QVERIFY(FilingSubmission(QStringLiteral("counter2")).submit(motherDraft).stored());
    Database::close(QStringLiteral("counter2"));

    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(fatherDraft);
    QCOMPARE(result.status, SubmissionResult::Status::Refused);
    QCOMPARE(refusalNames(result.verdict.findingsFor(0)), QStringList{QStringLiteral("TARGET_BOUND_ELSEWHERE")});
    QCOMPARE(rows(QStringLiteral("binding")), 1);
}

void TestFilingSubmission::reopeningKeepsTheFiling()
{
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft({m_son}));
    QVERIFY(result.stored());
    Database::close(m_db->connection());
    QVERIFY(Database::open(m_db->path(), m_db->connection()).ok);
    QVERIFY(FilingStore(m_db->connection()).findByNumber(result.filingNumber));
    QCOMPARE(BindingStore(m_db->connection()).countActive(), 1);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore + 1);
}

void TestFilingSubmission::lostServerReconnectsAndStoresOnce()
{
    if (!TestDatabase::usesServer())
        QSKIP("needs a PostgreSQL server: runs as tst_filingsubmission_postgres");
    // The office server drops this counter's connection (network cut, server restart).
    QSqlQuery whoAmI(QSqlDatabase::database(m_db->connection()));
    QVERIFY(whoAmI.exec(QStringLiteral("SELECT pg_backend_pid()")) && whoAmI.next());
    const qint64 pid = whoAmI.value(0).toLongLong();
    QVERIFY(Database::open(m_db->path(), QStringLiteral("server-admin")).ok);
    QSqlQuery kill(QSqlDatabase::database(QStringLiteral("server-admin")));
    QVERIFY(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
    QTest::qWait(200);

    // The connection was lost before the transaction began: the counter reconnects by itself and
    // the filing is stored once, whole (docs/office-security.md, "Server faults").
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft({m_son, m_daughter}));
    QVERIFY2(result.status == SubmissionResult::Status::Stored, qPrintable(result.error));
    QVERIFY(!result.filingNumber.isEmpty());
    QCOMPARE(FilingStore(QStringLiteral("server-admin")).count(), 1);
    QCOMPARE(BindingStore(QStringLiteral("server-admin")).countActive(), 2);
    Database::close(QStringLiteral("server-admin"));
}

QTEST_GUILESS_MAIN(TestFilingSubmission)
void TestFilingSubmission::roundTripsWhateverTheTargets_data()
{
    QTest::addColumn<int>("targets");
    QTest::newRow("one target") << 1;
    QTest::newRow("two targets") << 2;
}

// On an office server a submission costs BEGIN, the writer's lock, two batches of reads, one of
// writes and COMMIT: six round trips, however many targets it has.
void TestFilingSubmission::roundTripsWhateverTheTargets()
{
    QFETCH(int, targets);
    if (SqlDialect::engineOf(m_db->connection()) != SqlDialect::Engine::PostgreSQL)
        QSKIP("round trips are an office server's cost; SQLite runs in the process");
    const QList<Person> persons = QList<Person>{m_son, m_daughter}.mid(0, targets);
    const qint64 before = SqlStatement::roundTrips(m_db->connection());
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft(persons));
    QVERIFY2(result.stored(), qPrintable(result.error));
    QCOMPARE(SqlStatement::roundTrips(m_db->connection()) - before, 6);
    QCOMPARE(rows(QStringLiteral("binding")), qint64(targets));
    QCOMPARE(rows(QStringLiteral("journal")), qint64(targets + 1));
}

#include "tst_filingsubmission.moc"
