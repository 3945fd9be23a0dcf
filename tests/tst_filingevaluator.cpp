// The rules engine, one data row per refusal code (docs/domain.md §6), on a real SQLite file.
// Each row names the exact set of codes expected: every code that applies, and no other.
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/filing/FilingEvaluator.h"
#include "model/storage/BindingStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestFilingEvaluator : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void codes_data();
    void codes();
    void pendingBindingsCount();
    void boundElsewhereNamesTheAuthorizer();
    void sameTargetTwiceInOneDraft();
    void cooldownEndsAfterItsDays();
    void relationshipsWithinOneFiling_data();
    void relationshipsWithinOneFiling();
    void conflictNamesTheBinding_data();
    void conflictNamesTheBinding();
    void unusualParentNeedsConfirmation();
    void periods_data();
    void periods();
    void quotaCodes_data();
    void quotaCodes();
    void quotaArithmetic_data();
    void quotaArithmetic();

private:
    Person person(const QString &key) const { return m_people.value(key); }
    FilingDraft draftFor(const QString &authorizerKey) const;
    void bind(const QString &authorizerKey, const QString &targetKey, const QString &relationship);

    std::unique_ptr<TestDatabase> m_db;
    QHash<QString, Person> m_people;
};

void TestFilingEvaluator::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_people.clear();
    auto add = [this](const QString &key, const QString &name, const QString &address, const QDate &birth, int seq,
                      const QString &insurance, const QString &region, const QString &status = QStringLiteral("active"),
                      bool publicMedical = false) {
        Person p;
        p.name = name;
        p.idType = QStringLiteral("01");
        p.idNumber = TestDatabase::residentId(address, birth, seq);
        p.insuranceType = insurance;
        p.employment = insurance == QLatin1String("310") ? QStringLiteral("working") : QString();
        p.status = status;
        p.poolingRegion = region;
        p.balanceFen = insurance == QLatin1String("310") ? 300000 : 0;
        p.publicMedical = publicMedical;
        m_people.insert(key, m_db->addPerson(p));
    };
    // 杭州 (浙江: one authorizer per target, same province)
    add("hz_father", "王建国", "330102", QDate(1970, 3, 15), 11, "310", "330100");
    add("hz_mother", "李秀英", "330102", QDate(1972, 6, 20), 22, "310", "330100");
    add("hz_son", "王小明", "330102", QDate(2000, 9, 1), 31, "390", "330100");
    add("hz_grandma", "张桂兰", "330102", QDate(1945, 2, 2), 42, "390", "330100");
    add("hz_young", "赵青", "330102", QDate(1965, 1, 1), 52, "390", "330100");
    add("hz_resident", "钱多多", "330102", QDate(1980, 5, 5), 61, "390", "330100");
    add("hz_suspended", "孙停", "330102", QDate(1975, 7, 7), 71, "310", "330100", "suspended");
    add("hz_deceased", "周故", "330102", QDate(1940, 8, 8), 82, "390", "330100", "deceased");
    add("nj_cousin", "吴远", "320102", QDate(1985, 9, 9), 91, "390", "320100");
    // 南京 falls under the national cross-province set: a quota beyond the province
    add("nj_auth", "吴近", "320102", QDate(1983, 9, 9), 33, "310", "320100");
    // 北京 (spouse, parent, child; same pooling region)
    add("bj_auth", "陈北", "110101", QDate(1980, 1, 1), 13, "310", "110100");
    add("bj_sister", "陈南", "110101", QDate(1983, 2, 2), 24, "390", "110100");
    // 太原 (山西: public medical excluded)
    add("sx_auth", "刘晋", "140105", QDate(1978, 4, 4), 35, "310", "140100");
    add("sx_public", "刘公", "140105", QDate(1979, 4, 4), 46, "310", "140100", "active", true);
    // 深圳 with a stricter local rule set made for this test
    add("sz_auth", "黄深", "440303", QDate(1980, 3, 3), 57, "310", "440300");
    add("sz_t1", "黄一", "440303", QDate(2005, 3, 3), 68, "390", "440300");
    add("sz_t2", "黄二", "440303", QDate(2007, 3, 3), 79, "390", "440300");
    add("sz_t3", "黄三", "440303", QDate(2009, 3, 3), 81, "390", "440300");
    add("sz_b", "林甲", "440303", QDate(1982, 5, 5), 93, "310", "440300");
    add("sz_c", "林乙", "440303", QDate(1984, 5, 5), 15, "310", "440300");
    add("sz_d", "郑丙", "440303", QDate(1960, 6, 6), 17, "310", "440300");
    add("sz_e", "郑丁", "440303", QDate(1990, 6, 6), 19, "390", "440300");
    // Relationships that agree (杭州): odd sequence numbers are men, even ones women.
    add("hz_husband", "周明", "330102", QDate(1980, 5, 5), 13, "310", "330100");
    add("hz_wife", "吴芳", "330102", QDate(1982, 6, 6), 24, "310", "330100");
    add("hz_other", "郑丽", "330102", QDate(1984, 7, 7), 26, "390", "330100");
    add("hz_elder", "周大山", "330102", QDate(1950, 1, 1), 35, "310", "330100");
    add("hz_elder_m", "周二山", "330102", QDate(1952, 2, 2), 37, "390", "330100");
    add("hz_elder_f", "冯秀", "330102", QDate(1953, 3, 3), 48, "390", "330100");
    add("hz_single", "何平", "330102", QDate(1985, 8, 8), 53, "310", "330100");
    add("hz_bride1", "许静", "330102", QDate(1987, 1, 1), 64, "390", "330100");
    add("hz_bride2", "许雅", "330102", QDate(1988, 2, 2), 66, "390", "330100");
    add("hz_father1", "何大", "330102", QDate(1955, 1, 1), 73, "390", "330100");
    add("hz_father2", "何二", "330102", QDate(1956, 1, 1), 75, "390", "330100");
    add("hz_mother1", "唐一", "330102", QDate(1957, 1, 1), 86, "390", "330100");
    add("hz_mother2", "唐二", "330102", QDate(1958, 1, 1), 88, "390", "330100");
    Person passport;
    passport.name = QStringLiteral("John Smith");
    passport.idType = QStringLiteral("08");
    passport.idNumber = QStringLiteral("X1234567");
    passport.sex = QLatin1Char('M');
    passport.birthDate = QDate(1981, 1, 1);
    passport.insuranceType = QStringLiteral("390");
    passport.status = QStringLiteral("active");
    passport.poolingRegion = QStringLiteral("440300");
    m_people.insert(QStringLiteral("sz_passport"), m_db->addPerson(passport));

    RuleSet shenzhen = RuleSetStore::shippedDefaults().at(0);
    shenzhen.region = QStringLiteral("440300");
    shenzhen.title = QStringLiteral("test: 深圳");
    shenzhen.effectiveFrom = QDate(2024, 1, 1);
    shenzhen.effectiveTo = QDate(); // the copied national set was closed by its successor
    shenzhen.scope = QStringLiteral("same_pooling_region");
    shenzhen.maxTargetsPerAuthorizer = 2;
    shenzhen.allowMutual = false;
    shenzhen.cooldownDays = 90;
    shenzhen.maxPeriodMonths = 12;
    shenzhen.idTypes = QStringList{QStringLiteral("01"), QStringLiteral("17")};
    {
        WriteTransaction transaction(m_db->connection());
        RuleSetStore(m_db->connection()).insert(shenzhen);
        transaction.commit();
    }
    bind("hz_father", "hz_son", "child");
    bind("sz_auth", "sz_t1", "child");
    bind("sz_auth", "sz_t2", "child");
    bind("sz_b", "sz_c", "spouse");
    bind("sz_d", "sz_e", "child");
    bind("hz_husband", "hz_wife", "spouse");
    bind("hz_husband", "hz_elder", "parent");
    const MutualAidBinding ended = BindingStore(m_db->connection()).activeByAuthorizer(person("sz_d").id).first();
    QVERIFY(BindingRevocation(m_db->connection()).revoke(ended.id, EndRequester::Authorizer, "test", "tester").ok);
}

