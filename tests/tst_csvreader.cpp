#include <QBuffer>
#include <QTest>

#include "model/csv/CsvReader.h"
#include "model/csv/Gb18030Decoder.h"

using gongji::CsvEncoding;
using gongji::CsvReader;
using gongji::Gb18030Decoder;

// RFC 4180 reading of the interchange files: each row is raw file bytes and what must come out.
class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void fieldAtLimitIsAccepted();
    void encodings_data();
    void encodings();
    void gb18030Decoder_data();
    void gb18030Decoder();
    void noDeviceReadsNothing();
};

void TestCsvReader::read_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QString>("error"); // expected part of error(); empty = no error

    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    using Records = QList<QStringList>;
    using Lines = QList<int>;

    QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab << Records{{"1", "2"}, {"3", "4"}} << Lines{2, 3}
                              << QString();
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab << Records{{"1", "2"}, {"3", "4"}} << Lines{2, 3}
                          << QString();
    QTest::newRow("no final line break") << QByteArray("a,b\n1,2") << ab << Records{{"1", "2"}} << Lines{2}
                                         << QString();
    QTest::newRow("BOM skipped") << QByteArray("\xEF\xBB\xBF"
                                               "a,b\n1,2\n")
                                 << ab << Records{{"1", "2"}} << Lines{2} << QString();
    QTest::newRow("empty lines skipped") << QByteArray("a,b\n\n1,2\n\r\n\n3,4\n\n") << ab
                                         << Records{{"1", "2"}, {"3", "4"}} << Lines{3, 6} << QString();
    QTest::newRow("empty lines before header")
        << QByteArray("\n\na,b\n1,2\n") << ab << Records{{"1", "2"}} << Lines{4} << QString();
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x,y\",z\n") << ab << Records{{"x,y", "z"}} << Lines{2}
                                  << QString();
    QTest::newRow("doubled quote") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                   << Records{{"say \"hi\"", "\""}} << Lines{2} << QString();
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n\"\",x,\n") << QStringList{"a", "b", "c"}
                                  << Records{{"", "", ""}, {"", "x", ""}} << Lines{2, 3} << QString();
    QTest::newRow("line break in quotes") << QByteArray("a,b\n\"first\nsecond\",x\n5,6\n") << ab
                                          << Records{{"first\nsecond", "x"}, {"5", "6"}} << Lines{2, 4} << QString();
    QTest::newRow("CRLF in quotes becomes LF") << QByteArray("a,b\r\n\"l1\r\n\r\nl3\",y\r\n7,8\r\n") << ab
                                               << Records{{"l1\n\nl3", "y"}, {"7", "8"}} << Lines{2, 5} << QString();
    QTest::newRow("Chinese text") << QByteArray("姓名,地区\n\"张三\",杭州\n") << QStringList{"姓名", "地区"}
                                  << Records{{"张三", "杭州"}} << Lines{2} << QString();
    QTest::newRow("spaces kept") << QByteArray("a,b\n 1 , 2\n") << ab << Records{{" 1 ", " 2"}} << Lines{2}
                                 << QString();

    QTest::newRow("empty file") << QByteArray() << QStringList() << Records{} << Lines{}
                                << QStringLiteral("no header row");
    QTest::newRow("only BOM and empty lines")
        << QByteArray("\xEF\xBB\xBF\n\r\n") << QStringList() << Records{} << Lines{} << QStringLiteral("no header row");
    QTest::newRow("neither UTF-8 nor GB18030 in a row")
        << QByteArray("a,b\n1,2\n\xFF\xFE,3\n4,5\n") << ab << Records{{"1", "2"}} << Lines{2}
        << QStringLiteral("Line 3: the bytes FF FE are neither UTF-8 nor GB18030 (GBK)");
    QTest::newRow("GBK file") // 张三 in GBK, as a legacy Excel export writes it
        << QByteArray("a,b\n\xD5\xC5\xC8\xFD,1\n") << ab << Records{{"张三", "1"}} << Lines{2} << QString();
    QTest::newRow("neither in header") << QByteArray("a\xFF,b\n1,2\n") << QStringList() << Records{} << Lines{}
                                       << QStringLiteral("Line 1: the bytes FF are neither UTF-8 nor GB18030");
    QTest::newRow("cut UTF-8 at the end that GB18030 reads") // E5 BC is 寮 in GBK
        << QByteArray("a,b\n1,\xE5\xBC") << ab << Records{{"1", "寮"}} << Lines{2} << QString();
    QTest::newRow("cut at the end for both") << QByteArray("a,b\n1,\xE5") << ab << Records{} << Lines{}
                                             << QStringLiteral("Line 2: the bytes E5 are neither UTF-8 nor GB18030");
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,2\n\"open,3\nmore\n4,5\n") << ab << Records{{"1", "2"}}
                                        << Lines{2} << QStringLiteral("Line 3: a quoted field is not closed");
    QTest::newRow("unterminated quote without final break") << QByteArray("a,b\n1,\"2") << ab << Records{} << Lines{}
                                                            << QStringLiteral("Line 2: a quoted field is not closed");
    QTest::newRow("quote inside unquoted field") << QByteArray("a,b\nab\"c,1\n") << ab << Records{} << Lines{}
                                                 << QStringLiteral("Line 2: a quote (\") inside an unquoted field");
    QTest::newRow("text after closing quote") << QByteArray("a,b\n\"ab\"c,1\n") << ab << Records{} << Lines{}
                                              << QStringLiteral("Line 2: text after the closing quote");
    QTest::newRow("huge field") << (QByteArray("a,b\n1,2\n") + QByteArray(CsvReader::maxFieldLength + 1, 'x') + ",y\n")
                                << ab << Records{{"1", "2"}} << Lines{2}
                                << QStringLiteral("Line 3: a field is longer than 4096 characters");
    QTest::newRow("huge quoted field over several lines")
        << (QByteArray("a,b\n\"") + QByteArray(3000, 'x') + "\n" + QByteArray(3000, 'y') + "\"\n") << ab << Records{}
        << Lines{} << QStringLiteral("Line 3: a field is longer than 4096");
    QTest::newRow("quoted field of nothing but line breaks")
        << (QByteArray("a,b\n\"") + QByteArray(CsvReader::maxFieldLength + 10, '\n') + "\",y\n") << ab << Records{}
        << Lines{} << QStringLiteral("a field is longer than 4096");
    // Long lines are read in pieces of 4096 bytes: a line, and a field, must come out whole.
    QTest::newRow("line longer than a read piece")
        << (QByteArray("a,b,c\n") + QByteArray(3000, 'x') + "," + QByteArray(3000, 'y') + ",\"" + QByteArray(3000, 'z')
            + "\"\n1,2,3\n")
        << QStringList{"a", "b", "c"}
        << Records{{QString(3000, 'x'), QString(3000, 'y'), QString(3000, 'z')}, {"1", "2", "3"}} << Lines{2, 3}
        << QString();
    QTest::newRow("line break just past a read piece")
        << (QByteArray("a,b\n") + QByteArray(2000, 'x') + "," + QByteArray(2095, 'y') + "\n1,2\n") << ab
        << Records{{QString(2000, 'x'), QString(2095, 'y')}, {"1", "2"}} << Lines{2, 3} << QString();
    QTest::newRow("Chinese text cut across read pieces") // 1366 × 3 bytes: a character spans the 4096th byte
        << (QByteArray("a,b\n") + QString(1366, QChar(0x5F20)).toUtf8() + ",z\n") << ab
        << Records{{QString(1366, QChar(0x5F20)), "z"}} << Lines{2} << QString();
    QTest::newRow("quoted and plain fields mixed")
        << QByteArray("a,b,c,d\n\"say \"\"hi\"\"\",plain,\"x,y\",\n") << QStringList{"a", "b", "c", "d"}
        << Records{{"say \"hi\"", "plain", "x,y", ""}} << Lines{2} << QString();
    QTest::newRow("huge line without break") << (QByteArray("a,b\n") + QByteArray(2 * 1024 * 1024, 'z')) << ab
                                             << Records{} << Lines{} << QStringLiteral("Line 2: the line is too long");
}

