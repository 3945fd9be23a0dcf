// The office statistics against a known set of stored work: filings, targets accepted and refused
// (counted at the counter and in a committed batch, never for a check alone), revocations,
// automatic ends and kinship accounts, placed on known days around local midnight (UTC+8) and
// counted for periods in the office's time zone; the report through gongji-admin (JSON, CSV, PDF).
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include "AdminCli.h"
#include "TestDatabase.h"
#include "model/citizen/ServiceRating.h"
#include "model/domain/IdNumber.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingBatch.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/registry/AutomaticBindingEnds.h"
#include "model/filing/RefusalTally.h"
#include "model/statistics/StatisticsJson.h"
#include "model/storage/BindingStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/RatingStore.h"
#include "model/statistics/StatisticsStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void counts_data();
    void counts();
    void breakdowns();
    void checkAloneCountsNothing();
    void ratings_data();
    void ratings();
    void periods_data();
    void periods();
    void reportThroughTheCommandLine();

private:
    void at(const QString &sql, const QString &time, const QVariant &key);
    std::unique_ptr<TestDatabase> m_db;
    Person m_father, m_mother, m_son, m_daughter, m_grandpa, m_bjFather, m_bjSon;
};

void TestStatistics::at(const QString &sql, const QString &time, const QVariant &key)
{
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    QVERIFY(q.prepare(sql));
    q.addBindValue(time);
    q.addBindValue(key);
    QVERIFY2(q.exec(), qPrintable(sql));
}