void TestFilingEvaluator::cleanup() { m_db.reset(); }

FilingDraft TestFilingEvaluator::draftFor(const QString &authorizerKey) const
{
    FilingDraft draft;
    draft.authorizerIdType = person(authorizerKey).idType;
    draft.authorizerIdNumber = person(authorizerKey).idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("test");
    draft.filedOn = QDate::currentDate();
    draft.clerk = QStringLiteral("tester");
    return draft;
}

void TestFilingEvaluator::bind(const QString &authorizerKey, const QString &targetKey, const QString &relationship)
{
    FilingDraft draft = draftFor(authorizerKey);
    draft.targets.append(TargetEntry{
        relationship, person(targetKey).idType, person(targetKey).idNumber, person(targetKey).name, {}, false});
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(result.stored(), qPrintable(refusalNames(result.verdict.findingsFor(0)).join(',') + result.error));
}

void TestFilingEvaluator::codes_data()
{
    QTest::addColumn<QString>("authorizer"); // fixture key, or "TYPE:NUMBER"
    QTest::addColumn<bool>("commitment");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("target"); // fixture key, or "TYPE:NUMBER"
    QTest::addColumn<QString>("targetName"); // empty: the registry's name
    QTest::addColumn<QDate>("filedOn"); // invalid: today
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QStringList>("warnings");

    const QDate today;
    const QString badChecksum = TestDatabase::residentId("330102", QDate(1990, 1, 1), 5).left(17) + "0";
    const QString goodChecksum = TestDatabase::residentId("330102", QDate(1990, 1, 1), 5);
    const QString fixedChecksum = goodChecksum.endsWith('0') ? goodChecksum.left(17) + "1" : badChecksum;
    QTest::newRow("accepted: 杭州 parent") << "hz_father" << true << "parent"
                                           << "hz_grandma"
                                           << "" << today << QStringList() << QStringList();
    QTest::newRow("accepted: 北京 spouse, cross-check passes") << "bj_auth" << true << "spouse"
                                                               << "bj_sister"
                                                               << "" << today << QStringList() << QStringList();
    QTest::newRow("ID_FORMAT_INVALID") << "hz_father" << true << "parent"
                                       << "01:12345"
                                       << "" << today << QStringList{"ID_FORMAT_INVALID"} << QStringList();
    QTest::newRow("ID_CHECKSUM_INVALID") << "hz_father" << true << "parent"
                                         << "01:" + fixedChecksum << "" << today << QStringList{"ID_CHECKSUM_INVALID"}
                                         << QStringList();
    QTest::newRow("ID_TYPE_NOT_ACCEPTED: unknown type")
        << "hz_father" << true << "parent"
        << "99:ABC12345"
        << "" << today << QStringList{"ID_TYPE_NOT_ACCEPTED"} << QStringList();
    // sibling, not spouse: 林甲 already has a spouse (SPOUSE_ALREADY_BOUND would join in).
    QTest::newRow("ID_TYPE_NOT_ACCEPTED: passport in 深圳")
        << "sz_b" << true << "sibling"
        << "sz_passport"
        << "" << today << QStringList{"ID_TYPE_NOT_ACCEPTED"} << QStringList();
    QTest::newRow("PERSON_NOT_FOUND target")
        << "hz_father" << true << "parent"
        << "01:" + goodChecksum << "" << today << QStringList{"PERSON_NOT_FOUND"} << QStringList();
    QTest::newRow("PERSON_NOT_FOUND authorizer") << "01:" + goodChecksum << true << "parent"
                                                 << "hz_grandma"
                                                 << "" << today << QStringList{"PERSON_NOT_FOUND"} << QStringList();
    QTest::newRow("NAME_MISMATCH") << "hz_father" << true << "parent"
                                   << "hz_grandma"
                                   << "张桂芳" << today << QStringList{"NAME_MISMATCH"} << QStringList();
    QTest::newRow("AUTHORIZER_NOT_EMPLOYEE") << "hz_resident" << true << "parent"
                                             << "hz_grandma"
                                             << "" << today << QStringList{"AUTHORIZER_NOT_EMPLOYEE"} << QStringList();
    QTest::newRow("AUTHORIZER_NOT_ACTIVE") << "hz_suspended" << true << "parent"
                                           << "hz_grandma"
                                           << "" << today << QStringList{"AUTHORIZER_NOT_ACTIVE"} << QStringList();
    QTest::newRow("TARGET_NOT_ACTIVE") << "hz_mother" << true << "parent"
                                       << "hz_deceased"
                                       << "" << today << QStringList{"TARGET_NOT_ACTIVE"} << QStringList();
    QTest::newRow("PUBLIC_MEDICAL_EXCLUDED target")
        << "sx_auth" << true << "spouse"
        << "sx_public"
        << "" << today << QStringList{"PUBLIC_MEDICAL_EXCLUDED"} << QStringList();
    QTest::newRow("PUBLIC_MEDICAL_EXCLUDED authorizer")
        << "sx_public" << true << "spouse"
        << "sx_auth"
        << "" << today << QStringList{"PUBLIC_MEDICAL_EXCLUDED"} << QStringList();
    QTest::newRow("RELATIONSHIP_NOT_ALLOWED")
        << "bj_auth" << true << "sibling"
        << "bj_sister"
        << "" << today << QStringList{"RELATIONSHIP_NOT_ALLOWED"} << QStringList();
    QTest::newRow("SCOPE_MISMATCH") << "hz_father" << true << "sibling"
                                    << "nj_cousin"
                                    << "" << today << QStringList{"SCOPE_MISMATCH"} << QStringList();
    QTest::newRow("SELF_BINDING") << "hz_father" << true << "spouse"
                                  << "hz_father"
                                  << "" << today << QStringList{"SELF_BINDING"} << QStringList();
    QTest::newRow("ALREADY_BOUND") << "hz_father" << true << "child"
                                   << "hz_son"
                                   << "" << today << QStringList{"ALREADY_BOUND"} << QStringList();
    QTest::newRow("TARGET_BOUND_ELSEWHERE") << "hz_mother" << true << "child"
                                            << "hz_son"
                                            << "" << today << QStringList{"TARGET_BOUND_ELSEWHERE"} << QStringList();
    QTest::newRow("TARGET_LIMIT_REACHED") << "sz_auth" << true << "child"
                                          << "sz_t3"
                                          << "" << today << QStringList{"TARGET_LIMIT_REACHED"} << QStringList();
    QTest::newRow("MUTUAL_NOT_ALLOWED") << "sz_c" << true << "spouse"
                                        << "sz_b"
                                        << "" << today << QStringList{"MUTUAL_NOT_ALLOWED"} << QStringList();
    QTest::newRow("COOLDOWN_ACTIVE") << "sz_d" << true << "child"
                                     << "sz_e"
                                     << "" << today << QStringList{"COOLDOWN_ACTIVE"} << QStringList();
    QTest::newRow("COMMITMENT_MISSING") << "hz_father" << false << "parent"
                                        << "hz_grandma"
                                        << "" << today << QStringList{"COMMITMENT_MISSING"} << QStringList();
    QTest::newRow("NO_RULE_IN_EFFECT") << "hz_father" << true << "parent"
                                       << "hz_grandma"
                                       << "" << QDate(2021, 6, 1) << QStringList{"NO_RULE_IN_EFFECT"} << QStringList();
    // Relationships that agree, against the bindings stored by earlier filings.
    QTest::newRow("SPOUSE_ALREADY_BOUND: the authorizer has a spouse")
        << "hz_husband" << true << "spouse"
        << "hz_other"
        << "" << today << QStringList{"SPOUSE_ALREADY_BOUND"} << QStringList();
    QTest::newRow("SPOUSE_ALREADY_BOUND: the authorizer is someone's spouse")
        << "hz_wife" << true << "spouse"
        << "hz_other"
        << "" << today << QStringList{"SPOUSE_ALREADY_BOUND"} << QStringList();
    QTest::newRow("SPOUSE_ALREADY_BOUND: the target has a spouse")
        << "hz_mother" << true << "spouse"
        << "hz_husband"
        << "" << today << QStringList{"SPOUSE_ALREADY_BOUND"} << QStringList();
    QTest::newRow("accepted: the same couple the other way") << "hz_wife" << true << "spouse"
                                                             << "hz_husband"
                                                             << "" << today << QStringList() << QStringList();
    QTest::newRow("RELATIONSHIP_CONFLICT: sibling where the other says parent")
        << "hz_elder" << true << "sibling"
        << "hz_husband"
        << "" << today << QStringList{"RELATIONSHIP_CONFLICT"} << QStringList();
    QTest::newRow("RELATIONSHIP_CONFLICT: spouse where the other says parent")
        << "hz_elder" << true << "spouse"
        << "hz_husband"
        << "" << today << QStringList{"RELATIONSHIP_CONFLICT", "SPOUSE_ALREADY_BOUND"} << QStringList();
    QTest::newRow("accepted: child where the other says parent") << "hz_elder" << true << "child"
                                                                 << "hz_husband"
                                                                 << "" << today << QStringList() << QStringList();
    QTest::newRow("RELATIONSHIP_UNUSUAL: a second father")
        << "hz_husband" << true << "parent"
        << "hz_elder_m"
        << "" << today << QStringList() << QStringList{"RELATIONSHIP_UNUSUAL"};
    QTest::newRow("accepted: a father and a mother") << "hz_husband" << true << "parent"
                                                     << "hz_elder_f"
                                                     << "" << today << QStringList() << QStringList();
    QTest::newRow("AGE_IMPLAUSIBLE warning only") << "hz_father" << true << "parent"
                                                  << "hz_young"
                                                  << "" << today << QStringList() << QStringList{"AGE_IMPLAUSIBLE"};
    QTest::newRow("AGE_IMPLAUSIBLE: child older than parent")
        << "hz_mother" << true << "child"
        << "hz_grandma"
        << "" << today << QStringList() << QStringList{"AGE_IMPLAUSIBLE"};
    // Every code that applies, not only the first.
    QTest::newRow("several at once: 北京 sibling, wrong name, other province, deceased")
        << "bj_auth" << true << "sibling"
        << "hz_deceased"
        << "周某" << today
        << QStringList{"NAME_MISMATCH", "TARGET_NOT_ACTIVE", "RELATIONSHIP_NOT_ALLOWED", "SCOPE_MISMATCH"}
        << QStringList();
    QTest::newRow("several at once: resident without commitment, not found target")
        << "hz_resident" << false << "parent"
        << "01:" + goodChecksum << "" << today
        << QStringList{"PERSON_NOT_FOUND", "AUTHORIZER_NOT_EMPLOYEE", "COMMITMENT_MISSING"} << QStringList();
}

