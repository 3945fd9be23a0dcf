#include <QtTest>

#include "model/domain/EndRequester.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"
#include "model/domain/Person.h"
#include "model/domain/Relationship.h"

Q_DECLARE_METATYPE(gongji::EndRequester)

using namespace gongji;

class TestDomainTypes : public QObject
{
    Q_OBJECT

private slots:
    void idTypes_data();
    void idTypes();
    void idTypeList();
    void relationships_data();
    void relationships();
    void relationshipLists();
    void proofs_data();
    void proofs();
    void parseYuan_data();
    void parseYuan();
    void formatYuan_data();
    void formatYuan();
    void province_data();
    void province();
    void personLabels_data();
    void personLabels();
    void endRequesters_data();
    void endRequesters();
    void unknownEndRequesters_data();
    void unknownEndRequesters();
};

void TestDomainTypes::idTypes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("carriesBirth");

    QTest::newRow("01") << "01" << true << "Resident identity card (household register)" << true;
    QTest::newRow("04") << "04" << true << "Mainland travel permit for Hong Kong residents" << false;
    QTest::newRow("05") << "05" << true << "Mainland travel permit for Macau residents" << false;
    QTest::newRow("06") << "06" << true << "Mainland travel permit for Taiwan residents" << false;
    QTest::newRow("07") << "07" << true << "Foreigner's permanent residence ID card" << true;
    QTest::newRow("08") << "08" << true << "Foreign passport" << false;
    QTest::newRow("16") << "16" << true << "Chinese passport" << false;
    QTest::newRow("17") << "17" << true << "Residence permit for Hong Kong, Macau and Taiwan residents" << true;
    QTest::newRow("02 unknown") << "02" << false << "Unknown document type 02" << false;
    QTest::newRow("1 not padded") << "1" << false << "Unknown document type 1" << false;
    QTest::newRow("empty") << "" << false << "Unknown document type " << false;
}

void TestDomainTypes::idTypes()
{
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(QString, label);
    QFETCH(bool, carriesBirth);
    QCOMPARE(IdType::isKnown(code), known);
    QCOMPARE(IdType::allCodes().contains(code), known);
    QCOMPARE(IdType::label(code), label);
    QCOMPARE(IdType::numberCarriesBirthDate(code), carriesBirth);
}

void TestDomainTypes::idTypeList()
{
    const QList<QString> codes = IdType::allCodes();
    QCOMPARE(codes.size(), 8);
    QCOMPARE(codes.first(), IdType::ResidentId); // the usual document first in every list
    QCOMPARE(QSet<QString>(codes.begin(), codes.end()).size(), codes.size());
}

void TestDomainTypes::relationships_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("gbCode");
    QTest::addColumn<int>("ageGap");
    QTest::addColumn<QStringList>("proofs");

    const QString marriage = QStringLiteral("marriage_certificate");
    const QString household = QStringLiteral("household_register");
    const QString birth = QStringLiteral("birth_certificate");
    const QString police = QStringLiteral("police_certificate");
    const QString notarial = QStringLiteral("notarial_certificate");

    QTest::newRow("spouse") << "spouse" << true << "Spouse"
                            << "10" << 0 << QStringList{marriage};
    QTest::newRow("child") << "child" << true << "Child"
                           << "20/30" << -14 << QStringList{household, birth, police};
    QTest::newRow("parent") << "parent" << true << "Parent"
                            << "50" << 14 << QStringList{household, birth, police};
    QTest::newRow("sibling") << "sibling" << true << "Sibling"
                             << "70" << 0 << QStringList{household, birth, police, notarial};
    QTest::newRow("grandparent") << "grandparent" << true << "Grandparent"
                                 << "60" << 28 << QStringList{household, birth, police, notarial};
    QTest::newRow("grandchild") << "grandchild" << true << "Grandchild"
                                << "40" << -28 << QStringList{household, birth, police, notarial};
    QTest::newRow("parent_in_law") << "parent_in_law" << true << "Spouse's parent"
                                   << "53-56" << 0 << QStringList{marriage, household, birth, police, notarial};
    QTest::newRow("other") << "other" << true << "Other"
                           << "80" << 0 << QStringList{household, notarial};
    QTest::newRow("unknown") << "cousin" << false << "Unknown relationship cousin"
                             << "" << 0 << QStringList();
    QTest::newRow("case matters") << "Spouse" << false << "Unknown relationship Spouse"
                                  << "" << 0 << QStringList();
}