// The stored work, on the office's calendar (UTC+8):
//   2026-12-01 00:30  filing 1 by tester: 周建国 → 周小明, 周小红 (2 targets)
//   2026-12-01 10:00  the counter shows tester a refusal: 吴秀英 → 周小明 (TARGET_BOUND_ELSEWHERE)
//   2026-12-01 10:00  a committed batch by tester refuses the same pair
//   2026-12-01 10:00  周建国 revokes 周小红 (asked by the authorizer, "本人申请"), tester
//   2026-12-01 12:00  kinship: 吴秀英 holds 周小明's account, tester
//   2026-12-01 23:59  filing 2 by supervisor: 吴秀英 → her father 周老汉 (1 target)
//   2026-12-02 00:00  filing 3 by tester in 北京: 赵大 → 赵小 (1 target)
//   2026-12-02 09:00  周老汉 dies: the registry ends filing 2's binding (automatic end)
//   2026-12-02 09:00  the kinship binding ends, asked by the member
//   ratings: 2026-12-01 11:00 非常满意 (tester), 13:00 不满意 (tester), 2026-12-02 10:00 满意 (supervisor)
void TestStatistics::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_father = m_db->addPerson(QStringLiteral("周建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    m_mother = m_db->addPerson(QStringLiteral("吴秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    m_son = m_db->addPerson(QStringLiteral("周小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    m_daughter
        = m_db->addPerson(QStringLiteral("周小红"), TestDatabase::residentId("330102", QDate(2004, 5, 1), 42), "390");
    m_grandpa
        = m_db->addPerson(QStringLiteral("周老汉"), TestDatabase::residentId("330102", QDate(1945, 1, 1), 53), "390");
    m_bjFather = m_db->addPerson(QStringLiteral("赵大"), TestDatabase::residentId("110101", QDate(1975, 1, 1), 61),
                                 "310", "110100");
    m_bjSon = m_db->addPerson(QStringLiteral("赵小"), TestDatabase::residentId("110101", QDate(2005, 1, 1), 71), "390",
                              "110100");
    const QString tester = QString::fromLatin1(TestDatabase::clerk);
    const QString supervisor = QString::fromLatin1(TestDatabase::supervisor);
    FilingSubmission submission(m_db->connection());

    FilingDraft first = TestDatabase::childFiling(m_father, m_son, tester);
    first.targets.append(TestDatabase::childFiling(m_father, m_daughter, tester).targets.first());
    const SubmissionResult one = submission.submit(first);
    QVERIFY(one.stored());
    at("UPDATE filing SET filed_at = ? WHERE filing_no = ?", "2026-11-30T16:30:00.000Z", one.filingNumber);

    // The counter shows the refusal of the mother for the son (already bound to his father).
    const SubmissionResult refused = submission.submit(TestDatabase::childFiling(m_mother, m_son, tester));
    QCOMPARE(refused.status, SubmissionResult::Status::Refused);
    QVERIFY(RefusalTally(m_db->connection()).record(RefusalTally::refusedTargets(refused.verdict, tester, "counter")));
    // The same pair in a committed batch.
    const QString csv = m_db->dir() + QStringLiteral("/batch.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(FilingBatch::expectedHeader().toUtf8() + "\n"
               + QStringLiteral("01,%1,%2,01,%3,%4,child,%5,yes\n")
                     .arg(m_mother.idNumber, m_mother.name, m_son.idNumber, m_son.name,
                          QDate::currentDate().toString(Qt::ISODate))
                     .toUtf8());
    file.close();
    FilingBatch::Options commit;
    commit.commit = true;
    commit.clerk = tester;
    const FilingBatch::Result batch = FilingBatch(m_db->connection()).run(csv, commit);
    QVERIFY2(batch.ok, qPrintable(batch.fileError));
    QCOMPARE(batch.rows.first().verdict, QStringLiteral("refused"));
    at("UPDATE refused_target SET at = ? WHERE id > ?", "2026-12-01T02:00:00.000Z", 0);
    at("UPDATE refused_code SET at = ? WHERE refused_target_id > ?", "2026-12-01T02:00:00.000Z", 0);

    const qint64 daughterBinding = BindingStore(m_db->connection()).activeByTarget(m_daughter.id).first().id;
    QVERIFY(BindingRevocation(m_db->connection())
                .revoke(daughterBinding, EndRequester::Authorizer, QStringLiteral("本人申请"), tester)
                .ok);
    at("UPDATE binding SET ended_at = ? WHERE id = ?", "2026-12-01T02:00:00.000Z", daughterBinding);

    const KinshipSubmission::Result kinship
        = KinshipSubmission(m_db->connection())
              .submit(TestDatabase::kinshipDraft(m_mother, m_son, QStringLiteral("child"), tester));
    QVERIFY(kinship.stored());
    at("UPDATE kinship_binding SET started_at = ? WHERE id = ?", "2026-12-01T04:00:00.000Z", kinship.bindingId);

    FilingDraft second = TestDatabase::childFiling(m_mother, m_grandpa, supervisor);
    second.targets.first().relationship = QStringLiteral("parent");
    const SubmissionResult two = submission.submit(second);
    QVERIFY(two.stored());
    at("UPDATE filing SET filed_at = ? WHERE filing_no = ?", "2026-12-01T15:59:59.999Z", two.filingNumber);

    const SubmissionResult three = submission.submit(TestDatabase::childFiling(m_bjFather, m_bjSon, tester));
    QVERIFY2(three.stored(), qPrintable(three.error));
    at("UPDATE filing SET filed_at = ? WHERE filing_no = ?", "2026-12-01T16:00:00.000Z", three.filingNumber);

    Person dead = m_grandpa;
    dead.status = QStringLiteral("deceased");
    {
        WriteTransaction transaction(m_db->connection());
        QCOMPARE(AutomaticBindingEnds(m_db->connection()).apply(m_grandpa, dead, "import").total(), 1);
        transaction.commit();
    }
    const qint64 grandpaBinding = BindingStore(m_db->connection()).byFiling(two.filingId).first().id;
    at("UPDATE binding SET ended_at = ? WHERE id = ?", "2026-12-02T01:00:00.000Z", grandpaBinding);
    QVERIFY(BindingRevocation(m_db->connection())
                .revokeKinship(kinship.bindingId, EndRequester::Member, QStringLiteral("不再需要"), tester)
                .ok);
    at("UPDATE kinship_binding SET ended_at = ? WHERE id = ?", "2026-12-02T01:00:00.000Z", kinship.bindingId);

    // Ratings are append-only; stored with their times directly (ServiceRating stamps "now").
    const QList<std::tuple<QString, QString, int, const char *>> ratings
        = {{one.filingNumber, tester, 5, "2026-12-01T03:00:00.000Z"},
           {QStringLiteral("binding:%1").arg(daughterBinding), tester, 2, "2026-12-01T05:00:00.000Z"},
           {two.filingNumber, supervisor, 4, "2026-12-02T02:00:00.000Z"}};
    WriteTransaction transaction(m_db->connection());
    for (const auto &[reference, clerk, level, time] : ratings) {
        ServiceRatingEntry entry;
        entry.service
            = reference.startsWith(QLatin1String("binding:")) ? QStringLiteral("revocation") : QStringLiteral("filing");
        entry.reference = reference;
        entry.clerk = clerk;
        entry.level = level;
        entry.reason = RatingLevel::needsReason(level) ? RatingLevel::reasons().first() : QString();
        entry.ratedAt = QDateTime::fromString(QString::fromLatin1(time), Qt::ISODateWithMs);
        RatingStore(m_db->connection()).insert(entry);
    }
    transaction.commit();
}

void TestStatistics::cleanupTestCase() { m_db.reset(); }

void TestStatistics::counts_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("offset");
    // filings, targets accepted, targets refused, revocations, automatic ends, kinship bindings, kinship endings
    QTest::addColumn<QList<int>>("expected");
    QTest::addColumn<QString>("refusals");
    QTest::newRow("2026-12-01 at UTC+8") << QDate(2026, 12, 1) << QDate(2026, 12, 1) << 480
                                         << QList<int>{2, 3, 2, 1, 0, 1, 0} << "TARGET_BOUND_ELSEWHERE=2";
    QTest::newRow("2026-12-02 at UTC+8") << QDate(2026, 12, 2) << QDate(2026, 12, 2) << 480
                                         << QList<int>{1, 1, 0, 0, 1, 0, 1} << "";
    QTest::newRow("the three days") << QDate(2026, 11, 30) << QDate(2026, 12, 2) << 480
                                    << QList<int>{3, 4, 2, 1, 1, 1, 1} << "TARGET_BOUND_ELSEWHERE=2";
    QTest::newRow("2026-11-30 at UTC+8: nothing")
        << QDate(2026, 11, 30) << QDate(2026, 11, 30) << 480 << QList<int>{0, 0, 0, 0, 0, 0, 0} << "";
    // At UTC the first filing (16:30Z on the 30th) falls on the day before, the third on the 1st.
    QTest::newRow("2026-12-01 at UTC") << QDate(2026, 12, 1) << QDate(2026, 12, 1) << 0
                                       << QList<int>{2, 2, 2, 1, 0, 1, 0} << "TARGET_BOUND_ELSEWHERE=2";
    QTest::newRow("2026-11-30 at UTC") << QDate(2026, 11, 30) << QDate(2026, 11, 30) << 0
                                       << QList<int>{1, 2, 0, 0, 0, 0, 0} << "";
}

void TestStatistics::counts()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, offset);
    QFETCH(QList<int>, expected);
    QFETCH(QString, refusals);
    const OfficeStatistics stats = StatisticsStore(m_db->connection()).compute({from, to, offset});
    const OfficeStatistics::Figures &t = stats.total;
    QCOMPARE((QList<int>{int(t.filings), int(t.targetsAccepted), int(t.targetsRefused), int(t.revocations),
                         int(t.automaticEnds), int(t.kinshipBindings), int(t.kinshipEndings)}),
             expected);
    QStringList codes;
    for (auto it = stats.refusals.cbegin(); it != stats.refusals.cend(); ++it)
        codes << it.key() + QLatin1Char('=') + QString::number(it.value());
    QCOMPARE(codes.join(QLatin1Char(',')), refusals);
    qint64 perDay = 0;
    for (const auto &day : stats.filingsPerDay)
        perDay += day.second;
    QCOMPARE(perDay, t.filings);
    QCOMPARE(stats.filingsPerDay.size(), int(from.daysTo(to) + 1));
}

