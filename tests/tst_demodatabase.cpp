#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

#include "TestDatabase.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/accounts/SignIn.h"
#include "model/domain/Money.h"
#include "model/filing/CommitmentLetter.h"
#include "model/filing/FilingBatch.h"
#include "model/registry/DemoDatabase.h"
#include "model/filing/FilingEvaluator.h"
#include "model/domain/RefusalCode.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/HouseholdStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"

using namespace gongji;

namespace {

// One row of resources/demo/README.md: an authorizer, one target and the one code it shows.
struct Scenario
{
    const char *code; // empty: accepted
    const char *authorizerType;
    const char *authorizerNumber;
    const char *relationship;
    const char *targetName;
    const char *targetType;
    const char *targetNumber;
    const char *filedOn; // empty: today, as at the counter
    bool commitment;
    const char *validUntil = ""; // empty: open-ended
    const char *quota = ""; // yuan typed in the quota field (共济额度); empty: none
};

const Scenario kScenarios[] = {
    {"ID_FORMAT_INVALID", "01", "330102197804161317", "parent", "张桂兰", "01", "33010519521108226", "", true},
    {"ID_CHECKSUM_INVALID", "01", "330102197804161317", "parent", "张桂兰", "01", "330105195211082268", "", true},
    {"ID_TYPE_NOT_ACCEPTED", "01", "440305198709098137", "spouse", "莎拉·琼斯", "08", "566203418", "", true},
    {"PERSON_NOT_FOUND", "01", "330102197804161317", "parent", "王德福", "01", "330102195001011113", "", true},
    {"NAME_MISMATCH", "01", "330102197804161317", "parent", "张桂芳", "01", "330105195211082269", "", true},
    {"AUTHORIZER_NOT_EMPLOYEE", "01", "110105198408221405", "spouse", "刘洋", "01", "110105198205091399", "", true},
    {"AUTHORIZER_NOT_ACTIVE", "01", "140106198804024114", "child", "马欣怡", "01", "140106201506174223", "", true},
    {"TARGET_NOT_ACTIVE", "01", "110105198205091399", "parent", "刘振华", "01", "110101195503141172", "", true},
    {"PUBLIC_MEDICAL_EXCLUDED", "01", "140105197507183513", "spouse", "杨丽萍", "01", "140105197702113625", "", true},
    {"RELATIONSHIP_NOT_ALLOWED", "01", "110105198205091399", "sibling", "刘静", "01", "110108198612042622", "", true},
    {"SCOPE_MISMATCH", "01", "330106198506122117", "sibling", "陈丽", "01", "320102198801252283", "", true},
    {"SELF_BINDING", "01", "330102197804161317", "child", "王建国", "01", "330102197804161317", "", true},
    {"ALREADY_BOUND", "01", "330102197804161317", "child", "王子涵", "01", "33010220080721153X", "", true},
    {"TARGET_BOUND_ELSEWHERE", "01", "330102198009032422", "child", "王子涵", "01", "33010220080721153X", "", true},
    {"TARGET_LIMIT_REACHED", "01", "440304197010105152", "child", "黄诗琪", "01", "440304200211195486", "", true},
    {"MUTUAL_NOT_ALLOWED", "01", "440305198607076228", "spouse", "吴海涛", "01", "440305198403236111", "", true},
    {"COOLDOWN_ACTIVE", "01", "440303199012127155", "sibling", "许文静", "01", "44030319940430726X", "", true},
    {"AGE_IMPLAUSIBLE", "01", "330108199002271730", "parent", "孙丽华", "01", "330108198502201849", "", true},
    {"SPOUSE_ALREADY_BOUND", "01", "330104198305121318", "spouse", "周雪", "01", "330105198702141861", "", true},
    {"RELATIONSHIP_CONFLICT", "01", "330103195810031153", "sibling", "冯立", "01", "33010319850618217X", "", true},
    {"RELATIONSHIP_UNUSUAL", "01", "330106198811053138", "parent", "韩继明", "01", "33010819620909271X", "", true},
    {"PERIOD_INVALID", "01", "440305198709098137", "parent", "罗淑贞", "01", "440305196002148242", "", true,
     "2099-12-31"},
    // The cross-province quota: 陈丽 (南京, 4675.60 yuan) under the national cross-province set.
    {"QUOTA_REQUIRED", "01", "320102198801252283", "sibling", "陈志强", "01", "330106198506122117", "", true},
    {"QUOTA_EXCEEDS_BALANCE", "01", "320102198801252283", "sibling", "陈志强", "01", "330106198506122117", "", true, "",
     "2000"},
    {"QUOTA_NOT_ALLOWED", "01", "330102197804161317", "parent", "张桂兰", "01", "330105195211082269", "", true, "",
     "100"},
    // The two that only sample-filings.csv can show (rows 5 and 6 there).
    {"NO_RULE_IN_EFFECT", "01", "330102197804161317", "parent", "张桂兰", "01", "330105195211082269", "2021-06-01",
     true},
    {"COMMITMENT_MISSING", "01", "140105197507183513", "child", "郭晓东", "01", "140105200509263730", "", false},
    // Accepted examples.
    {"", "01", "330102197804161317", "parent", "张桂兰", "01", "330105195211082269", "", true},
    {"", "01", "330110198312013152", "spouse", "高莉", "01", "330110198503193264", "", true},
    {"", "01", "330110198312013152", "child", "徐一诺", "01", "330110201208301175", "", true},
    {"", "01", "330106198506122117", "spouse", "艾米丽·卡特", "07", "933840198905120026", "", true},
    {"", "01", "330106198506122117", "spouse", "艾米丽·卡特", "01", "933840198905120026", "", true},
    {"", "01", "320102198801252283", "sibling", "陈志强", "01", "330106198506122117", "", true, "", "1000"},
    {"", "01", "110105198205091399", "spouse", "赵敏", "01", "110105198408221405", "", true},
    {"", "01", "140105197507183513", "child", "郭晓东", "01", "140105200509263730", "", true},
    {"", "01", "440305198709098137", "parent", "罗淑贞", "01", "440305196002148242", "", true},
    {"", "01", "440305198709098137", "parent", "何志强", "17", "810000195806068359", "", true},
    {"", "01", "33010919860330224X", "sibling", "曹磊", "01", "330109199007071398", "", true}, // the expired pair again
    {"", "01", "330103195810031153", "child", "冯立", "01", "33010319850618217X", "", true,
     "2099-12-31"}, // agrees; 浙江: no limit
};

QString u(const char *text) { return QString::fromUtf8(text); }

QString demoFile(const char *name)
{
    return QStringLiteral(GONGJI_TEST_DATA "/../../resources/demo/") + QLatin1String(name);
}

// What changes when anything is loaded: compared before and after a second load.
QList<qint64> counts(const QString &connection)
{
    return {PersonStore(connection).count(), RuleSetStore(connection).count(), BindingStore(connection).countActive(),
            FilingStore(connection).count(), AuditLog(connection).count()};
}

} // namespace

class TestDemoDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void contents();
    void scenarios_data();
    void scenarios();
    void everyFilingCodeIsShown();
    void readmeListsEveryScenario();
    void sampleFilings();
    void loadingTwiceAddsNothing();
    void notLoadedOverARegistry();
    void demoAccounts();
    void notLoadedBesideAnOfficesAccounts();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestDemoDatabase::initTestCase()
{
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
    // The demo goes only into a database without accounts: it brings its own.
    m_db = std::make_unique<TestDatabase>(QStringLiteral("demo"), TestDatabase::Accounts::None);
    QVERIFY(m_db->isOpen());
    QString error;
    QVERIFY2(DemoDatabase::loadIfEmpty(m_db->connection(), &error), qPrintable(error));
}

void TestDemoDatabase::cleanupTestCase() { m_db.reset(); }

void TestDemoDatabase::contents()
{
    const QString connection = m_db->connection();
    QCOMPARE(PersonStore(connection).count(), qint64(44));
    QCOMPARE(RuleSetStore(connection).count(), qint64(RuleSetStore::shippedDefaults().size() + 1));
    QCOMPARE(FilingStore(connection).count(), qint64(9)); // 黄志明's two rows are one filing
    QCOMPARE(BindingStore(connection).countActive(), qint64(8)); // ten filed, one revoked, one expired
    // 曹敏 → 曹磊 was authorized until 2026-06-30: ended by expiry when the demo was loaded.
    const std::optional<Person> caoMin
        = PersonStore(connection).findByDocument(QStringLiteral("01"), QStringLiteral("33010919860330224X"));
    QVERIFY(caoMin);
    const QList<HouseholdBinding> cao = HouseholdStore(connection).bindingsOf(caoMin->id);
    QCOMPARE(cao.size(), 1);
    QCOMPARE(cao.first().status, BindingStatus::Ended);
    QCOMPARE(cao.first().endReason, QStringLiteral("expired"));
    QCOMPARE(cao.first().endedBy, QStringLiteral("system"));
    QCOMPARE(cao.first().validUntil, QDate(2026, 6, 30));

    const std::optional<RuleSet> shenzhen
        = RuleSetStore(connection).resolve(QStringLiteral("440300"), QDate::currentDate());
    QVERIFY(shenzhen);
    QCOMPARE(shenzhen->region, QStringLiteral("440300"));
    QCOMPARE(shenzhen->maxTargetsPerAuthorizer, std::optional<int>(2));
    QCOMPARE(shenzhen->cooldownDays, 90);
    QCOMPARE(shenzhen->maxPeriodMonths, std::optional<int>(24));
    QCOMPARE(shenzhen->reserveFloorFen, qint64(50000));
    QVERIFY(!shenzhen->allowMutual);
    QVERIFY(!shenzhen->idTypes.contains(QStringLiteral("08")));

    // Employees have balances, residents none (docs/domain.md §2).
    const std::optional<Person> employee
        = PersonStore(connection).findByDocument(QStringLiteral("01"), QStringLiteral("330102197804161317"));
    QVERIFY(employee);
    QCOMPARE(employee->name, u("王建国"));
    QCOMPARE(employee->balanceFen, qint64(865040));
    const std::optional<Person> passport
        = PersonStore(connection).findByDocument(QStringLiteral("08"), QStringLiteral("566203418"));
    QVERIFY(passport);
    QCOMPARE(passport->birthDate, QDate(1989, 4, 12));
    QCOMPARE(passport->balanceFen, qint64(0));
}