void TestDomainTypes::relationships()
{
    QFETCH(QString, keyword);
    QFETCH(bool, known);
    QFETCH(QString, label);
    QFETCH(QString, gbCode);
    QFETCH(int, ageGap);
    QFETCH(QStringList, proofs);
    QCOMPARE(Relationship::isKnown(keyword), known);
    QCOMPARE(Relationship::label(keyword), label);
    QCOMPARE(Relationship::gbCode(keyword), gbCode);
    QCOMPARE(Relationship::minimumAgeGap(keyword), ageGap);
    QCOMPARE(QStringList(Relationship::proofsFor(keyword)), proofs);
    // Every proof a relationship names must be a known proof keyword.
    for (const QString &proof : proofs)
        QVERIFY2(Proof::allKeywords().contains(proof), qPrintable(proof));
}

void TestDomainTypes::relationshipLists()
{
    QCOMPARE(
        QStringList(Relationship::allKeywords()),
        QStringList({"spouse", "child", "parent", "sibling", "grandparent", "grandchild", "parent_in_law", "other"}));
    QCOMPARE(QStringList(Proof::allKeywords()),
             QStringList({"marriage_certificate", "household_register", "birth_certificate", "police_certificate",
                          "notarial_certificate"}));
}

void TestDomainTypes::proofs_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("label");
    QTest::newRow("marriage") << "marriage_certificate"
                              << "Marriage certificate";
    QTest::newRow("household") << "household_register"
                               << "Household register";
    QTest::newRow("birth") << "birth_certificate"
                           << "Medical birth certificate";
    QTest::newRow("police") << "police_certificate"
                            << "Police certificate of the relationship";
    QTest::newRow("notarial") << "notarial_certificate"
                              << "Notarial certificate";
    QTest::newRow("unknown") << "photo"
                             << "Unknown proof photo";
}

void TestDomainTypes::proofs()
{
    QFETCH(QString, keyword);
    QFETCH(QString, label);
    QCOMPARE(Proof::label(keyword), label);
}

void TestDomainTypes::parseYuan_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("fen");

    QTest::newRow("integer") << "1234" << true << qint64(123400);
    QTest::newRow("one decimal") << "1234.5" << true << qint64(123450);
    QTest::newRow("two decimals") << "1234.56" << true << qint64(123456);
    QTest::newRow("zero") << "0" << true << qint64(0);
    QTest::newRow("cents") << "0.07" << true << qint64(7);
    QTest::newRow("leading zeros") << "007.10" << true << qint64(710);
    QTest::newRow("15 digits") << "999999999999999.99" << true << qint64(99999999999999999);
    QTest::newRow("16 digits") << "1000000000000000" << false << qint64(0);
    QTest::newRow("three decimals") << "1.005" << false << qint64(0);
    QTest::newRow("trailing dot") << "12." << false << qint64(0);
    QTest::newRow("leading dot") << ".5" << false << qint64(0);
    QTest::newRow("negative") << "-5" << false << qint64(0);
    QTest::newRow("plus") << "+5" << false << qint64(0);
    QTest::newRow("thousands") << "1,000" << false << qint64(0);
    QTest::newRow("comma decimal") << "12,50" << false << qint64(0);
    QTest::newRow("exponent") << "1e3" << false << qint64(0);
    QTest::newRow("space") << " 12" << false << qint64(0);
    QTest::newRow("currency") << QString::fromUtf8("¥12") << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("dot only") << "." << false << qint64(0);
    QTest::newRow("text after decimals") << "12.50x" << false << qint64(0);
    QTest::newRow("second dot") << "12.5.0" << false << qint64(0);
    QTest::newRow("line break after") << "12\n" << false << qint64(0);
    QTest::newRow("full-width digits") << QString::fromUtf8("１２") << false << qint64(0);
    QTest::newRow("Arabic-Indic digits") << QString::fromUtf8("١٢") << false << qint64(0);
}

void TestDomainTypes::parseYuan()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, fen);
    const std::optional<qint64> parsed = Money::parseYuan(text);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, fen);
}

void TestDomainTypes::formatYuan_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0.00";
    QTest::newRow("cents") << qint64(7) << "0.07";
    QTest::newRow("dimes") << qint64(50) << "0.50";
    QTest::newRow("yuan") << qint64(123450) << "1234.50";
    QTest::newRow("large") << qint64(99999999999999999) << "999999999999999.99";
    QTest::newRow("negative") << qint64(-1205) << "-12.05";
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-92233720368547758.08";
}

