#include <QtTest>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"

using namespace gongji;

Q_DECLARE_METATYPE(gongji::RefusalCode)

// Every number below was computed with ISO 7064 MOD 11-2, except where a row says it is wrong.
class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void detailNamesExpectedCheckChar();
    void mod11CheckChar_data();
    void mod11CheckChar();
    void mask_data();
    void mask();
};

static const QDate Today(2026, 11, 22);

void TestIdNumber::check_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<RefusalCode>("error");
    QTest::addColumn<QString>("number"); // normalised; checked for valid rows only
    QTest::addColumn<QString>("typeOut");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("sex");
    QTest::addColumn<bool>("rerouted");
    QTest::addColumn<bool>("upgraded");

    const auto ok = RefusalCode::None;
    const auto fmt = RefusalCode::IdFormatInvalid;
    const auto sum = RefusalCode::IdChecksumInvalid;
    const auto type = RefusalCode::IdTypeNotAccepted;
    const QString none;

    // 01 resident ID
    QTest::newRow("01 valid X") << "01"
                                << "11010519491231002X" << ok << "11010519491231002X"
                                << "01" << QDate(1949, 12, 31) << "F" << false << false;
    QTest::newRow("01 lower-case x") << "01"
                                     << "11010519491231002x" << ok << "11010519491231002X"
                                     << "01" << QDate(1949, 12, 31) << "F" << false << false;
    QTest::newRow("01 valid male") << "01"
                                   << "440300199003071234" << ok << "440300199003071234"
                                   << "01" << QDate(1990, 3, 7) << "M" << false << false;
    QTest::newRow("01 trimmed") << "01"
                                << "  440300199003071234\t" << ok << "440300199003071234"
                                << "01" << QDate(1990, 3, 7) << "M" << false << false;
    QTest::newRow("01 grouped with spaces") << "01"
                                            << "110105 19491231 002X" << ok << "11010519491231002X"
                                            << "01" << QDate(1949, 12, 31) << "F" << false << false;
    QTest::newRow("01 full-width digits")
        << "01" << QString::fromUtf8("４４０３００１９９００３０７１２３４") << ok << "440300199003071234"
        << "01" << QDate(1990, 3, 7) << "M" << false << false;
    QTest::newRow("01 leap day") << "01"
                                 << "440300200002290027" << ok << "440300200002290027"
                                 << "01" << QDate(2000, 2, 29) << "F" << false << false;
    QTest::newRow("01 born today") << "01"
                                   << "110105202611221231" << ok << "110105202611221231"
                                   << "01" << Today << "M" << false << false;
    QTest::newRow("01 1900-01-01") << "01"
                                   << "110105190001011231" << ok << "110105190001011231"
                                   << "01" << QDate(1900, 1, 1) << "M" << false << false;
    QTest::newRow("01 wrong check char") << "01"
                                         << "440300199003071235" << sum << none << "01" << QDate() << none << false
                                         << false;
    QTest::newRow("01 X where 2 belongs")
        << "01"
        << "33010619850612234X" << sum << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 transposed digits")
        << "01"
        << "440300199030071234" << sum << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 Feb 30") << "01"
                               << "11010520260230123X" << fmt << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 future birth") << "01"
                                     << "110105202611231237" << fmt << none << "01" << QDate() << none << false
                                     << false;
    QTest::newRow("01 before 1900") << "01"
                                    << "110105189912311237" << fmt << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 17 chars") << "01"
                                 << "44030019900307123" << fmt << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 letter inside") << "01"
                                      << "4403001990O3071234" << fmt << none << "01" << QDate() << none << false
                                      << false;
    QTest::newRow("01 X not last") << "01"
                                   << "X40300199003071234" << fmt << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 empty") << "01"
                              << "   " << fmt << none << "01" << QDate() << none << false << false;
    QTest::newRow("01 HK address code") << "01"
                                        << "810000198801011234" << fmt << none << "01" << QDate() << none << false
                                        << false;
    QTest::newRow("01 no such province") << "01"
                                         << "720100199003071230" << fmt << none << "01" << QDate() << none << false
                                         << false;
    QTest::newRow("01 province 00") << "01"
                                    << "00000019900101123X" << fmt << none << "01" << QDate() << none << false << false;
    // Legacy 15-digit cards: century 19, check character computed.
    QTest::newRow("01 15 digits upgraded") << "01"
                                           << "330105850612234" << ok << "330105198506122348"
                                           << "01" << QDate(1985, 6, 12) << "F" << false << true;
    QTest::newRow("01 15 digits bad date")
        << "01"
        << "330105850230234" << fmt << none << "01" << QDate() << none << false << true;
    QTest::newRow("01 15 with letter") << "01"
                                       << "33010585061223X" << fmt << none << "01" << QDate() << none << false << false;
    // 9… entered as 01: a foreigner's 2023 permanent residence card.
    QTest::newRow("01 9-prefix rerouted") << "01"
                                          << "915600199203151232" << ok << "915600199203151232"
                                          << "07" << QDate(1992, 3, 15) << "M" << true << false;
    QTest::newRow("01 9-prefix rerouted bad check")
        << "01"
        << "915600199203151233" << sum << none << "07" << QDate() << none << true << false;
    QTest::newRow("01 9-prefix short") << "01"
                                       << "91560019920315" << fmt << none << "01" << QDate() << none << false << false;

    // 17 residence permit for HK, Macau, Taiwan residents
    QTest::newRow("17 HK") << "17"
                           << "810000198801011234" << ok << "810000198801011234"
                           << "17" << QDate(1988, 1, 1) << "M" << false << false;
    QTest::newRow("17 Macau") << "17"
                              << "820000199505052345" << ok << "820000199505052345"
                              << "17" << QDate(1995, 5, 5) << "F" << false << false;
    QTest::newRow("17 Taiwan leap") << "17"
                                    << "830000200002293451" << ok << "830000200002293451"
                                    << "17" << QDate(2000, 2, 29) << "M" << false << false;
    QTest::newRow("17 mainland address") << "17"
                                         << "440300199003071234" << fmt << none << "17" << QDate() << none << false
                                         << false;
    QTest::newRow("17 wrong check") << "17"
                                    << "810000198801011235" << sum << none << "17" << QDate() << none << false << false;
    QTest::newRow("17 no 15-digit form") << "17"
                                         << "810000880101123" << fmt << none << "17" << QDate() << none << false
                                         << false;

    // 07 foreigner's permanent residence ID
    QTest::newRow("07 new card") << "07"
                                 << "915600199203151240" << ok << "915600199203151240"
                                 << "07" << QDate(1992, 3, 15) << "F" << false << false;
    QTest::newRow("07 new card wrong check")
        << "07"
        << "915600199203151241" << sum << none << "07" << QDate() << none << false << false;
    QTest::newRow("07 old card") << "07"
                                 << "USA110085031512" << ok << "USA110085031512"
                                 << "07" << QDate() << none << false << false;
    QTest::newRow("07 old card lower") << "07"
                                       << "usa110085031512" << ok << "USA110085031512"
                                       << "07" << QDate() << none << false << false;
    QTest::newRow("07 old card short") << "07"
                                       << "USA11008503151" << fmt << none << "07" << QDate() << none << false << false;
    QTest::newRow("07 18 digits not 9") << "07"
                                        << "440300199003071234" << fmt << none << "07" << QDate() << none << false
                                        << false;

    // 04 / 05 Hong Kong and Macau permits
    QTest::newRow("04 H+8") << "04"
                            << "H12345678" << ok << "H12345678"
                            << "04" << QDate() << none << false << false;
    QTest::newRow("04 H+10 lower") << "04"
                                   << "h1234567890" << ok << "H1234567890"
                                   << "04" << QDate() << none << false << false;
    QTest::newRow("04 H+9") << "04"
                            << "H123456789" << fmt << none << "04" << QDate() << none << false << false;
    QTest::newRow("04 M prefix") << "04"
                                 << "M12345678" << fmt << none << "04" << QDate() << none << false << false;
    QTest::newRow("05 M+8") << "05"
                            << "M87654321" << ok << "M87654321"
                            << "05" << QDate() << none << false << false;
    QTest::newRow("05 M+10") << "05"
                             << "M8765432100" << ok << "M8765432100"
                             << "05" << QDate() << none << false << false;
    QTest::newRow("05 H prefix") << "05"
                                 << "H87654321" << fmt << none << "05" << QDate() << none << false << false;

    // 06 Taiwan permit
    QTest::newRow("06 8 digits") << "06"
                                 << "01234567" << ok << "01234567"
                                 << "06" << QDate() << none << false << false;
    QTest::newRow("06 old booklet") << "06"
                                    << "A123456789" << ok << "A123456789"
                                    << "06" << QDate() << none << false << false;
    QTest::newRow("06 9 digits") << "06"
                                 << "012345678" << fmt << none << "06" << QDate() << none << false << false;
    QTest::newRow("06 letters in 8") << "06"
                                     << "A1234567" << fmt << none << "06" << QDate() << none << false << false;

    // 08 foreign passport
    QTest::newRow("08 5 chars") << "08"
                                << "AB123" << ok << "AB123"
                                << "08" << QDate() << none << false << false;
    QTest::newRow("08 17 chars") << "08"
                                 << "X1234567890123456" << ok << "X1234567890123456"
                                 << "08" << QDate() << none << false << false;
    QTest::newRow("08 4 chars") << "08"
                                << "AB12" << fmt << none << "08" << QDate() << none << false << false;
    QTest::newRow("08 18 chars") << "08"
                                 << "X12345678901234567" << fmt << none << "08" << QDate() << none << false << false;
    QTest::newRow("08 hyphen") << "08"
                               << "AB-12345" << fmt << none << "08" << QDate() << none << false << false;

    // 16 Chinese passport
    QTest::newRow("16 E+8") << "16"
                            << "E12345678" << ok << "E12345678"
                            << "16" << QDate() << none << false << false;
    QTest::newRow("16 E+letter+7") << "16"
                                   << "EA1234567" << ok << "EA1234567"
                                   << "16" << QDate() << none << false << false;
    QTest::newRow("16 G+8") << "16"
                            << "G12345678" << ok << "G12345678"
                            << "16" << QDate() << none << false << false;
    QTest::newRow("16 G+letter+7") << "16"
                                   << "GA1234567" << fmt << none << "16" << QDate() << none << false << false;
    QTest::newRow("16 E+7") << "16"
                            << "E1234567" << fmt << none << "16" << QDate() << none << false << false;

    // Unknown document types
    QTest::newRow("type 02") << "02"
                             << "11010519491231002X" << type << none << "02" << QDate() << none << false << false;
    QTest::newRow("type empty") << ""
                                << "11010519491231002X" << type << none << "" << QDate() << none << false << false;
}