void TestFilingEvaluator::codes()
{
    QFETCH(QString, authorizer);
    QFETCH(bool, commitment);
    QFETCH(QString, relationship);
    QFETCH(QString, target);
    QFETCH(QString, targetName);
    QFETCH(QDate, filedOn);
    QFETCH(QStringList, codes);
    QFETCH(QStringList, warnings);

    auto document = [this](const QString &key) {
        if (key.contains(':'))
            return qMakePair(key.section(':', 0, 0), key.section(':', 1));
        return qMakePair(person(key).idType, person(key).idNumber);
    };
    FilingDraft draft = draftFor(QStringLiteral("hz_father"));
    draft.authorizerIdType = document(authorizer).first;
    draft.authorizerIdNumber = document(authorizer).second;
    draft.commitmentAcknowledged = commitment;
    if (filedOn.isValid())
        draft.filedOn = filedOn;
    const QString name = targetName.isEmpty() ? person(target).name : targetName;
    draft.targets.append(TargetEntry{relationship, document(target).first, document(target).second, name, {}, false});

    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(draft);
    QCOMPARE(verdict.targets.size(), 1);
    const Findings findings = verdict.findingsFor(0);
    QStringList expected = codes;
    std::sort(expected.begin(), expected.end(),
              [](const QString &a, const QString &b) { return RefusalCodes::fromName(a) < RefusalCodes::fromName(b); });
    QCOMPARE(refusalNames(findings), expected);
    QCOMPARE(warningNames(findings), warnings);
    QCOMPARE(verdict.targetAccepted(0, true), codes.isEmpty());
    for (const Finding &f : findings) // every finding can be shown to the clerk
        QVERIFY(!RefusalCodes::message(f.code).isEmpty());
}

