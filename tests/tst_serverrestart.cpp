// Server faults: four counters (gongji-admin check-filings --commit, 200 filings each, as the
// counter role) while the office server is restarted three times with pg_ctl restart -m
// immediate. Every filing a counter reported as stored is there exactly once with its binding and
// its audit entry, no filing is half stored, the rules hold, and every process ends in bounded
// time. One throwaway cluster (PostgresCluster) for the program.
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include "AdminCli.h"
#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/storage/BindingStore.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Database.h"
#include "model/storage/FilingStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"
#include "postgres/PostgresCluster.h"

using namespace gongji;

namespace {
constexpr int kCounters = 4;
constexpr int kFilingsEach = 200;
} // namespace

class TestServerRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countersFileThroughThreeRestarts();

private:
    QString address(const QString &role) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/office").arg(role).arg(m_cluster.port());
    }
    int filingCount() const
    {
        return m_cluster.value(QStringLiteral("SELECT COUNT(*) FROM filing"), QStringLiteral("office")).toInt();
    }

    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    QStringList m_files; // one filings CSV per counter
};

void TestServerRestart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!m_cluster.start())
        QSKIP(qPrintable(m_cluster.skipReason()));
    QVERIFY(m_cluster.run(QStringLiteral("CREATE ROLE office_owner LOGIN")));
    QVERIFY(m_cluster.run(QStringLiteral("CREATE ROLE office_counter LOGIN")));
    QVERIFY(m_cluster.createDatabase(QStringLiteral("office"), QStringLiteral("office_owner")));
    Database::Options owner;
    owner.upgradeServerSchema = true;
    const Database::OpenResult setup
        = Database::open(address(QStringLiteral("office_owner")), QStringLiteral("setup"), owner);
    QVERIFY2(setup.ok, qPrintable(setup.error));
    QVERIFY(CounterRole(QStringLiteral("setup")).setUp(QStringLiteral("office_counter")).ok);
    Database::close(QStringLiteral("setup"));

    // As the counters: accounts and a registry of 800 families in 杭州, a parent and a child each.
    const QString counter = QStringLiteral("counter");
    const Database::OpenResult opened = Database::open(address(QStringLiteral("office_counter")), counter);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
    const QString password = QString::fromLatin1(AdminCli::password);
    ClerkAccounts accounts(counter);
    QVERIFY(accounts.createFirstSupervisor(QStringLiteral("supervisor"), QStringLiteral("王主管"), password).ok);
    for (int k = 0; k < kCounters; ++k)
        QVERIFY(accounts
                    .add(QStringLiteral("supervisor"), QStringLiteral("counter%1").arg(k),
                         QStringLiteral("柜员%1").arg(k), ClerkRole::Clerk, password)
                    .ok);
    QVERIFY(AdminCli::writePasswordFile(m_dir.filePath(QStringLiteral("password.txt"))));
    const QString header = QStringLiteral("authorizer_id_type,authorizer_id_number,authorizer_name,target_id_type,"
                                          "target_id_number,target_name,relationship,filed_on,commitment\n");
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    WriteTransaction transaction(counter);
    PersonStore persons(counter);
    for (int k = 0; k < kCounters; ++k) {
        QString csv = header;
        for (int i = 0; i < kFilingsEach; ++i) {
            const int family = k * kFilingsEach + i;
            Person parent;
            parent.name = QStringLiteral("父%1").arg(family);
            parent.idType = QStringLiteral("01");
            parent.idNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 1, 1).addDays(family),
                                                       100 + family % 800);
            parent.birthDate = QDate(1970, 1, 1).addDays(family);
            parent.insuranceType = QStringLiteral("310");
            parent.employment = QStringLiteral("working");
            parent.status = QStringLiteral("active");
            parent.poolingRegion = QStringLiteral("330100");
            parent.balanceFen = 100000;
            Person child = parent;
            child.name = QStringLiteral("子%1").arg(family);
            child.idNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(2005, 1, 1).addDays(family),
                                                      100 + family % 800);
            child.birthDate = QDate(2005, 1, 1).addDays(family);
            child.insuranceType = QStringLiteral("390");
            child.employment.clear();
            child.balanceFen = 0;
            persons.upsert(parent);
            persons.upsert(child);
            csv += QStringLiteral("01,%1,%2,01,%3,%4,child,%5,yes\n")
                       .arg(parent.idNumber, parent.name, child.idNumber, child.name, today);
        }
        const QString path = m_dir.filePath(QStringLiteral("counter%1.csv").arg(k));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv.toUtf8()) > 0);
        m_files << path;
    }
    transaction.commit();
    Database::close(counter);
}