void TestStatistics::breakdowns()
{
    const OfficeStatistics stats
        = StatisticsStore(m_db->connection()).compute({QDate(2026, 11, 30), QDate(2026, 12, 2), 480});
    QCOMPARE(stats.byClerk.value("tester").filings, qint64(2));
    QCOMPARE(stats.byClerk.value("supervisor").filings, qint64(1));
    QCOMPARE(stats.byClerk.value("tester").targetsRefused, qint64(2));
    QCOMPARE(stats.byClerk.value("tester").revocations, qint64(1));
    QCOMPARE(stats.byClerk.value("import").automaticEnds, qint64(1));
    QCOMPARE(stats.byRegion.value("330100").filings, qint64(2));
    QCOMPARE(stats.byRegion.value("110100").filings, qint64(1));
    QCOMPARE(stats.byRegion.value("330100").targetsAccepted, qint64(3));
    QCOMPARE(stats.byRegion.value("330100").targetsRefused, qint64(2));
    QCOMPARE(stats.byRegion.value("330100").kinshipBindings, qint64(1));
    QCOMPARE(stats.byRuleSet.size(), 2); // the sets of 浙江 and 北京
    for (auto it = stats.byRuleSet.cbegin(); it != stats.byRuleSet.cend(); ++it)
        QVERIFY(!stats.ruleSetTitles.value(it.key()).isEmpty());
    QCOMPARE(stats.revocationsByReason.value(QStringLiteral("本人申请")), qint64(1));
    QCOMPARE(stats.revocationsByRequester.value("authorizer"), qint64(1));
    QCOMPARE(stats.automaticEndsByCause.value(AutomaticBindingEnds::endedReason("deceased")), qint64(1));
    QCOMPARE(stats.filingsPerDay.at(1), qMakePair(QDate(2026, 12, 1), qint64(2)));
    // Refusals keep no person: the two rows hold who, when, where and the code, and nothing else.
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    QVERIFY(q.exec("SELECT * FROM refused_target"));
    int rows = 0;
    while (q.next()) {
        ++rows;
        for (int c = 0; c < q.record().count(); ++c)
            QVERIFY(!q.value(c).toString().contains(m_mother.idNumber)
                    && !q.value(c).toString().contains(m_son.idNumber));
    }
    QCOMPARE(rows, 2);
}