void TestDemoDatabase::scenarios_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kScenarios)); ++i) {
        const Scenario &s = kScenarios[i];
        const QString label = QLatin1String(*s.code ? s.code : "accepted") + QLatin1Char(' ') + u(s.targetName)
            + QLatin1Char(' ') + QLatin1String(s.targetType);
        QTest::newRow(qPrintable(label)) << i;
    }
}

void TestDemoDatabase::scenarios()
{
    QFETCH(int, index);
    const Scenario &s = kScenarios[index];

    FilingDraft draft;
    draft.authorizerIdType = u(s.authorizerType);
    draft.authorizerIdNumber = u(s.authorizerNumber);
    draft.commitmentAcknowledged = s.commitment;
    if (s.commitment) {
        draft.commitmentVersion = CommitmentLetter::version();
        draft.commitmentAt = QDateTime::currentDateTimeUtc();
    }
    draft.filedOn = *s.filedOn ? QDate::fromString(u(s.filedOn), Qt::ISODate) : QDate::currentDate();
    draft.clerk = QStringLiteral("tester");
    TargetEntry target;
    target.relationship = u(s.relationship);
    target.name = u(s.targetName);
    target.idType = u(s.targetType);
    target.idNumber = u(s.targetNumber);
    target.validUntil = *s.validUntil ? QDate::fromString(u(s.validUntil), Qt::ISODate) : QDate();
    if (*s.quota)
        target.quotaFen = Money::parseYuan(u(s.quota));
    draft.targets.append(target);

    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(draft);
    QCOMPARE(verdict.targets.size(), 1);
    const Findings findings = verdict.findingsFor(0);
    const QStringList codes = refusalNames(findings) + warningNames(findings);
    const QStringList expected = *s.code ? QStringList{u(s.code)} : QStringList();
    QCOMPARE(codes, expected);
    if (!*s.code)
        QVERIFY(verdict.targetAccepted(0, false));
}

void TestDemoDatabase::everyFilingCodeIsShown()
{
    // §8 codes belong to kinship accounts, not to mutual-aid filings.
    const QList<RefusalCode> kinshipOnly = {RefusalCode::HolderMemberLimit, RefusalCode::FaceVerificationRequired,
                                            RefusalCode::HouseholdRegisterRequired};
    QStringList shown;
    for (const Scenario &s : kScenarios)
        shown << u(s.code);
    for (RefusalCode code : RefusalCodes::all()) {
        if (!kinshipOnly.contains(code))
            QVERIFY2(shown.contains(RefusalCodes::name(code)), qPrintable(RefusalCodes::name(code)));
    }
}