void TestCsvReader::read()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<int>, lines);
    QFETCH(QString, error);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);

    QList<QStringList> gotRecords;
    QList<int> gotLines;
    if (reader.readHeader()) {
        QCOMPARE(reader.header(), header);
        QStringList fields;
        while (reader.readRecord(fields)) {
            gotRecords.append(fields);
            gotLines.append(reader.recordLine());
        }
    }
    if (error.isEmpty()) {
        QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
    } else {
        QVERIFY(reader.hasError());
        QVERIFY2(reader.error().contains(error), qPrintable(reader.error()));
    }
    QCOMPARE(gotRecords, records);
    QCOMPARE(gotLines, lines);

    // After an error or the end, the reader stays there.
    QStringList more;
    QVERIFY(!reader.readRecord(more));
    QVERIFY(more.isEmpty());
}

void TestCsvReader::fieldAtLimitIsAccepted()
{
    // Exactly maxFieldLength characters (three bytes each in UTF-8) is still a field.
    const QString longName(CsvReader::maxFieldLength, QChar(0x5F20)); // 张
    QByteArray input = "name\n\"" + longName.toUtf8() + "\"\n";
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY(reader.readHeader());
    QStringList fields;
    QVERIFY2(reader.readRecord(fields), qPrintable(reader.error()));
    QCOMPARE(fields, QStringList{longName});
}