void TestFilingEvaluator::pendingBindingsCount()
{
    // A batch row accepted earlier but not stored yet must count for the one-authorizer rule.
    FilingDraft draft = draftFor(QStringLiteral("hz_mother"));
    draft.targets.append(TargetEntry{"parent", "01", person("hz_grandma").idNumber, {}, {}, false});
    FilingEvaluator evaluator(m_db->connection());
    QVERIFY(evaluator.evaluate(draft).targetAccepted(0, false));
    const QList<PendingBinding> earlier{{person("hz_father").id, person("hz_grandma").id}};
    QCOMPARE(refusalNames(evaluator.evaluate(draft, earlier).findingsFor(0)), QStringList{"TARGET_BOUND_ELSEWHERE"});
}

void TestFilingEvaluator::boundElsewhereNamesTheAuthorizer()
{
    FilingDraft draft = draftFor(QStringLiteral("hz_mother"));
    draft.targets.append(TargetEntry{"child", "01", person("hz_son").idNumber, {}, {}, false});
    const Findings findings = FilingEvaluator(m_db->connection()).evaluate(draft).findingsFor(0);
    QCOMPARE(findings.size(), 1);
    QVERIFY2(findings.first().detail.contains(QStringLiteral("王建国")), qPrintable(findings.first().detail));
    QCOMPARE(findings.first().field, Finding::Field::TargetId);
}

