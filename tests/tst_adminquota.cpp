// gongji-admin set-quota (调整额度), run as a user runs it, on a database with a cross-province
// binding: the national cross-province set needs a quota for a target in another province.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "AdminCli.h"
#include "TestDatabase.h"
#include "model/filing/FilingSubmission.h"
#include "model/storage/BindingStore.h"

using namespace gongji;

class TestAdminQuota : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void help_data();
    void help();
    void setQuota();
    void refusals_data();
    void refusals();
    void summaryPdf();
    void revokeSaysTheQuotaIsFreed();

private:
    AdminCli::Run admin(const QStringList &arguments, bool signedIn = true) const
    {
        const QStringList head = QStringList{QStringLiteral("--db"), m_db->path()}
            + (signedIn ? AdminCli::signIn(m_db->passwordFile(), QStringLiteral("tester")) : QStringList());
        return AdminCli(m_home->path()).run(head + arguments);
    }
    QString document(const Person &person) const { return person.idType + QLatin1Char(':') + person.idNumber; }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<TestDatabase> m_db;
    Person m_authorizer; // 南京, 3000.00 yuan
    Person m_faraway; // 杭州, bound with a quota of 1000.00
    Person m_near; // 南京, bound without a quota
    Person m_stranger; // 杭州, not bound
};

void TestAdminQuota::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    Person a;
    a.name = QStringLiteral("吴近");
    a.idType = QStringLiteral("01");
    a.idNumber = TestDatabase::residentId("320102", QDate(1975, 9, 9), 33);
    a.insuranceType = QStringLiteral("310");
    a.employment = QStringLiteral("working");
    a.status = QStringLiteral("active");
    a.poolingRegion = QStringLiteral("320100");
    a.balanceFen = 300000;
    m_authorizer = m_db->addPerson(a);
    m_faraway = m_db->addPerson("吴远", TestDatabase::residentId("330102", QDate(2001, 1, 1), 11), "390", "330100");
    m_near = m_db->addPerson("吴中", TestDatabase::residentId("320102", QDate(2003, 1, 1), 21), "390", "320100");
    m_stranger = m_db->addPerson("钱路", TestDatabase::residentId("330102", QDate(2004, 1, 1), 51), "390", "330100");
    FilingDraft draft = TestDatabase::childFiling(m_authorizer, m_faraway, TestDatabase::clerk);
    draft.targets.first().quotaFen = 100000;
    draft.targets.append(TargetEntry{"child", m_near.idType, m_near.idNumber, m_near.name, {}, false});
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(result.stored(), qPrintable(refusalNames(result.verdict.findingsFor(0)).join(',') + result.error));
}

void TestAdminQuota::cleanup()
{
    m_db.reset();
    m_home.reset();
}

void TestAdminQuota::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("help set-quota") << QStringList{"help", "set-quota"};
    QTest::newRow("set-quota --help") << QStringList{"set-quota", "--help"};
}