void TestIdNumber::check()
{
    QFETCH(QString, type);
    QFETCH(QString, raw);
    QFETCH(RefusalCode, error);
    QFETCH(QString, number);
    QFETCH(QString, typeOut);
    QFETCH(QDate, birth);
    QFETCH(QString, sex);
    QFETCH(bool, rerouted);
    QFETCH(bool, upgraded);

    const IdCheck result = IdNumber::check(type, raw, Today);
    QCOMPARE(int(result.error), int(error));
    QCOMPARE(result.isValid(), error == RefusalCode::None);
    QCOMPARE(result.type, typeOut);
    QCOMPARE(result.typeRerouted, rerouted);
    QCOMPARE(result.upgradedFrom15, upgraded);
    QCOMPARE(result.birthDate, birth);
    QCOMPARE(result.sex.isNull() ? QString() : QString(result.sex), sex);
    if (result.isValid()) {
        QCOMPARE(result.number, number);
        QVERIFY(result.detail.isEmpty());
    } else {
        // A refusal always tells the clerk what is wrong.
        QVERIFY2(result.detail.size() > 20, qPrintable(result.detail));
    }
}

void TestIdNumber::detailNamesExpectedCheckChar()
{
    const IdCheck wrong = IdNumber::check(QStringLiteral("01"), QStringLiteral("110105194912310021"), Today);
    QCOMPARE(int(wrong.error), int(RefusalCode::IdChecksumInvalid));
    QVERIFY2(wrong.detail.contains(QLatin1String("should be X")), qPrintable(wrong.detail));

    const IdCheck future = IdNumber::check(QStringLiteral("01"), QStringLiteral("110105202611231237"), Today);
    QVERIFY2(future.detail.contains(QLatin1String("2026-11-23")), qPrintable(future.detail));
    QVERIFY2(future.detail.contains(QLatin1String("future")), qPrintable(future.detail));

    const IdCheck feb30 = IdNumber::check(QStringLiteral("01"), QStringLiteral("11010520260230123X"), Today);
    QVERIFY2(feb30.detail.contains(QLatin1String("20260230")), qPrintable(feb30.detail));
}