void TestFilingEvaluator::sameTargetTwiceInOneDraft()
{
    FilingDraft draft = draftFor(QStringLiteral("hz_father"));
    const TargetEntry grandma{"parent", "01", person("hz_grandma").idNumber, {}, {}, false};
    draft.targets << grandma << grandma;
    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(draft);
    QVERIFY(verdict.targetAccepted(0, false));
    QCOMPARE(refusalNames(verdict.findingsFor(1)), QStringList{"ALREADY_BOUND"});
}

void TestFilingEvaluator::cooldownEndsAfterItsDays()
{
    FilingDraft draft = draftFor(QStringLiteral("sz_d"));
    draft.targets.append(TargetEntry{"child", "01", person("sz_e").idNumber, {}, {}, false});
    draft.filedOn = QDate::currentDate().addDays(89);
    QCOMPARE(refusalNames(FilingEvaluator(m_db->connection()).evaluate(draft).findingsFor(0)),
             QStringList{"COOLDOWN_ACTIVE"});
    draft.filedOn = QDate::currentDate().addDays(90);
    QVERIFY(FilingEvaluator(m_db->connection()).evaluate(draft).targetAccepted(0, false));
}

void TestFilingEvaluator::relationshipsWithinOneFiling_data()
{
    // Targets as "relationship:key", and per target its refusal codes and warnings ("" none).
    QTest::addColumn<QString>("authorizer");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QStringList>("warnings");
    QTest::newRow("two spouses") << "hz_single" << QStringList{"spouse:hz_bride1", "spouse:hz_bride2"}
                                 << QStringList{"", "SPOUSE_ALREADY_BOUND"} << QStringList{"", ""};
    QTest::newRow("two fathers") << "hz_single" << QStringList{"parent:hz_father1", "parent:hz_father2"}
                                 << QStringList{"", ""} << QStringList{"", "RELATIONSHIP_UNUSUAL"};
    QTest::newRow("two mothers") << "hz_single" << QStringList{"parent:hz_mother1", "parent:hz_mother2"}
                                 << QStringList{"", ""} << QStringList{"", "RELATIONSHIP_UNUSUAL"};
    QTest::newRow("a father and a mother") << "hz_single" << QStringList{"parent:hz_father1", "parent:hz_mother1"}
                                           << QStringList{"", ""} << QStringList{"", ""};
    QTest::newRow("three parents") << "hz_single"
                                   << QStringList{"parent:hz_father1", "parent:hz_mother1", "parent:hz_father2"}
                                   << QStringList{"", "", ""} << QStringList{"", "", "RELATIONSHIP_UNUSUAL"};
    QTest::newRow("a spouse and a parent") << "hz_single" << QStringList{"spouse:hz_bride1", "parent:hz_father1"}
                                           << QStringList{"", ""} << QStringList{"", ""};
    QTest::newRow("a second spouse beside the stored one")
        << "hz_husband" << QStringList{"spouse:hz_bride1"} << QStringList{"SPOUSE_ALREADY_BOUND"} << QStringList{""};
}

void TestFilingEvaluator::relationshipsWithinOneFiling()
{
    QFETCH(QString, authorizer);
    QFETCH(QStringList, targets);
    QFETCH(QStringList, codes);
    QFETCH(QStringList, warnings);
    FilingDraft draft = draftFor(authorizer);
    for (const QString &target : targets) {
        const Person p = person(target.section(':', 1));
        draft.targets.append(TargetEntry{target.section(':', 0, 0), p.idType, p.idNumber, p.name, {}, false});
    }
    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(draft);
    QCOMPARE(verdict.targets.size(), targets.size());
    for (int i = 0; i < targets.size(); ++i) {
        const Findings own = verdict.targets.at(i).findings;
        QCOMPARE(refusalNames(own).join(','), codes.at(i));
        QCOMPARE(warningNames(own).join(','), warnings.at(i));
    }
}

void TestFilingEvaluator::conflictNamesTheBinding_data()
{
    QTest::addColumn<QString>("authorizer");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("earlier"); // "authorizer>target:relationship:row", not stored yet
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("other"); // fixture key of the person who makes the conflict
    QTest::addColumn<bool>("stored"); // the binding has a filing number
    QTest::addColumn<int>("batchRow");
    QTest::addColumn<QString>("bindingRelationship");

    QTest::newRow("stored spouse") << "hz_husband"
                                   << "spouse"
                                   << "hz_other" << QStringList() << "SPOUSE_ALREADY_BOUND"
                                   << "hz_wife" << true << 0 << "spouse";
    QTest::newRow("stored reverse binding") << "hz_elder"
                                            << "sibling"
                                            << "hz_husband" << QStringList() << "RELATIONSHIP_CONFLICT"
                                            << "hz_husband" << true << 0 << "parent";
    QTest::newRow("stored second father") << "hz_husband"
                                          << "parent"
                                          << "hz_elder_m" << QStringList() << "RELATIONSHIP_UNUSUAL"
                                          << "hz_elder" << true << 0 << "parent";
    QTest::newRow("earlier row of a file, reverse")
        << "hz_single"
        << "parent"
        << "hz_father1" << QStringList{"hz_father1>hz_single:parent:3"} << "RELATIONSHIP_CONFLICT"
        << "hz_father1" << false << 3 << "parent";
    QTest::newRow("earlier row of a file, spouse")
        << "hz_single"
        << "spouse"
        << "hz_bride1" << QStringList{"hz_bride1>hz_bride2:spouse:2"} << "SPOUSE_ALREADY_BOUND"
        << "hz_bride2" << false << 2 << "spouse";
}