void TestDomainTypes::formatYuan()
{
    QFETCH(qint64, fen);
    QFETCH(QString, text);
    QCOMPARE(Money::formatYuan(fen), text);
    if (fen >= 0 && fen <= 99999999999999999)
        QCOMPARE(Money::parseYuan(text), std::optional<qint64>(fen)); // round trip
}

void TestDomainTypes::province_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("province");
    QTest::newRow("Hangzhou") << "330100"
                              << "330000";
    QTest::newRow("Beijing") << "110100"
                             << "110000";
    QTest::newRow("Shenzhen") << "440300"
                              << "440000";
    QTest::newRow("province itself") << "140000"
                                     << "140000";
    QTest::newRow("short") << "3301"
                           << "";
    QTest::newRow("letters") << "33AB00"
                             << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestDomainTypes::province()
{
    QFETCH(QString, region);
    QFETCH(QString, province);
    Person person;
    person.poolingRegion = region;
    QCOMPARE(person.province(), province);
}

void TestDomainTypes::personLabels_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("label");
    QTest::newRow("310") << "insurance"
                         << "310"
                         << "Employee basic medical insurance";
    QTest::newRow("390") << "insurance"
                         << "390"
                         << "Urban and rural resident basic medical insurance";
    QTest::newRow("insurance unknown") << "insurance"
                                       << "320"
                                       << "Insurance type 320";
    QTest::newRow("active") << "status"
                            << "active"
                            << "Active";
    QTest::newRow("suspended") << "status"
                               << "suspended"
                               << "Suspended";
    QTest::newRow("terminated") << "status"
                                << "terminated"
                                << "Terminated";
    QTest::newRow("deceased") << "status"
                              << "deceased"
                              << "Deceased";
    QTest::newRow("working") << "employment"
                             << "working"
                             << "Working";
    QTest::newRow("retired") << "employment"
                             << "retired"
                             << "Retired";
    QTest::newRow("resident: none") << "employment"
                                    << ""
                                    << "";
}

void TestDomainTypes::personLabels()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(QString, label);
    if (kind == QLatin1String("insurance"))
        QCOMPARE(Person::insuranceLabel(value), label);
    else if (kind == QLatin1String("status"))
        QCOMPARE(Person::statusLabel(value), label);
    else
        QCOMPARE(Person::employmentLabel(value), label);

    Person person;
    person.insuranceType = value;
    person.status = value;
    QCOMPARE(person.isEmployee(), value == QLatin1String("310"));
    QCOMPARE(person.isActive(), value == QLatin1String("active"));
}

void TestDomainTypes::endRequesters_data()
{
    QTest::addColumn<EndRequester>("requester");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("mutualAid"); // may ask a clerk to end a mutual-aid binding
    QTest::addColumn<bool>("kinship"); // may ask a clerk to end a kinship account

    QTest::newRow("authorizer") << EndRequester::Authorizer << "authorizer"
                                << "Authorizer" << true << false;
    QTest::newRow("target") << EndRequester::Target << "target"
                            << "Target" << true << false;
    QTest::newRow("holder") << EndRequester::Holder << "holder"
                            << "Holder" << false << true;
    QTest::newRow("member") << EndRequester::Member << "member"
                            << "Member" << false << true;
    QTest::newRow("system") << EndRequester::System << "system"
                            << "System" << false << false;
}

void TestDomainTypes::endRequesters()
{
    QFETCH(EndRequester, requester);
    QFETCH(QString, keyword);
    QFETCH(QString, label);
    QFETCH(bool, mutualAid);
    QFETCH(bool, kinship);
    QCOMPARE(EndRequesters::keyword(requester), keyword);
    QCOMPARE(EndRequesters::fromKeyword(keyword), requester);
    QCOMPARE(EndRequesters::label(requester), label);
    QCOMPARE(EndRequesters::ofMutualAid().contains(requester), mutualAid);
    QCOMPARE(EndRequesters::ofKinship().contains(requester), kinship);
}

void TestDomainTypes::unknownEndRequesters_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::newRow("not ended") << "";
    QTest::newRow("capitalised") << "Authorizer";
    QTest::newRow("the clerk") << "clerk";
    QTest::newRow("chinese") << "授权人";
}

void TestDomainTypes::unknownEndRequesters()
{
    QFETCH(QString, keyword);
    QVERIFY(!EndRequesters::fromKeyword(keyword).has_value());
}

QTEST_GUILESS_MAIN(TestDomainTypes)
#include "tst_domaintypes.moc"