void TestStatistics::checkAloneCountsNothing()
{
    const QString csv = m_db->dir() + QStringLiteral("/batch.csv"); // the refused row of initTestCase
    FilingBatch::Options check;
    check.clerk = QString::fromLatin1(TestDatabase::clerk);
    const FilingBatch::Result result = FilingBatch(m_db->connection()).run(csv, check);
    QVERIFY(result.ok);
    QCOMPARE(result.rows.first().verdict, QStringLiteral("refused"));
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    QVERIFY(q.exec("SELECT COUNT(*) FROM refused_target") && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

void TestStatistics::ratings_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("all"); // JSON "ratings", levels with a count
    QTest::addColumn<QString>("tester"); // JSON "ratings_by_clerk".tester
    QTest::newRow("2026-12-01") << QDate(2026, 12, 1) << QDate(2026, 12, 1) << "very_satisfied=1,dissatisfied=1"
                                << "very_satisfied=1,dissatisfied=1";
    QTest::newRow("2026-12-02") << QDate(2026, 12, 2) << QDate(2026, 12, 2) << "satisfied=1"
                                << "";
    QTest::newRow("the three days") << QDate(2026, 11, 30) << QDate(2026, 12, 2)
                                    << "very_satisfied=1,satisfied=1,dissatisfied=1"
                                    << "very_satisfied=1,dissatisfied=1";
    QTest::newRow("2026-11-30: none") << QDate(2026, 11, 30) << QDate(2026, 11, 30) << ""
                                      << "";
}

void TestStatistics::ratings()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, all);
    QFETCH(QString, tester);
    const QJsonObject json = StatisticsJson::toJson(StatisticsStore(m_db->connection()).compute({from, to, 480}));
    const auto nonZero = [](const QJsonObject &levels) -> QString {
        QStringList counted;
        for (const int level : RatingLevel::all()) { // highest first; every level is present
            const QString keyword = RatingLevel::keyword(level);
            if (!levels.contains(keyword))
                return QStringLiteral("missing ") + keyword;
            if (levels.value(keyword).toInteger() > 0)
                counted << keyword + QLatin1Char('=') + QString::number(levels.value(keyword).toInteger());
        }
        return counted.join(QLatin1Char(','));
    };
    QCOMPARE(nonZero(json.value("ratings").toObject()), all);
    const QJsonObject byClerk = json.value("ratings_by_clerk").toObject();
    QCOMPARE(byClerk.contains("tester"), !tester.isEmpty());
    if (!tester.isEmpty())
        QCOMPARE(nonZero(byClerk.value("tester").toObject()), tester);
}

void TestStatistics::periods_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::newRow("day") << "day" << QDate(2026, 12, 1) << QDate(2026, 12, 1) << QDate(2026, 12, 1);
    QTest::newRow("week from a Tuesday") << "week" << QDate(2026, 12, 1) << QDate(2026, 11, 30) << QDate(2026, 12, 6);
    QTest::newRow("week from a Sunday") << "week" << QDate(2026, 12, 6) << QDate(2026, 11, 30) << QDate(2026, 12, 6);
    QTest::newRow("month") << "month" << QDate(2026, 2, 14) << QDate(2026, 2, 1) << QDate(2026, 2, 28);
}