void TestFilingEvaluator::conflictNamesTheBinding()
{
    QFETCH(QString, authorizer);
    QFETCH(QString, relationship);
    QFETCH(QString, target);
    QFETCH(QStringList, earlier);
    QFETCH(QString, code);
    QFETCH(QString, other);
    QFETCH(bool, stored);
    QFETCH(int, batchRow);
    QFETCH(QString, bindingRelationship);

    FilingDraft draft = draftFor(authorizer);
    draft.targets.append(TargetEntry{relationship, "01", person(target).idNumber, {}, {}, false});
    QList<PendingBinding> pending;
    for (const QString &entry : earlier) {
        const QStringList parts = entry.split(':');
        pending.append(PendingBinding{person(parts.at(0).section('>', 0, 0)).id, person(parts.at(0).section('>', 1)).id,
                                      parts.at(1), parts.at(2).toInt()});
    }
    const Findings findings = FilingEvaluator(m_db->connection()).evaluate(draft, pending).findingsFor(0);
    QCOMPARE(findings.size(), 1);
    const Finding &finding = findings.first();
    QCOMPARE(RefusalCodes::name(finding.code), code);
    QCOMPARE(finding.field, Finding::Field::Relationship);
    QVERIFY(finding.conflict.has_value());
    const ConflictingBinding &conflict = *finding.conflict;
    QCOMPARE(conflict.otherName, person(other).name);
    QCOMPARE(conflict.otherIdNumber, IdNumber::mask(person(other).idNumber));
    QVERIFY(!conflict.otherIdNumber.contains(person(other).idNumber.mid(6, 8))); // the birth date stays hidden
    QCOMPARE(conflict.relationship, bindingRelationship);
    QCOMPARE(conflict.batchRow, batchRow);
    QCOMPARE(conflict.filingNumber.startsWith(QLatin1String("GJ")), stored);
    // What the clerk reads beside the field names the binding and the masked person.
    QVERIFY2(finding.text().contains(conflict.otherIdNumber), qPrintable(finding.text()));
    if (stored)
        QVERIFY2(finding.text().contains(conflict.filingNumber), qPrintable(finding.text()));
}

void TestFilingEvaluator::unusualParentNeedsConfirmation()
{
    FilingDraft draft = draftFor(QStringLiteral("hz_husband"));
    draft.targets.append(TargetEntry{"parent", "01", person("hz_elder_m").idNumber, {}, {}, false});
    FilingSubmission submission(m_db->connection());
    QCOMPARE(submission.submit(draft).status, SubmissionResult::Status::NeedsConfirmation);
    draft.targets[0].ageWarningConfirmed = true; // the clerk confirms the warnings of the target
    const SubmissionResult stored = submission.submit(draft);
    QVERIFY(stored.stored());
    QVERIFY(BindingStore(m_db->connection()).byFiling(stored.filingId).first().ageWarningConfirmed);
}

void TestFilingEvaluator::periods_data()
{
    QTest::addColumn<QString>("authorizer");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("months"); // valid_until = filing date + months + days; -1 months: open-ended
    QTest::addColumn<int>("days");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("open-ended") << "sz_c"
                                << "sibling"
                                << "sz_e" << -1 << 0 << QStringList();
    QTest::newRow("PERIOD_INVALID: the filing date itself") << "sz_c"
                                                            << "sibling"
                                                            << "sz_e" << 0 << 0 << QStringList{"PERIOD_INVALID"};
    QTest::newRow("PERIOD_INVALID: before the filing date") << "sz_c"
                                                            << "sibling"
                                                            << "sz_e" << 0 << -5 << QStringList{"PERIOD_INVALID"};
    QTest::newRow("the next day") << "sz_c"
                                  << "sibling"
                                  << "sz_e" << 0 << 1 << QStringList();
    QTest::newRow("12 months where 12 are allowed") << "sz_c"
                                                    << "sibling"
                                                    << "sz_e" << 12 << 0 << QStringList();
    QTest::newRow("PERIOD_INVALID: 12 months and a day") << "sz_c"
                                                         << "sibling"
                                                         << "sz_e" << 12 << 1 << QStringList{"PERIOD_INVALID"};
    QTest::newRow("ten years where the rule sets no limit") << "hz_father"
                                                            << "parent"
                                                            << "hz_grandma" << 120 << 0 << QStringList();
    QTest::newRow("PERIOD_INVALID beside another code")
        << "hz_father"
        << "child"
        << "hz_son" << 0 << 0 << QStringList{"ALREADY_BOUND", "PERIOD_INVALID"};
}