void TestIdNumber::mod11CheckChar_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QString>("expected"); // empty = null QChar

    QTest::newRow("X") << "11010519491231002"
                       << "X";
    QTest::newRow("4") << "44030019900307123"
                       << "4";
    QTest::newRow("8") << "33010519850612234"
                       << "8";
    QTest::newRow("0") << "91560019920315124"
                       << "0";
    QTest::newRow("7") << "44030019700101001"
                       << "7";
    QTest::newRow("16 digits") << "4403001990030712"
                               << "";
    QTest::newRow("18 digits") << "440300199003071234"
                               << "";
    QTest::newRow("letter") << "4403001990030712A"
                            << "";
}

void TestIdNumber::mod11CheckChar()
{
    QFETCH(QString, first17);
    QFETCH(QString, expected);
    const QChar c = IdNumber::mod11CheckChar(first17);
    QCOMPARE(c.isNull() ? QString() : QString(c), expected);
}

void TestIdNumber::mask_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("masked");

    QTest::newRow("18") << "11010519491231002X"
                        << "110105********002X";
    QTest::newRow("15 old card") << "USA110085031512"
                                 << "USA110*****1512";
    QTest::newRow("11") << "H1234567890"
                        << "H12345*7890";
    QTest::newRow("10") << "A123456789"
                        << "******6789";
    QTest::newRow("9") << "H12345678"
                       << "*****5678";
    QTest::newRow("5") << "AB123"
                       << "*B123";
    QTest::newRow("4 fully hidden") << "AB12"
                                    << "****";
    QTest::newRow("empty") << ""
                           << "";
}

void TestIdNumber::mask()
{
    QFETCH(QString, number);
    QFETCH(QString, masked);
    QCOMPARE(IdNumber::mask(number), masked);
}

QTEST_GUILESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