void TestServerRestart::countersFileThroughThreeRestarts()
{
    QList<QProcess *> counters;
    for (int k = 0; k < kCounters; ++k) {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(GONGJI_ADMIN_BIN),
                       {"--db", address(QStringLiteral("office_counter")), "--clerk",
                        QStringLiteral("counter%1").arg(k), "--password-file",
                        m_dir.filePath(QStringLiteral("password.txt")), "check-filings", m_files.at(k), "--commit"});
        counters << process;
    }
    // Restarts while the filings are being stored: once an eighth, three eighths and five eighths are in.
    const QList<int> thresholds
        = {kCounters * kFilingsEach / 8, kCounters * kFilingsEach * 3 / 8, kCounters * kFilingsEach * 5 / 8};
    int restarts = 0;
    const QDeadlineTimer deadline(240000);
    const auto running = [&] {
        return std::any_of(counters.cbegin(), counters.cend(),
                           [](QProcess *p) { return p->state() != QProcess::NotRunning; });
    };
    while (running() && !deadline.hasExpired()) {
        if (restarts < thresholds.size() && filingCount() >= thresholds.at(restarts)) {
            QVERIFY(m_cluster.restartImmediately());
            ++restarts;
            qInfo() << "server restarted at" << filingCount() << "filings";
        }
        QTest::qWait(20);
    }
    // No process hangs: all ended within the bound.
    for (QProcess *process : counters) {
        QVERIFY2(process->state() == QProcess::NotRunning, "a counter did not finish within four minutes");
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    }
    QCOMPARE(restarts, 3);

    QSet<QString> reported;
    for (QProcess *process : counters) {
        const QString err = QString::fromUtf8(process->readAllStandardError());
        // 0: every row stored; 3: a storage failure part way, the printed numbers stored; 2/4: the
        // server was away at the start (database or sign-in), nothing stored.
        QVERIFY2(QList<int>({0, 2, 3, 4}).contains(process->exitCode()), qPrintable(err));
        if (process->exitCode() != 0)
            qInfo().noquote() << "counter ended with" << process->exitCode() << err.trimmed();
        for (const QString &line :
             QString::fromUtf8(process->readAllStandardOutput()).split('\n', Qt::SkipEmptyParts)) {
            const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
            const QString number = row.value("filing_no").toString();
            if (!number.isEmpty()) {
                QVERIFY2(!reported.contains(number), qPrintable(number)); // reported once
                reported.insert(number);
            }
        }
    }
    qInfo() << "filings reported stored:" << reported.size() << "of" << kCounters * kFilingsEach;

    const QString check = QStringLiteral("check");
    const Database::OpenResult opened = Database::open(address(QStringLiteral("office_owner")), check);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    FilingStore filings(check);
    BindingStore bindings(check);
    for (const QString &number : std::as_const(reported)) {
        const std::optional<Filing> filing = filings.findByNumber(number);
        QVERIFY2(filing, qPrintable(number + QStringLiteral(" was reported stored but is not there")));
        QCOMPARE(bindings.byFiling(filing->id).size(), 1);
    }
    // None half: every filing has its one binding and its one audit entry; no binding without its filing.
    QSqlQuery query(QSqlDatabase::database(check, false));
    QVERIFY(query.exec(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM filing f WHERE (SELECT COUNT(*) FROM binding b WHERE b.filing_id = f.id) <> 1), "
        "(SELECT COUNT(*) FROM filing f WHERE (SELECT COUNT(*) FROM audit_log a WHERE a.action = 'filing' AND "
        "a.subject = f.filing_no) <> 1), "
        "(SELECT COUNT(*) FROM binding b WHERE NOT EXISTS (SELECT 1 FROM filing f WHERE f.id = b.filing_id)), "
        "(SELECT COUNT(*) FROM (SELECT target_id FROM binding WHERE status = 'active' GROUP BY target_id HAVING "
        "COUNT(*) > 1) t), "
        "(SELECT COUNT(*) FROM filing)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0); // filings without exactly one binding
    QCOMPARE(query.value(1).toInt(), 0); // filings without exactly one audit entry
    QCOMPARE(query.value(2).toInt(), 0); // bindings without a filing
    QCOMPARE(query.value(3).toInt(), 0); // 浙江: one authorizer per target
    // Stored but not reported is possible only where a counter could not learn the outcome.
    QVERIFY(query.value(4).toInt() >= reported.size());
    qInfo() << "filings stored:" << query.value(4).toInt();
    query.finish();
    Database::close(check);
}

QTEST_GUILESS_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