void TestStatistics::periods()
{
    QFETCH(QString, kind);
    QFETCH(QDate, day);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    const StatisticsPeriod period = kind == "day" ? StatisticsPeriod::day(day, 480)
        : kind == "week"                          ? StatisticsPeriod::week(day, 480)
                                                  : StatisticsPeriod::month(day, 480);
    QCOMPARE(period.from, from);
    QCOMPARE(period.to, to);
    QCOMPARE(period.startText(), from.addDays(-1).toString(Qt::ISODate) + QStringLiteral("T16:00:00.000Z"));
    QCOMPARE(period.endText(), to.toString(Qt::ISODate) + QStringLiteral("T16:00:00.000Z"));
}

void TestStatistics::reportThroughTheCommandLine()
{
    const AdminCli cli(m_db->dir());
    const QStringList signIn = QStringList{"--db", m_db->path()} + AdminCli::signIn(m_db->passwordFile());
    const AdminCli::Run json
        = cli.run(signIn + QStringList{"report", "--from", "2026-12-01", "--to", "2026-12-01", "--json"});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value("filings").toInteger(), qint64(2));
    QCOMPARE(object.value("targets_accepted").toInteger(), qint64(3));
    QCOMPARE(object.value("refusals").toObject().value("TARGET_BOUND_ELSEWHERE").toInteger(), qint64(2));
    QCOMPARE(object.value("revocations").toInteger(), qint64(1));
    QCOMPARE(object.value("kinship_bindings").toInteger(), qint64(1));
    QCOMPARE(object.value("by_clerk").toObject().value("tester").toObject().value("filings").toInteger(), qint64(1));
    QCOMPARE(object.value("by_clerk").toObject().value("supervisor").toObject().value("filings").toInteger(),
             qint64(1));

    const QString csv = m_db->dir() + "/report.csv";
    QCOMPARE(
        cli.run(signIn + QStringList{"report", "--from", "2026-12-01", "--to", "2026-12-01", "--csv", csv}).exitCode,
        0);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csvFile.readAll());
    QVERIFY(text.contains("total,,filings,2\r\n"));
    QVERIFY(text.contains("refusals,TARGET_BOUND_ELSEWHERE,targets_refused,2\r\n"));
    QVERIFY(text.contains("by_clerk,tester,targets_accepted,2\r\n"));

    // The report as PDF, read back: counts, the listed filings with masked numbers, the sign-off line.
    const QString pdf = m_db->dir() + "/report.pdf";
    const AdminCli::Run printed
        = cli.run(signIn + QStringList{"report", "--from", "2026-12-01", "--to", "2026-12-01", "--pdf", pdf});
    QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
    QProcess pdftotext;
    pdftotext.start("pdftotext", {"-layout", "-enc", "UTF-8", pdf, "-"});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString read = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(read.contains("Daily report"), qPrintable(read));
    QVERIFY(read.contains("TARGET_BOUND_ELSEWHERE"));
    QVERIFY(read.contains("Supervisor's signature"));
    QVERIFY(read.contains(QStringLiteral("周建国")));
    QVERIFY(read.contains(QStringLiteral("本人申请")));
    QVERIFY(!read.contains(m_father.idNumber)); // masked, never whole
    QVERIFY(read.contains(IdNumber::mask(m_father.idNumber)));

    // Usage mistakes are refused before anything is read.
    QCOMPARE(cli.run(signIn + QStringList{"report", "--from", "2026-12-02", "--to", "2026-12-01", "--json"}).exitCode,
             64);
    QCOMPARE(cli.run(signIn + QStringList{"report", "--from", "2026-12-01", "--to", "2026-12-01"}).exitCode, 64);
    QCOMPARE(cli.run(signIn + QStringList{"report", "--from", "2026-13-01", "--to", "2026-12-01", "--json"}).exitCode,
             64);
    // A clerk may not read the office's figures.
    const QStringList clerk = QStringList{"--db", m_db->path()} + AdminCli::signIn(m_db->passwordFile(), "tester");
    QCOMPARE(cli.run(clerk + QStringList{"report", "--from", "2026-12-01", "--to", "2026-12-01", "--json"}).exitCode,
             4);
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
