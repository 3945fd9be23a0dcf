// The rules engine, one data row per refusal code (docs/domain.md §6), on a real SQLite file.
// Each row names the exact set of codes expected: every code that applies, and no other.
#include <QtTest>

#include "TestDatabase.h"
#include "model/domain/IdNumber.h"
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
    const MutualAidBinding ended = BindingStore(m_db->connection()).activeByAuthorizer(person("sz_d").id).first();
    QVERIFY(BindingRevocation(m_db->connection()).revoke(ended.id, "authorizer", "test", "tester").ok);
}

void TestFilingEvaluator::cleanup()
{
    m_db.reset();
}

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
    draft.targets.append(TargetEntry{relationship, person(targetKey).idType, person(targetKey).idNumber,
                                     person(targetKey).name, {}, false});
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(result.stored(), qPrintable(refusalNames(result.verdict.findingsFor(0)).join(',') + result.error));
}

void TestFilingEvaluator::codes_data()
{
    QTest::addColumn<QString>("authorizer");     // fixture key, or "TYPE:NUMBER"
    QTest::addColumn<bool>("commitment");
    QTest::addColumn<QString>("relationship");
    QTest::addColumn<QString>("target");         // fixture key, or "TYPE:NUMBER"
    QTest::addColumn<QString>("targetName");     // empty: the registry's name
    QTest::addColumn<QDate>("filedOn");          // invalid: today
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QStringList>("warnings");

    const QDate today;
    const QString badChecksum = TestDatabase::residentId("330102", QDate(1990, 1, 1), 5).left(17) + "0";
    const QString goodChecksum = TestDatabase::residentId("330102", QDate(1990, 1, 1), 5);
    const QString fixedChecksum = goodChecksum.endsWith('0') ? goodChecksum.left(17) + "1" : badChecksum;
    QTest::newRow("accepted: 杭州 parent") << "hz_father" << true << "parent" << "hz_grandma" << "" << today << QStringList() << QStringList();
    QTest::newRow("accepted: 北京 spouse, cross-check passes") << "bj_auth" << true << "spouse" << "bj_sister" << "" << today << QStringList() << QStringList();
    QTest::newRow("ID_FORMAT_INVALID") << "hz_father" << true << "parent" << "01:12345" << "" << today << QStringList{"ID_FORMAT_INVALID"} << QStringList();
    QTest::newRow("ID_CHECKSUM_INVALID") << "hz_father" << true << "parent" << "01:" + fixedChecksum << "" << today << QStringList{"ID_CHECKSUM_INVALID"} << QStringList();
    QTest::newRow("ID_TYPE_NOT_ACCEPTED: unknown type") << "hz_father" << true << "parent" << "99:ABC12345" << "" << today << QStringList{"ID_TYPE_NOT_ACCEPTED"} << QStringList();
    QTest::newRow("ID_TYPE_NOT_ACCEPTED: passport in 深圳") << "sz_b" << true << "spouse" << "sz_passport" << "" << today << QStringList{"ID_TYPE_NOT_ACCEPTED"} << QStringList();
    QTest::newRow("PERSON_NOT_FOUND target") << "hz_father" << true << "parent" << "01:" + goodChecksum << "" << today << QStringList{"PERSON_NOT_FOUND"} << QStringList();
    QTest::newRow("PERSON_NOT_FOUND authorizer") << "01:" + goodChecksum << true << "parent" << "hz_grandma" << "" << today << QStringList{"PERSON_NOT_FOUND"} << QStringList();
    QTest::newRow("NAME_MISMATCH") << "hz_father" << true << "parent" << "hz_grandma" << "张桂芳" << today << QStringList{"NAME_MISMATCH"} << QStringList();
    QTest::newRow("AUTHORIZER_NOT_EMPLOYEE") << "hz_resident" << true << "parent" << "hz_grandma" << "" << today << QStringList{"AUTHORIZER_NOT_EMPLOYEE"} << QStringList();
    QTest::newRow("AUTHORIZER_NOT_ACTIVE") << "hz_suspended" << true << "parent" << "hz_grandma" << "" << today << QStringList{"AUTHORIZER_NOT_ACTIVE"} << QStringList();
    QTest::newRow("TARGET_NOT_ACTIVE") << "hz_mother" << true << "parent" << "hz_deceased" << "" << today << QStringList{"TARGET_NOT_ACTIVE"} << QStringList();
    QTest::newRow("PUBLIC_MEDICAL_EXCLUDED target") << "sx_auth" << true << "spouse" << "sx_public" << "" << today << QStringList{"PUBLIC_MEDICAL_EXCLUDED"} << QStringList();
    QTest::newRow("PUBLIC_MEDICAL_EXCLUDED authorizer") << "sx_public" << true << "spouse" << "sx_auth" << "" << today << QStringList{"PUBLIC_MEDICAL_EXCLUDED"} << QStringList();
    QTest::newRow("RELATIONSHIP_NOT_ALLOWED") << "bj_auth" << true << "sibling" << "bj_sister" << "" << today << QStringList{"RELATIONSHIP_NOT_ALLOWED"} << QStringList();
    QTest::newRow("SCOPE_MISMATCH") << "hz_father" << true << "sibling" << "nj_cousin" << "" << today << QStringList{"SCOPE_MISMATCH"} << QStringList();
    QTest::newRow("SELF_BINDING") << "hz_father" << true << "spouse" << "hz_father" << "" << today << QStringList{"SELF_BINDING"} << QStringList();
    QTest::newRow("ALREADY_BOUND") << "hz_father" << true << "child" << "hz_son" << "" << today << QStringList{"ALREADY_BOUND"} << QStringList();
    QTest::newRow("TARGET_BOUND_ELSEWHERE") << "hz_mother" << true << "child" << "hz_son" << "" << today << QStringList{"TARGET_BOUND_ELSEWHERE"} << QStringList();
    QTest::newRow("TARGET_LIMIT_REACHED") << "sz_auth" << true << "child" << "sz_t3" << "" << today << QStringList{"TARGET_LIMIT_REACHED"} << QStringList();
    QTest::newRow("MUTUAL_NOT_ALLOWED") << "sz_c" << true << "spouse" << "sz_b" << "" << today << QStringList{"MUTUAL_NOT_ALLOWED"} << QStringList();
    QTest::newRow("COOLDOWN_ACTIVE") << "sz_d" << true << "child" << "sz_e" << "" << today << QStringList{"COOLDOWN_ACTIVE"} << QStringList();
    QTest::newRow("COMMITMENT_MISSING") << "hz_father" << false << "parent" << "hz_grandma" << "" << today << QStringList{"COMMITMENT_MISSING"} << QStringList();
    QTest::newRow("NO_RULE_IN_EFFECT") << "hz_father" << true << "parent" << "hz_grandma" << "" << QDate(2021, 6, 1) << QStringList{"NO_RULE_IN_EFFECT"} << QStringList();
    QTest::newRow("AGE_IMPLAUSIBLE warning only") << "hz_father" << true << "parent" << "hz_young" << "" << today << QStringList() << QStringList{"AGE_IMPLAUSIBLE"};
    QTest::newRow("AGE_IMPLAUSIBLE: child older than parent") << "hz_mother" << true << "child" << "hz_grandma" << "" << today << QStringList() << QStringList{"AGE_IMPLAUSIBLE"};
    // Every code that applies, not only the first.
    QTest::newRow("several at once: 北京 sibling, wrong name, other province, deceased")
        << "bj_auth" << true << "sibling" << "hz_deceased" << "周某" << today
        << QStringList{"NAME_MISMATCH", "TARGET_NOT_ACTIVE", "RELATIONSHIP_NOT_ALLOWED", "SCOPE_MISMATCH"} << QStringList();
    QTest::newRow("several at once: resident without commitment, not found target")
        << "hz_resident" << false << "parent" << "01:" + goodChecksum << "" << today
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
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return RefusalCodes::fromName(a) < RefusalCodes::fromName(b);
    });
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
    QCOMPARE(refusalNames(FilingEvaluator(m_db->connection()).evaluate(draft).findingsFor(0)), QStringList{"COOLDOWN_ACTIVE"});
    draft.filedOn = QDate::currentDate().addDays(90);
    QVERIFY(FilingEvaluator(m_db->connection()).evaluate(draft).targetAccepted(0, false));
}

QTEST_GUILESS_MAIN(TestFilingEvaluator)
#include "tst_filingevaluator.moc"