// Which encoding a file is read in, decided from its bytes: valid UTF-8 is UTF-8, else GB18030
// when that reads it without error; the bytes neither reads, or a file that changes encoding
// part way, stop the reading at their line. Each row: bytes, the field of each record after the
// header (one column), the encoding, the error expected (part; empty = none).
void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<CsvEncoding>("encoding");
    QTest::addColumn<QString>("error");

    // 17 lines of 4000 characters: longer than the sample that decides the encoding.
    const QByteArray ascii64k = QByteArray(QByteArray(4000, 'x') + '\n').repeated(17);
    const QStringList asciiFields(17, QString(4000, QLatin1Char('x')));
    QTest::newRow("ASCII only") << QByteArray("name\nabc\n") << QStringList{"abc"} << CsvEncoding::Utf8 << QString();
    QTest::newRow("UTF-8") << QByteArray("name\n张三\n杭州\n") << QStringList{"张三", "杭州"} << CsvEncoding::Utf8
                           << QString();
    QTest::newRow("UTF-8 with BOM, CRLF")
        << QByteArray("\xEF\xBB\xBFname\r\n张三\r\n") << QStringList{"张三"} << CsvEncoding::Utf8WithBom << QString();
    QTest::newRow("BOM on an ASCII file")
        << QByteArray("\xEF\xBB\xBFname\nabc\n") << QStringList{"abc"} << CsvEncoding::Utf8WithBom << QString();
    QTest::newRow("GB18030, CRLF") // what iconv -t gb18030 makes of 张三, 杭州
        << QByteArray("name\r\n\xD5\xC5\xC8\xFD\r\n\xBA\xBC\xD6\xDD\r\n") << QStringList{"张三", "杭州"}
        << CsvEncoding::Gb18030 << QString();
    QTest::newRow("GB18030 four-byte sequences") // 𠀀 (beyond the BMP), 㐀, € and 龘
        << QByteArray("name\n\x95\x32\x82\x36\n\x81\x39\xEE\x39\n\xA2\xE3\n\xFD\x93\n")
        << QStringList{QStringLiteral("𠀀"), QStringLiteral("㐀"), QStringLiteral("€"), QStringLiteral("龘")}
        << CsvEncoding::Gb18030 << QString();
    QTest::newRow("GB18030 quoted with a line break")
        << QByteArray("name\n\"\xD5\xC5\n\xC8\xFD\"\n") << QStringList{"张\n三"} << CsvEncoding::Gb18030 << QString();
    QTest::newRow("GB18030 header") // 姓名
        << QByteArray("\xD0\xD5\xC3\xFB\nx\n") << QStringList{"x"} << CsvEncoding::Gb18030 << QString();
    QTest::newRow("ASCII past the sample, then GBK")
        << (QByteArray("name\n") + ascii64k + "\xD5\xC5\xC8\xFD\n")
        << (asciiFields + QStringList{QStringLiteral("张三")}) << CsvEncoding::Gb18030 << QString();
    QTest::newRow("UTF-8, then GBK past the sample")
        << (QByteArray("name\n张三\n") + ascii64k + "\xD5\xC5\xC8\xFD\n")
        << (QStringList{QStringLiteral("张三")} + asciiFields) << CsvEncoding::Utf8
        << QStringLiteral(
               "Line 20: the bytes D5 C5 C8 FD are not UTF-8 like the lines before them: the file mixes two encodings");
    QTest::newRow("GBK, then bytes neither reads")
        << QByteArray("name\n\xD5\xC5\n\xD5\xFF\n") << QStringList{"张"} << CsvEncoding::Gb18030
        << QStringLiteral("Line 3: the bytes D5 FF are neither UTF-8 nor GB18030");
    QTest::newRow("GBK cut short at the end")
        << QByteArray("name\n\xD5\xC5\n\xC8\xFD\xD5") << QStringList{"张"} << CsvEncoding::Gb18030
        << QStringLiteral("Line 3: the bytes D5 are neither UTF-8 nor GB18030");
    QTest::newRow("a lone byte 0x80") << QByteArray("name\nab\x80\n") << QStringList{} << CsvEncoding::Utf8
                                      << QStringLiteral("Line 2: the bytes 80 are neither UTF-8 nor GB18030");
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, fields);
    QFETCH(CsvEncoding, encoding);
    QFETCH(QString, error);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QVERIFY2(reader.readHeader(), qPrintable(reader.error()));
    QStringList got;
    QStringList record;
    while (reader.readRecord(record)) {
        QCOMPARE(record.size(), 1);
        got.append(record.constFirst());
    }
    QCOMPARE(got, fields);
    QCOMPARE(reader.encoding(), encoding);
    if (error.isEmpty())
        QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
    else
        QVERIFY2(reader.error().contains(error), qPrintable(reader.error()));
}