void TestAdminQuota::help()
{
    QFETCH(QStringList, arguments);
    const AdminCli::Run run = AdminCli(m_home->path()).run(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(AdminCli::lines(run.out).value(0),
             QStringLiteral("Usage: gongji-admin [--db PATH] set-quota --authorizer TYPE:NUMBER --target TYPE:NUMBER "
                            "--quota YUAN [--pdf OUT.pdf]"));
    for (const char *code : {"QUOTA_REQUIRED", "QUOTA_EXCEEDS_BALANCE", "QUOTA_NOT_ALLOWED"})
        QVERIFY2(run.out.contains(QLatin1String(code)), code);
    const AdminCli::Run list = AdminCli(m_home->path()).run({QStringLiteral("--help")});
    QVERIFY(list.out.contains(QStringLiteral("\n  set-quota")));
}

void TestAdminQuota::setQuota()
{
    const AdminCli::Run run = admin(
        {"set-quota", "--authorizer", document(m_authorizer), "--target", document(m_faraway), "--quota", "1500.5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("quota before: 1000.00 yuan")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("quota after:  1500.50 yuan")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("still free for quotas: 1499.50 yuan")), qPrintable(run.out));
    QVERIFY(!run.out.contains(m_faraway.idNumber)); // masked

    // The household shows it, and what the authorizer has set aside.
    const AdminCli::Run household = admin({"household", document(m_authorizer)}, false);
    QCOMPARE(household.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(household.out.toUtf8()).object();
    QCOMPARE(json.value("person").toObject().value("quota_set_aside").toString(), QStringLiteral("1500.50"));
    QStringList quotas;
    for (const QJsonValue &binding : json.value("bindings").toArray())
        quotas << binding.toObject().value("other").toObject().value("name").toString() + QLatin1Char('=')
                + binding.toObject().value("quota").toString(QStringLiteral("null"));
    quotas.sort();
    QCOMPARE(quotas, (QStringList{"吴中=null", "吴远=1500.50"}));
}

void TestAdminQuota::refusals_data()
{
    QTest::addColumn<QString>("target"); // faraway, near, stranger
    QTest::addColumn<QString>("quota");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("QUOTA_EXCEEDS_BALANCE") << "faraway"
                                           << "3000.01" << 1 << "QUOTA_EXCEEDS_BALANCE: ";
    QTest::newRow("QUOTA_EXCEEDS_BALANCE names what is free")
        << "near"
        << "2000.01" << 1
        << "(still free: 2000.00 yuan (balance 3000.00, reserve floor 0.00, already set aside 1000.00))";
    QTest::newRow("QUOTA_REQUIRED") << "faraway"
                                    << "0" << 1 << "QUOTA_REQUIRED: ";
    QTest::newRow("unchanged") << "faraway"
                               << "1000" << 1 << "The quota is already 1000.00 yuan; nothing was changed.";
    QTest::newRow("no binding") << "stranger"
                                << "100" << 1 << "There is no active mutual-aid binding in which";
    QTest::newRow("thousands separator") << "faraway"
                                         << "1,000" << 64 << "--quota takes yuan";
    QTest::newRow("three decimals") << "faraway"
                                    << "10.001" << 64 << "--quota takes yuan";
    QTest::newRow("negative") << "faraway"
                              << "-5" << 64 << "--quota takes yuan";
}

void TestAdminQuota::refusals()
{
    QFETCH(QString, target);
    QFETCH(QString, quota);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Person &person = target == "faraway" ? m_faraway : target == "near" ? m_near : m_stranger;
    const AdminCli::Run run
        = admin({"set-quota", "--authorizer", document(m_authorizer), "--target", document(person), "--quota", quota});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    // Nothing changed.
    BindingStore bindings(m_db->connection());
    QCOMPARE(bindings.quotaSetAside(m_authorizer.id), qint64(100000));
}

void TestAdminQuota::summaryPdf()
{
    const QString pdf = m_home->filePath(QStringLiteral("change.pdf"));
    const AdminCli::Run run = admin({"set-quota", "--authorizer", document(m_authorizer), "--target", document(m_near),
                                     "--quota", "200", "--pdf", pdf});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("Summary written to ") + pdf));
    QVERIFY(QFileInfo(pdf).size() > 1000);
    // A reprint by its change number, as the output names it.
    const QString change = run.out.section(QStringLiteral("(change "), 1).section(QLatin1Char(')'), 0, 0);
    const AdminCli::Run reprint = admin({"print", "--quota-change", change, "--pdf", pdf});
    QVERIFY2(reprint.exitCode == 0, qPrintable(reprint.err));
    QVERIFY2(reprint.out.startsWith(QStringLiteral("reprint (补打) no. 1")), qPrintable(reprint.out));
    QCOMPARE(admin({"print", "--quota-change", "99999", "--pdf", pdf}).exitCode, 1);
}

void TestAdminQuota::revokeSaysTheQuotaIsFreed()
{
    const AdminCli::Run run = admin(
        {"revoke", "--authorizer", document(m_authorizer), "--target", document(m_faraway), "--reason", "test"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("quota freed: 1000.00 yuan")), qPrintable(run.out));
    QCOMPARE(BindingStore(m_db->connection()).quotaSetAside(m_authorizer.id), qint64(0));
}

QTEST_GUILESS_MAIN(TestAdminQuota)
#include "tst_adminquota.moc"
