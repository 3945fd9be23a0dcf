// The hand-over journal on a real database: every stored change gets one line with the next
// number in the transaction of the change (nothing for a refusal); export writes the same lines
// every time, owner-only, for supervisors; receipts are taken whole or not at all.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "TestDatabase.h"
#include "model/filing/BindingExpiry.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/journal/JournalExport.h"
#include "model/journal/JournalReceipts.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/registry/AutomaticBindingEnds.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/JournalStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestJournal : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyChangeHasItsLine_data();
    void everyChangeHasItsLine();
    void lineNamesWhatThePlatformNeeds();
    void refusalTakesNoNumber();
    void exportWritesTheSameLinesOwnerOnly();
    void exportIsForSupervisors();
    void receiptsRefusedWhole_data();
    void receiptsRefusedWhole();
    void receiptsMarkTheBindings();

private:
    QList<QJsonObject> lines(qint64 after = 0) const;
    QString write(const QString &name, const QByteArray &text) const;
    std::unique_ptr<TestDatabase> m_db;
    Person m_father, m_mother, m_son, m_daughter;
};

void TestJournal::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_father = m_db->addPerson(QStringLiteral("周建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = m_db->addPerson(QStringLiteral("吴秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = m_db->addPerson(QStringLiteral("周小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    m_daughter
        = m_db->addPerson(QStringLiteral("周小红"), TestDatabase::residentId("330102", QDate(2004, 5, 1), 42), "390");
}

void TestJournal::cleanup() { m_db.reset(); }

QList<QJsonObject> TestJournal::lines(qint64 after) const
{
    QList<QJsonObject> result;
    JournalStore(m_db->connection()).forEachAfter(after, [&](qint64 seq, const QString &line) {
        QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        object.insert(QStringLiteral("stored_seq"), seq);
        result.append(object);
    });
    return result;
}

QString TestJournal::write(const QString &name, const QByteArray &text) const
{
    const QString path = m_db->dir() + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

void TestJournal::everyChangeHasItsLine_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("items");
    QTest::newRow("filing with two targets") << "filing" << QStringList{"filing", "binding", "binding"};
    QTest::newRow("revocation") << "revocation" << QStringList{"filing", "binding", "binding", "revocation"};
    QTest::newRow("authorization period over") << "expiry" << QStringList{"filing", "binding", "binding", "expiry"};
    QTest::newRow("registry: deceased") << "deceased"
                                        << QStringList{"filing",          "binding",       "binding",
                                                       "kinship_binding", "automatic_end", "kinship_automatic_end"};
    QTest::newRow("kinship binding and its end") << "kinship" << QStringList{"kinship_binding", "kinship_end"};
}

void TestJournal::everyChangeHasItsLine()
{
    QFETCH(QString, change);
    QFETCH(QStringList, items);
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    if (change != QLatin1String("kinship")) {
        FilingDraft draft = TestDatabase::childFiling(m_father, m_son, clerk);
        draft.targets.append(TestDatabase::childFiling(m_father, m_daughter, clerk).targets.first());
        if (change == QLatin1String("expiry"))
            draft.targets.first().validUntil = QDate::currentDate().addDays(30);
        QVERIFY(FilingSubmission(m_db->connection()).submit(draft).stored());
    }
    if (change == QLatin1String("revocation")) {
        const qint64 binding = BindingStore(m_db->connection()).activeByTarget(m_son.id).first().id;
        QVERIFY(BindingRevocation(m_db->connection())
                    .revoke(binding, EndRequester::Authorizer, QStringLiteral("本人申请"), clerk)
                    .ok);
    }
    if (change == QLatin1String("expiry")) {
        WriteTransaction transaction(m_db->connection());
        QCOMPARE(BindingExpiry::endExpiredWithin(m_db->connection(), QDate::currentDate().addDays(31)), 1);
        transaction.commit();
    }
    if (change == QLatin1String("deceased") || change == QLatin1String("kinship")) {
        const KinshipDraft draft = TestDatabase::kinshipDraft(m_mother, m_daughter, QStringLiteral("child"), clerk);
        QVERIFY(KinshipSubmission(m_db->connection()).submit(draft).stored());
    }
    if (change == QLatin1String("deceased")) {
        Person after = m_daughter;
        after.status = QStringLiteral("deceased");
        WriteTransaction transaction(m_db->connection());
        QCOMPARE(AutomaticBindingEnds(m_db->connection()).apply(m_daughter, after, "import").total(), 2);
        transaction.commit();
    }
    if (change == QLatin1String("kinship")) {
        const qint64 binding = KinshipStore(m_db->connection()).activeByHolder(m_mother.id).first().id;
        QVERIFY(BindingRevocation(m_db->connection())
                    .revokeKinship(binding, EndRequester::Member, QStringLiteral("不再需要"), clerk)
                    .ok);
    }
    const QList<QJsonObject> journal = lines();
    QStringList stored;
    for (int i = 0; i < journal.size(); ++i) {
        QCOMPARE(journal.at(i).value("seq").toInteger(), qint64(i + 1)); // 1, 2, 3, … : no gap
        QCOMPARE(journal.at(i).value("stored_seq").toInteger(), qint64(i + 1));
        stored << journal.at(i).value("item").toString();
    }
    QCOMPARE(stored, items);
    if (change == QLatin1String("expiry")) // the period the platform is told: its last day
        QCOMPARE(journal.at(1).value("period").toObject().value("until").toString(),
                 QDate::currentDate().addDays(30).toString(Qt::ISODate));
    QCOMPARE(JournalStore(m_db->connection()).lastSeq(), qint64(items.size()));
}

void TestJournal::lineNamesWhatThePlatformNeeds()
{
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    const SubmissionResult stored
        = FilingSubmission(m_db->connection()).submit(TestDatabase::childFiling(m_father, m_son, clerk));
    QVERIFY(stored.stored());
    const qint64 binding = BindingStore(m_db->connection()).activeByTarget(m_son.id).first().id;
    QVERIFY(
        BindingRevocation(m_db->connection()).revoke(binding, EndRequester::Target, QStringLiteral("迁出"), clerk).ok);
    const QList<QJsonObject> journal = lines();
    QCOMPARE(journal.size(), 3);
    const QJsonObject filing = journal.at(0);
    QCOMPARE(filing.value("filing_no").toString(), stored.filingNumber);
    QCOMPARE(filing.value("result").toString(), QStringLiteral("stored"));
    QCOMPARE(filing.value("persons").toArray().at(0).toObject().value("id_number").toString(), m_father.idNumber);
    const QJsonObject bound = journal.at(1);
    QCOMPARE(bound.value("clerk").toString(), clerk);
    QCOMPARE(bound.value("relationship").toString(), QStringLiteral("child"));
    QCOMPARE(bound.value("binding_id").toInteger(), binding);
    QCOMPARE(bound.value("result").toString(), QStringLiteral("bound"));
    QCOMPARE(bound.value("rule_set").toObject().value("region").toString(), QStringLiteral("330000"));
    QCOMPARE(bound.value("period").toObject().value("from").toString(), QDate::currentDate().toString(Qt::ISODate));
    QVERIFY(bound.value("period").toObject().value("until").isNull());
    QVERIFY(bound.value("quota").isNull());
    const QJsonArray persons = bound.value("persons").toArray();
    QCOMPARE(persons.size(), 2);
    QCOMPARE(persons.at(1).toObject().value("role").toString(), QStringLiteral("target"));
    QCOMPARE(persons.at(1).toObject().value("id_number").toString(), m_son.idNumber); // full, for the platform
    QCOMPARE(persons.at(1).toObject().value("name").toString(), m_son.name);
    const QJsonObject ended = journal.at(2);
    QCOMPARE(ended.value("item").toString(), QStringLiteral("revocation"));
    QCOMPARE(ended.value("result").toString(), QStringLiteral("ended"));
    QCOMPARE(ended.value("requested_by").toString(), QStringLiteral("target"));
    QCOMPARE(ended.value("reason").toString(), QStringLiteral("迁出"));
    QCOMPARE(ended.value("period").toObject().value("until").toString(), QDate::currentDate().toString(Qt::ISODate));
    QVERIFY(!ended.value("time").toString().isEmpty());
}

void TestJournal::refusalTakesNoNumber()
{
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    FilingSubmission submission(m_db->connection());
    QVERIFY(submission.submit(TestDatabase::childFiling(m_father, m_son, clerk)).stored());
    // 浙江: one authorizer per target; the mother is refused and leaves no line and no number.
    QCOMPARE(submission.submit(TestDatabase::childFiling(m_mother, m_son, clerk)).status,
             SubmissionResult::Status::Refused);
    QCOMPARE(JournalStore(m_db->connection()).lastSeq(), qint64(2));
    QVERIFY(submission.submit(TestDatabase::childFiling(m_mother, m_daughter, clerk)).stored());
    const QList<QJsonObject> journal = lines();
    QCOMPARE(journal.size(), 4);
    QCOMPARE(journal.last().value("seq").toInteger(), qint64(4));
}

void TestJournal::exportWritesTheSameLinesOwnerOnly()
{
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    QVERIFY(FilingSubmission(m_db->connection()).submit(TestDatabase::childFiling(m_father, m_son, clerk)).stored());
    QVERIFY(
        FilingSubmission(m_db->connection()).submit(TestDatabase::childFiling(m_mother, m_daughter, clerk)).stored());
    const qint64 audited = AuditLog(m_db->connection()).countFor(AuditAction::JournalExport, "first.jsonl");
    const QString first = m_db->dir() + "/first.jsonl";
    const QString again = m_db->dir() + "/again.jsonl";
    JournalExport exporter(m_db->connection());
    const JournalExport::Result a = exporter.write(0, first, TestDatabase::supervisor);
    QVERIFY2(a.ok, qPrintable(a.error));
    QCOMPARE(a.count, qint64(4));
    QCOMPARE(a.lastSeq, qint64(4));
    const int ownerOnly
        = int(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(int(QFile(first).permissions()), ownerOnly);
    QVERIFY(exporter.write(0, again, TestDatabase::supervisor).ok);
    QFile f1(first), f2(again);
    QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
    const QByteArray bytes = f1.readAll();
    QCOMPARE(f2.readAll(), bytes);
    const QList<QByteArray> split = bytes.trimmed().split('\n');
    QCOMPARE(split.size(), 4);
    QCOMPARE(QJsonDocument::fromJson(split.at(2)).object().value("seq").toInteger(), qint64(3));
    // From a later number: only the newer lines, byte for byte the same.
    const QString tail = m_db->dir() + "/tail.jsonl";
    const JournalExport::Result t = exporter.write(2, tail, TestDatabase::supervisor);
    QCOMPARE(t.count, qint64(2));
    QFile f3(tail);
    QVERIFY(f3.open(QIODevice::ReadOnly));
    QCOMPARE(f3.readAll(), QByteArray(split.at(2) + '\n' + split.at(3) + '\n'));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::JournalExport, "first.jsonl"), audited + 1);
}

void TestJournal::exportIsForSupervisors()
{
    QVERIFY(FilingSubmission(m_db->connection())
                .submit(TestDatabase::childFiling(m_father, m_son, TestDatabase::clerk))
                .stored());
    const QString path = m_db->dir() + "/clerk.jsonl";
    const JournalExport::Result result = JournalExport(m_db->connection()).write(0, path, TestDatabase::clerk);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::NotAllowed);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::JournalExport, "clerk.jsonl"), qint64(0));
    const QString receipts = write("r.jsonl", "{\"seq\":1,\"result\":\"accepted\"}\n");
    QVERIFY(JournalReceipts(m_db->connection()).record(receipts, TestDatabase::clerk).failure
            == FailureKind::NotAllowed);
    QVERIFY(!JournalStore(m_db->connection()).receiptOf(1));
}