// The GB18030 decoder through each way it can work: Qt's ICU codec and glibc's iconv (used by a
// Qt built without ICU). Both must read the same text and refuse the same bytes.
void TestCsvReader::gb18030Decoder_data()
{
    QTest::addColumn<int>("backend");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text"); // when it decodes
    QTest::addColumn<int>("errorAt"); // -1: decodes
    QTest::addColumn<int>("errorLength");

    const struct
    {
        const char *name;
        QByteArray bytes;
        QString text;
        int errorAt;
        int errorLength;
    } cases[] = {
        {"ASCII", "a,b\r\n", QStringLiteral("a,b\r\n"), -1, 0},
        {"two-byte", "\xD5\xC5\xC8\xFD", QStringLiteral("张三"), -1, 0},
        {"four-byte, beyond the BMP", "\x95\x32\x82\x36", QStringLiteral("𠀀"), -1, 0},
        {"euro", "\xA2\xE3", QStringLiteral("€"), -1, 0},
        {"lone 0x80", "ab\x80", QString(), 2, 1},
        {"0xFF", "\xD5\xC5\xFF\xFE", QString(), 2, 2},
        {"lead byte before ASCII", "\xD5,", QString(), 0, 1},
        {"cut short", "a\xD5", QString(), 1, 1},
        {"four-byte cut short", "\x95\x32\x82", QString(), 0, 1},
    };
    for (int backend : {int(Gb18030Decoder::Backend::Automatic), int(Gb18030Decoder::Backend::Iconv)}) {
        for (const auto &c : cases)
            QTest::addRow("%s, %s", backend ? "iconv" : "ICU", c.name)
                << backend << c.bytes << c.text << c.errorAt << c.errorLength;
    }
}

void TestCsvReader::gb18030Decoder()
{
    QFETCH(int, backend);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(int, errorAt);
    QFETCH(int, errorLength);

    Gb18030Decoder decoder{Gb18030Decoder::Backend(backend)};
    QVERIFY(decoder.isValid());
    QString decoded;
    QCOMPARE(decoder.decode(bytes, decoded), errorAt < 0);
    if (errorAt < 0)
        QCOMPARE(decoded, text);
    qsizetype length = -1;
    QCOMPARE(decoder.errorAt(bytes, &length), qsizetype(errorAt));
    QCOMPARE(length, qsizetype(errorLength));
    // A refused sequence does not spoil the next line.
    QVERIFY(decoder.decode("\xD5\xC5", decoded));
    QCOMPARE(decoded, QStringLiteral("张"));
}

void TestCsvReader::noDeviceReadsNothing()
{
    CsvReader reader(nullptr);
    QVERIFY(!reader.readHeader());
    QVERIFY(reader.hasError());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
