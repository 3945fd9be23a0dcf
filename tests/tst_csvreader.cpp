#include <QBuffer>
#include <QTest>

#include "model/csv/CsvReader.h"

using gongji::CsvReader;

// RFC 4180 reading of the interchange files: each row is raw file bytes and what must come out.
class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void fieldAtLimitIsAccepted();
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

    QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                              << Records{{"1", "2"}, {"3", "4"}} << Lines{2, 3} << QString();
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab
                          << Records{{"1", "2"}, {"3", "4"}} << Lines{2, 3} << QString();
    QTest::newRow("no final line break") << QByteArray("a,b\n1,2") << ab << Records{{"1", "2"}}
                                         << Lines{2} << QString();
    QTest::newRow("BOM skipped") << QByteArray("\xEF\xBB\xBF" "a,b\n1,2\n") << ab
                                 << Records{{"1", "2"}} << Lines{2} << QString();
    QTest::newRow("empty lines skipped")
        << QByteArray("a,b\n\n1,2\n\r\n\n3,4\n\n") << ab << Records{{"1", "2"}, {"3", "4"}}
        << Lines{3, 6} << QString();
    QTest::newRow("empty lines before header")
        << QByteArray("\n\na,b\n1,2\n") << ab << Records{{"1", "2"}} << Lines{4} << QString();
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x,y\",z\n") << ab
                                  << Records{{"x,y", "z"}} << Lines{2} << QString();
    QTest::newRow("doubled quote") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                   << Records{{"say \"hi\"", "\""}} << Lines{2} << QString();
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n\"\",x,\n")
                                  << QStringList{"a", "b", "c"}
                                  << Records{{"", "", ""}, {"", "x", ""}} << Lines{2, 3}
                                  << QString();
    QTest::newRow("line break in quotes")
        << QByteArray("a,b\n\"first\nsecond\",x\n5,6\n") << ab
        << Records{{"first\nsecond", "x"}, {"5", "6"}} << Lines{2, 4} << QString();
    QTest::newRow("CRLF in quotes becomes LF")
        << QByteArray("a,b\r\n\"l1\r\n\r\nl3\",y\r\n7,8\r\n") << ab
        << Records{{"l1\n\nl3", "y"}, {"7", "8"}} << Lines{2, 5} << QString();
    QTest::newRow("Chinese text")
        << QByteArray("姓名,地区\n\"张三\",杭州\n") << QStringList{"姓名", "地区"}
        << Records{{"张三", "杭州"}} << Lines{2} << QString();
    QTest::newRow("spaces kept") << QByteArray("a,b\n 1 , 2\n") << ab << Records{{" 1 ", " 2"}}
                                 << Lines{2} << QString();

    QTest::newRow("empty file") << QByteArray() << QStringList() << Records{} << Lines{}
                                << QStringLiteral("no header row");
    QTest::newRow("only BOM and empty lines")
        << QByteArray("\xEF\xBB\xBF\n\r\n") << QStringList() << Records{} << Lines{}
        << QStringLiteral("no header row");
    QTest::newRow("invalid UTF-8 in a row")
        << QByteArray("a,b\n1,2\n\xC0\xC1,3\n4,5\n") << ab << Records{{"1", "2"}} << Lines{2}
        << QStringLiteral("Line 3: the file is not UTF-8; save it as UTF-8 CSV");
    QTest::newRow("GBK file") // 张三 in GBK, as a legacy Excel export writes it
        << QByteArray("a,b\n\xD5\xC5\xC8\xFD,1\n") << ab << Records{} << Lines{}
        << QStringLiteral("Line 2: the file is not UTF-8");
    QTest::newRow("invalid UTF-8 in header")
        << QByteArray("a\xFF,b\n1,2\n") << QStringList() << Records{} << Lines{}
        << QStringLiteral("Line 1: the file is not UTF-8");
    QTest::newRow("truncated UTF-8 at end")
        << QByteArray("a,b\n1,\xE5\xBC") << ab << Records{} << Lines{}
        << QStringLiteral("Line 2: the file is not UTF-8");
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,2\n\"open,3\nmore\n4,5\n") << ab << Records{{"1", "2"}}
        << Lines{2} << QStringLiteral("Line 3: a quoted field is not closed");
    QTest::newRow("unterminated quote without final break")
        << QByteArray("a,b\n1,\"2") << ab << Records{} << Lines{}
        << QStringLiteral("Line 2: a quoted field is not closed");
    QTest::newRow("quote inside unquoted field")
        << QByteArray("a,b\nab\"c,1\n") << ab << Records{} << Lines{}
        << QStringLiteral("Line 2: a quote (\") inside an unquoted field");
    QTest::newRow("text after closing quote")
        << QByteArray("a,b\n\"ab\"c,1\n") << ab << Records{} << Lines{}
        << QStringLiteral("Line 2: text after the closing quote");
    QTest::newRow("huge field")
        << (QByteArray("a,b\n1,2\n") + QByteArray(CsvReader::maxFieldLength + 1, 'x') + ",y\n")
        << ab << Records{{"1", "2"}} << Lines{2}
        << QStringLiteral("Line 3: a field is longer than 4096 characters");
    QTest::newRow("huge quoted field over several lines")
        << (QByteArray("a,b\n\"") + QByteArray(3000, 'x') + "\n" + QByteArray(3000, 'y') + "\"\n")
        << ab << Records{} << Lines{} << QStringLiteral("Line 3: a field is longer than 4096");
    QTest::newRow("quoted field of nothing but line breaks")
        << (QByteArray("a,b\n\"") + QByteArray(CsvReader::maxFieldLength + 10, '\n') + "\",y\n")
        << ab << Records{} << Lines{} << QStringLiteral("a field is longer than 4096");
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
    QTest::newRow("huge line without break")
        << (QByteArray("a,b\n") + QByteArray(2 * 1024 * 1024, 'z')) << ab << Records{}
        << Lines{} << QStringLiteral("Line 2: the line is too long");
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

void TestCsvReader::noDeviceReadsNothing()
{
    CsvReader reader(nullptr);
    QVERIFY(!reader.readHeader());
    QVERIFY(reader.hasError());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