void TestJournal::receiptsRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("message");
    const QByteArray good = "{\"seq\":1,\"result\":\"accepted\"}\n";
    QTest::newRow("unknown seq") << good + "{\"seq\":9,\"result\":\"accepted\"}\n"
                                 << "line 2: seq 9 is not in the journal";
    QTest::newRow("not JSON") << good + "seq=2 accepted\n"
                              << "line 2: not a JSON object";
    QTest::newRow("an array") << good + "[2, \"accepted\"]\n"
                              << "line 2: not a JSON object";
    QTest::newRow("seq as text") << QByteArray("{\"seq\":\"2\",\"result\":\"accepted\"}\n")
                                 << "line 1: \"seq\" must be a whole number";
    QTest::newRow("seq zero") << QByteArray("{\"seq\":0,\"result\":\"accepted\"}\n")
                              << "line 1: \"seq\" must be a whole number";
    QTest::newRow("seq fraction") << QByteArray("{\"seq\":1.5,\"result\":\"accepted\"}\n")
                                  << "line 1: \"seq\" must be a whole number";
    QTest::newRow("unknown result") << QByteArray("{\"seq\":2,\"result\":\"ok\"}\n") << "line 1: \"result\" must be";
    QTest::newRow("rejection without reason") << good + "\n{\"seq\":2,\"result\":\"rejected\"}\n"
                                              << "line 3: a rejection needs its \"reason\"";
    QTest::newRow("second answer in the file") << good
            + "{\"seq\":2,\"result\":\"accepted\"}\n"
              "{\"seq\":1,\"result\":\"rejected\",\"reason\":\"x\"}\n"
                                               << "line 3: a second answer for seq 1 (the first is on line 1)";
    QTest::newRow("same answer twice in the file") << good + good << "line 2: a second answer for seq 1";
    QTest::newRow("another answer than recorded")
        << QByteArray("{\"seq\":3,\"result\":\"accepted\"}\n")
        << "line 1: a second answer for seq 3: it was already answered \"rejected\"";
}