void TestFilingEvaluator::periods()
{
    QFETCH(QString, authorizer);
    QFETCH(QString, relationship);
    QFETCH(QString, target);
    QFETCH(int, months);
    QFETCH(int, days);
    QFETCH(QStringList, codes);
    FilingDraft draft = draftFor(authorizer);
    TargetEntry entry{relationship, "01", person(target).idNumber, {}, {}, false};
    if (months >= 0)
        entry.validUntil = draft.filedOn.addMonths(months).addDays(days);
    draft.targets.append(entry);
    const Findings findings = FilingEvaluator(m_db->connection()).evaluate(draft).findingsFor(0);
    QStringList expected = codes;
    std::sort(expected.begin(), expected.end(),
              [](const QString &a, const QString &b) { return RefusalCodes::fromName(a) < RefusalCodes::fromName(b); });
    QCOMPARE(refusalNames(findings), expected);
    for (const Finding &f : findings) {
        if (f.code == RefusalCode::PeriodInvalid)
            QCOMPARE(f.field, Finding::Field::ValidUntil); // shown beside the date field
    }
}

// QUOTA_REQUIRED, QUOTA_NOT_ALLOWED and QUOTA_EXCEEDS_BALANCE, each alone, with the shipped sets:
// 南京 under the national cross-province set (quota_required_beyond province, floor 0, balance
// 3000.00 yuan), 杭州 under 浙江 (none).
void TestFilingEvaluator::quotaCodes_data()
{
    QTest::addColumn<QString>("authorizer");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("target");
    QTest::addColumn<qint64>("quotaFen"); // -1: no quota
    QTest::addColumn<QStringList>("codes");

    QTest::newRow("QUOTA_REQUIRED: other province, no quota")
        << "nj_auth"
        << "parent"
        << "hz_grandma" << qint64(-1) << QStringList{"QUOTA_REQUIRED"};
    QTest::newRow("QUOTA_REQUIRED: quota 0") << "nj_auth"
                                             << "parent"
                                             << "hz_grandma" << qint64(0) << QStringList{"QUOTA_REQUIRED"};
    QTest::newRow("accepted: other province with a quota") << "nj_auth"
                                                           << "parent"
                                                           << "hz_grandma" << qint64(100000) << QStringList();
    QTest::newRow("accepted: quota one fen") << "nj_auth"
                                             << "parent"
                                             << "hz_grandma" << qint64(1) << QStringList();
    QTest::newRow("accepted: same province, no quota") << "nj_auth"
                                                       << "sibling"
                                                       << "nj_cousin" << qint64(-1) << QStringList();
    QTest::newRow("accepted: same province may carry a quota") << "nj_auth"
                                                               << "sibling"
                                                               << "nj_cousin" << qint64(50000) << QStringList();
    QTest::newRow("accepted: the whole balance") << "nj_auth"
                                                 << "parent"
                                                 << "hz_grandma" << qint64(300000) << QStringList();
    QTest::newRow("QUOTA_EXCEEDS_BALANCE: one fen over")
        << "nj_auth"
        << "parent"
        << "hz_grandma" << qint64(300001) << QStringList{"QUOTA_EXCEEDS_BALANCE"};
    QTest::newRow("QUOTA_EXCEEDS_BALANCE: same province")
        << "nj_auth"
        << "sibling"
        << "nj_cousin" << qint64(999999) << QStringList{"QUOTA_EXCEEDS_BALANCE"};
    QTest::newRow("QUOTA_NOT_ALLOWED: 浙江 sets nothing aside")
        << "hz_father"
        << "parent"
        << "hz_grandma" << qint64(100) << QStringList{"QUOTA_NOT_ALLOWED"};
    QTest::newRow("accepted: 浙江 without a quota") << "hz_father"
                                                    << "parent"
                                                    << "hz_grandma" << qint64(-1) << QStringList();
}

void TestFilingEvaluator::quotaCodes()
{
    QFETCH(QString, authorizer);
    QFETCH(QString, relationship);
    QFETCH(QString, target);
    QFETCH(qint64, quotaFen);
    QFETCH(QStringList, codes);

    FilingDraft draft = draftFor(authorizer);
    TargetEntry entry{relationship, "01", person(target).idNumber, person(target).name, {}, false};
    if (quotaFen >= 0)
        entry.quotaFen = quotaFen;
    draft.targets.append(entry);
    const Findings findings = FilingEvaluator(m_db->connection()).evaluate(draft).findingsFor(0);
    QCOMPARE(refusalNames(findings), codes);
    QCOMPARE(warningNames(findings), QStringList());
    for (const Finding &f : findings) // shown beside the quota field
        QCOMPARE(f.field, Finding::Field::Quota);
}