void TestDemoDatabase::readmeListsEveryScenario()
{
    QFile file(demoFile("README.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const Scenario &s : kScenarios) {
        if (!*s.code || *s.filedOn || !s.commitment)
            continue; // accepted examples and the sample-file rows are described in prose tables
        const QString code = QLatin1Char('`') + u(s.code) + QLatin1Char('`');
        const bool listed = std::any_of(lines.begin(), lines.end(), [&](const QString &line) {
            return line.startsWith(QLatin1String("| ") + code) && line.contains(u(s.authorizerNumber))
                && line.contains(u(s.targetType) + QLatin1Char(':') + u(s.targetNumber))
                && line.contains(u(s.targetName)) && line.contains(u(s.relationship));
        });
        QVERIFY2(listed, qPrintable(u(s.code)));
    }
}

void TestDemoDatabase::sampleFilings()
{
    FilingBatch::Options options; // check only: nothing is stored
    const qint64 filings = FilingStore(m_db->connection()).count();
    const FilingBatch::Result result = FilingBatch(m_db->connection()).run(demoFile("sample-filings.csv"), options);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    const QStringList verdicts = {"accepted", "accepted", "accepted", "needs_confirmation", "refused", "refused",
                                  "refused",  "refused",  "refused"};
    const QList<QStringList> codes = {{},
                                      {},
                                      {},
                                      {"AGE_IMPLAUSIBLE"},
                                      {"NO_RULE_IN_EFFECT"},
                                      {"COMMITMENT_MISSING"},
                                      {"RELATIONSHIP_NOT_ALLOWED"},
                                      {"TARGET_BOUND_ELSEWHERE"},
                                      {"QUOTA_NOT_ALLOWED"}};
    QCOMPARE(result.rows.size(), verdicts.size());
    for (int i = 0; i < result.rows.size(); ++i) {
        const FilingBatch::RowResult &row = result.rows.at(i);
        QCOMPARE(row.verdict, verdicts.at(i));
        QCOMPARE(row.codes + row.warnings, codes.at(i));
        QVERIFY(row.filingNumber.isEmpty());
    }
    QCOMPARE(FilingStore(m_db->connection()).count(), filings);
}

void TestDemoDatabase::loadingTwiceAddsNothing()
{
    const QList<qint64> before = counts(m_db->connection());
    QString error;
    QVERIFY2(DemoDatabase::loadIfEmpty(m_db->connection(), &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(counts(m_db->connection()), before);
}

void TestDemoDatabase::notLoadedOverARegistry()
{
    TestDatabase db(QStringLiteral("real"));
    QVERIFY(db.isOpen());
    db.addPerson(u("钱多多"), TestDatabase::residentId(QStringLiteral("330106"), QDate(1980, 1, 1)));
    const qint64 ruleSets = RuleSetStore(db.connection()).count();
    QString error;
    QVERIFY2(DemoDatabase::loadIfEmpty(db.connection(), &error), qPrintable(error));
    QCOMPARE(PersonStore(db.connection()).count(), qint64(1));
    QCOMPARE(RuleSetStore(db.connection()).count(), ruleSets);
}

void TestDemoDatabase::demoAccounts()
{
    const QString connection = m_db->connection();
    // Everything the demo wrote is the demo supervisor's.
    QSqlQuery q(QSqlDatabase::database(connection));
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT actor FROM audit_log")));
    QStringList actors;
    while (q.next())
        actors << q.value(0).toString();
    actors.sort();
    // And the expiry of 曹敏 → 曹磊 at the end of its period is the system's, as at every start.
    QCOMPARE(actors, (QStringList{QStringLiteral("admin"), QStringLiteral("system")}));

    const QList<ClerkAccount> accounts = ClerkAccounts(connection).list(QStringLiteral("admin"));
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).login, QStringLiteral("admin"));
    QCOMPARE(accounts.at(0).role, ClerkRole::Supervisor);
    QCOMPARE(accounts.at(0).displayName, u("演示主管"));
    QCOMPARE(accounts.at(1).login, QStringLiteral("demo"));
    QCOMPARE(accounts.at(1).role, ClerkRole::Clerk);
    QCOMPARE(accounts.at(1).displayName, u("演示柜员"));
    // The passwords README gives.
    QVERIFY(SignIn(connection).signIn(QStringLiteral("admin"), QStringLiteral("demo-admin-1")).ok);
    QVERIFY(SignIn(connection).signIn(QStringLiteral("demo"), QStringLiteral("demo-clerk-1")).ok);
    QFile readme(QStringLiteral(GONGJI_TEST_DATA "/../../README.md"));
    QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(readme.fileName()));
    const QByteArray text = readme.readAll();
    QVERIFY(text.contains("demo-admin-1"));
    QVERIFY(text.contains("demo-clerk-1"));
}

void TestDemoDatabase::notLoadedBesideAnOfficesAccounts()
{
    // An office created its supervisor before importing its registry: no demo, and above all
    // no account with a published password.
    TestDatabase db(QStringLiteral("office"));
    QVERIFY(db.isOpen());
    QString error;
    QVERIFY2(DemoDatabase::loadIfEmpty(db.connection(), &error), qPrintable(error));
    QCOMPARE(PersonStore(db.connection()).count(), qint64(0));
    QVERIFY(!ClerkStore(db.connection()).findByLogin(QStringLiteral("admin")));
    QVERIFY(!ClerkStore(db.connection()).findByLogin(QStringLiteral("demo")));
}

QTEST_GUILESS_MAIN(TestDemoDatabase)
#include "tst_demodatabase.moc"