void TestJournal::receiptsRefusedWhole()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    QVERIFY(FilingSubmission(m_db->connection()).submit(TestDatabase::childFiling(m_father, m_son, clerk)).stored());
    QVERIFY(
        FilingSubmission(m_db->connection()).submit(TestDatabase::childFiling(m_mother, m_daughter, clerk)).stored());
    JournalReceipts receipts(m_db->connection());
    QVERIFY(receipts
                .record(write("earlier.jsonl", "{\"seq\":3,\"result\":\"rejected\",\"reason\":\"关系证明不全\"}\n"),
                        TestDatabase::supervisor)
                .ok);
    const qint64 waiting = JournalStore(m_db->connection()).countWaiting();
    QCOMPARE(waiting, qint64(3));
    const JournalReceipts::Result result = receipts.record(write("bad.jsonl", file), TestDatabase::supervisor);
    QVERIFY(!result.ok);
    QCOMPARE(result.failure, FailureKind::Input);
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
    QCOMPARE(JournalStore(m_db->connection()).countWaiting(), waiting); // nothing of the file was taken
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::JournalReceipts, "bad.jsonl"), qint64(0));
}

void TestJournal::receiptsMarkTheBindings()
{
    const QString clerk = QString::fromLatin1(TestDatabase::clerk);
    FilingDraft draft = TestDatabase::childFiling(m_father, m_son, clerk);
    draft.targets.append(TestDatabase::childFiling(m_father, m_daughter, clerk).targets.first());
    QVERIFY(FilingSubmission(m_db->connection()).submit(draft).stored());
    // Lines: 1 filing, 2 binding (son), 3 binding (daughter).
    const QString path = write("answers.jsonl",
                               "{\"seq\":1,\"result\":\"accepted\"}\n"
                               "{\"seq\":2,\"result\":\"accepted\"}\n"
                               "{\"seq\":3,\"result\":\"rejected\",\"reason\":\"关系证明不全\"}\n");
    const JournalReceipts::Result result = JournalReceipts(m_db->connection()).record(path, TestDatabase::supervisor);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.accepted, 2);
    QCOMPARE(result.rejected, 1);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::JournalReceipts, "answers.jsonl"), qint64(1));
    // The same file again changes nothing.
    const JournalReceipts::Result again = JournalReceipts(m_db->connection()).record(path, TestDatabase::supervisor);
    QVERIFY(again.ok);
    QCOMPARE(again.alreadyRecorded, 3);
    QCOMPARE(again.accepted + again.rejected, 0);
    QHash<qint64, HouseholdBinding> byTarget;
    for (const HouseholdBinding &b : HouseholdStore(m_db->connection()).bindingsOf(m_father.id))
        byTarget.insert(b.counterpart.id, b);
    QCOMPARE(byTarget.value(m_son.id).handover, QStringLiteral("accepted"));
    QCOMPARE(byTarget.value(m_daughter.id).handover, QStringLiteral("rejected"));
    QCOMPARE(byTarget.value(m_daughter.id).handoverReason, QStringLiteral("关系证明不全"));
    // A revocation adds a line not yet answered: the binding waits again.
    const qint64 son = BindingStore(m_db->connection()).activeByTarget(m_son.id).first().id;
    QVERIFY(BindingRevocation(m_db->connection())
                .revoke(son, EndRequester::Authorizer, QStringLiteral("本人申请"), clerk)
                .ok);
    for (const HouseholdBinding &b : HouseholdStore(m_db->connection()).bindingsOf(m_father.id))
        if (b.counterpart.id == m_son.id)
            QCOMPARE(b.handover, QStringLiteral("waiting"));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