// What is still free to the fen: balance less reserve floor less the quotas of active bindings
// (an ended binding's quota is free again) less the earlier targets of the same filing.
void TestFilingEvaluator::quotaArithmetic_data()
{
    QTest::addColumn<qint64>("balanceFen");
    QTest::addColumn<qint64>("floorFen");
    QTest::addColumn<QList<qint64>>("storedQuotas"); // active bindings' quotas, one target each
    QTest::addColumn<int>("endedStored"); // how many of those are revoked again
    QTest::addColumn<QList<qint64>>("draftQuotas"); // the new filing's targets
    QTest::addColumn<QStringList>("verdicts"); // per draft target: "" accepted or the code
    QTest::addColumn<QString>("detail"); // of the last QUOTA_EXCEEDS_BALANCE

    QTest::newRow("floor: exactly what is above it")
        << qint64(300000) << qint64(100000) << QList<qint64>{} << 0 << QList<qint64>{200000} << QStringList{""} << "";
    QTest::newRow("floor: one fen more")
        << qint64(300000) << qint64(100000) << QList<qint64>{} << 0 << QList<qint64>{200001}
        << QStringList{"QUOTA_EXCEEDS_BALANCE"}
        << "still free: 2000.00 yuan (balance 3000.00, reserve floor 1000.00, already set aside 0.00)";
    QTest::newRow("stored quotas count")
        << qint64(500050) << qint64(0) << QList<qint64>{120025, 250000} << 0 << QList<qint64>{130026}
        << QStringList{"QUOTA_EXCEEDS_BALANCE"}
        << "still free: 1300.25 yuan (balance 5000.50, reserve floor 0.00, already set aside 3700.25)";
    QTest::newRow("stored quotas: the rest fits to the fen")
        << qint64(500050) << qint64(0) << QList<qint64>{120025, 250000} << 0 << QList<qint64>{130025} << QStringList{""}
        << "";
    QTest::newRow("an ended binding's quota is freed")
        << qint64(300000) << qint64(0) << QList<qint64>{250000} << 1 << QList<qint64>{300000} << QStringList{""} << "";
    QTest::newRow("several targets in one filing")
        << qint64(300000) << qint64(50000) << QList<qint64>{} << 0 << QList<qint64>{100000, 150000, 1}
        << QStringList{"", "", "QUOTA_EXCEEDS_BALANCE"}
        << "still free: 0.00 yuan (balance 3000.00, reserve floor 500.00, already set aside 2500.00)";
    QTest::newRow("balance below the floor: nothing free")
        << qint64(40000) << qint64(50000) << QList<qint64>{} << 0 << QList<qint64>{1}
        << QStringList{"QUOTA_EXCEEDS_BALANCE"}
        << "still free: 0.00 yuan (balance 400.00, reserve floor 500.00, already set aside 0.00)";
}

void TestFilingEvaluator::quotaArithmetic()
{
    QFETCH(qint64, balanceFen);
    QFETCH(qint64, floorFen);
    QFETCH(QList<qint64>, storedQuotas);
    QFETCH(int, endedStored);
    QFETCH(QList<qint64>, draftQuotas);
    QFETCH(QStringList, verdicts);
    QFETCH(QString, detail);

    // 成都 under a set of its own that needs quotas beyond the province, with this floor.
    RuleSet sichuan = RuleSetStore::shippedDefaults().at(1);
    sichuan.region = QStringLiteral("510000");
    sichuan.title = QStringLiteral("test: 四川");
    sichuan.effectiveFrom = QDate(2024, 1, 1);
    sichuan.reserveFloorFen = floorFen;
    sichuan.quotaRequiredBeyond = QStringLiteral("province");
    {
        WriteTransaction transaction(m_db->connection());
        RuleSetStore(m_db->connection()).insert(sichuan);
        transaction.commit();
    }
    Person auth;
    auth.name = QStringLiteral("蜀甲");
    auth.idType = QStringLiteral("01");
    auth.idNumber = TestDatabase::residentId("510104", QDate(1960, 1, 1), 11);
    auth.insuranceType = QStringLiteral("310");
    auth.employment = QStringLiteral("working");
    auth.status = QStringLiteral("active");
    auth.poolingRegion = QStringLiteral("510100");
    auth.balanceFen = balanceFen;
    auth = m_db->addPerson(auth);
    QList<Person> targets;
    for (int i = 0; i < storedQuotas.size() + draftQuotas.size(); ++i)
        targets << m_db->addPerson(QStringLiteral("蜀子%1").arg(i),
                                   TestDatabase::residentId("510104", QDate(1990, 1, 1 + i), 21 + 2 * i),
                                   QStringLiteral("390"), QStringLiteral("510100"));
    auto entry = [](const Person &target, qint64 quotaFen) {
        TargetEntry e{"child", target.idType, target.idNumber, target.name, {}, false};
        e.quotaFen = quotaFen;
        return e;
    };
    m_people.insert(QStringLiteral("sc_auth"), auth);
    for (int i = 0; i < storedQuotas.size(); ++i) {
        FilingDraft stored = draftFor(QStringLiteral("sc_auth"));
        stored.targets.append(entry(targets.at(i), storedQuotas.at(i)));
        const SubmissionResult result = FilingSubmission(m_db->connection()).submit(stored);
        QVERIFY2(result.stored(), qPrintable(refusalNames(result.verdict.findingsFor(0)).join(',')));
        QCOMPARE(BindingStore(m_db->connection()).byFiling(result.filingId).first().quotaFen,
                 std::optional<qint64>(storedQuotas.at(i)));
        if (i < endedStored) {
            const qint64 id = BindingStore(m_db->connection()).byFiling(result.filingId).first().id;
            QVERIFY(BindingRevocation(m_db->connection()).revoke(id, EndRequester::Authorizer, "test", "tester").ok);
        }
    }
    FilingDraft draft = draftFor(QStringLiteral("sc_auth"));
    for (int i = 0; i < draftQuotas.size(); ++i)
        draft.targets.append(entry(targets.at(storedQuotas.size() + i), draftQuotas.at(i)));
    const FilingVerdict verdict = FilingEvaluator(m_db->connection()).evaluate(draft);
    QString lastDetail;
    for (int i = 0; i < draftQuotas.size(); ++i) {
        const Findings findings = verdict.findingsFor(i);
        QCOMPARE(refusalNames(findings).join(','), verdicts.at(i));
        for (const Finding &f : findings)
            lastDetail = f.detail;
    }
    QCOMPARE(lastDetail, detail);
}

QTEST_GUILESS_MAIN(TestFilingEvaluator)
#include "tst_filingevaluator.moc"
