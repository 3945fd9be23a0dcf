#include <QFile>
#include <QSet>
#include <QTest>

#include "TestDatabase.h"
#include "model/filing/FilingBatch.h"
#include "model/storage/AuditLog.h"
#include "model/storage/Database.h"
#include "model/storage/WriteTransaction.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"

using namespace gongji;

// Batch intake of the filings CSV (docs/domain.md §10) in 杭州 330100, where the 浙江 rule set allows
// one authorizer per target.
class TestFilingBatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void verdicts_data();
    void verdicts();
    void dryRunWritesNothing();
    void commitGroupsRowsIntoFilings();
    void commitLeavesUnconfirmedWarningsOut();
    void commitWithAcceptedWarnings();
    void malformedRowStopsTheFile_data();
    void malformedRowStopsTheFile();
    void wrongHeaderNamesBoth();
    void busyDatabaseStoresNothing();
    void quotaColumn();
    void malformedQuotaStopsTheFile_data();
    void malformedQuotaStopsTheFile();

private:
    struct Resident
    {
        const char *key;
        const char *name;
        const char *insurance;
        QDate birth;
        int sequence;
    };
    static QList<Resident> residents();
    static QString number(const QString &key);
    static QString name(const QString &key);
    // One CSV row: authorizer and target by key (A, B, …).
    static QByteArray row(const char *authorizer, const char *target, const char *relationship,
                          const char *filedOn = "2025-06-01", const char *commitment = "yes");
    QString write(const QByteArray &rows, const QString &header = FilingBatch::expectedHeader());
    // A row of the file with the optional columns: 吴近 (南京, 5000.00 yuan) names target `key`
    // (杭州, another province) as child, with this quota ("" none).
    QByteArray nanjingRow(const char *target, const char *quota) const;
    Person m_nanjing;
    FilingBatch::Result run(const QByteArray &rows, bool commit, bool acceptWarnings = false);
    void expectNothingStored();

    TestDatabase *m_db = nullptr;
    qint64 m_auditBefore = 0;
};

QList<TestFilingBatch::Resident> TestFilingBatch::residents()
{
    return {
        {"A", "张伟", "310", QDate(1980, 3, 15), 123}, // authorizer
        {"B", "李娜", "310", QDate(1982, 7, 20), 246}, // second authorizer
        {"C", "张小明", "390", QDate(2010, 5, 1), 135}, // child
        {"D", "张小红", "390", QDate(2012, 8, 8), 246}, // child
        {"E", "王丽", "390", QDate(1981, 1, 1), 468}, // spouse
        {"F", "张大山", "390", QDate(1950, 2, 2), 111}, // parent
        {"P", "王芳", "310", QDate(1975, 9, 10), 222}, // "parent" only 5 years older: AGE_IMPLAUSIBLE
    };
}

QString TestFilingBatch::number(const QString &key)
{
    for (const Resident &r : residents())
        if (key == QLatin1String(r.key))
            return TestDatabase::residentId(QStringLiteral("330102"), r.birth, r.sequence);
    return TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 1, 1), 999); // not in the registry
}

QString TestFilingBatch::name(const QString &key)
{
    for (const Resident &r : residents())
        if (key == QLatin1String(r.key))
            return QString::fromUtf8(r.name);
    return QStringLiteral("无名");
}

QByteArray TestFilingBatch::row(const char *authorizer, const char *target, const char *relationship,
                                const char *filedOn, const char *commitment)
{
    const QString a = QLatin1String(authorizer);
    const QString t = QLatin1String(target);
    return QStringList{QStringLiteral("01"),
                       number(a),
                       name(a),
                       QStringLiteral("01"),
                       number(t),
                       name(t),
                       QLatin1String(relationship),
                       QLatin1String(filedOn),
                       QLatin1String(commitment)}
               .join(QLatin1Char(','))
               .toUtf8()
        + '\n';
}

void TestFilingBatch::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    for (const Resident &r : residents())
        m_db->addPerson(QString::fromUtf8(r.name), number(QLatin1String(r.key)), QLatin1String(r.insurance));
    m_nanjing = m_db->addPerson(QStringLiteral("吴近"),
                                TestDatabase::residentId(QStringLiteral("320102"), QDate(1975, 1, 1), 31),
                                QStringLiteral("310"), QStringLiteral("320100"));
    m_auditBefore = AuditLog(m_db->connection()).count();
}

void TestFilingBatch::cleanup()
{
    delete m_db;
    m_db = nullptr;
}

QString TestFilingBatch::write(const QByteArray &rows, const QString &header)
{
    const QString path = m_db->dir() + QStringLiteral("/filings.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(header.toUtf8() + "\r\n" + rows);
    return path;
}

FilingBatch::Result TestFilingBatch::run(const QByteArray &rows, bool commit, bool acceptWarnings)
{
    FilingBatch::Options options;
    options.commit = commit;
    options.acceptWarnings = acceptWarnings;
    options.clerk = QStringLiteral("tester");
    return FilingBatch(m_db->connection()).run(write(rows), options);
}

void TestFilingBatch::expectNothingStored()
{
    QCOMPARE(FilingStore(m_db->connection()).count(), 0);
    QCOMPARE(BindingStore(m_db->connection()).countActive(), 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore);
}

void TestFilingBatch::verdicts_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<bool>("acceptWarnings");
    QTest::addColumn<QStringList>("verdicts");
    QTest::addColumn<QStringList>("codes"); // per row, joined with '+'
    QTest::addColumn<QStringList>("warnings"); // per row, joined with '+'

    const QString accepted = QStringLiteral("accepted");
    const QString refused = QStringLiteral("refused");
    const QString confirm = QStringLiteral("needs_confirmation");

    QTest::newRow("second authorizer in a one-authorizer region")
        << (row("A", "C", "child") + row("B", "C", "child")) << false << QStringList{accepted, refused}
        << QStringList{"", "TARGET_BOUND_ELSEWHERE"} << QStringList{"", ""};
    QTest::newRow("same pair twice") << (row("A", "C", "child") + row("A", "C", "child", "2025-06-02")) << false
                                     << QStringList{accepted, refused} << QStringList{"", "ALREADY_BOUND"}
                                     << QStringList{"", ""};
    QTest::newRow("refused row does not count")
        << (row("A", "C", "child", "2025-06-01", "no") + row("B", "C", "child")) << false
        << QStringList{refused, accepted} << QStringList{"COMMITMENT_MISSING", ""} << QStringList{"", ""};
    QTest::newRow("unconfirmed row does not count")
        << (row("A", "P", "parent") + row("B", "P", "parent")) << false << QStringList{confirm, confirm}
        << QStringList{"", ""} << QStringList{"AGE_IMPLAUSIBLE", "AGE_IMPLAUSIBLE"};
    QTest::newRow("confirmed warning row counts")
        << (row("A", "P", "parent") + row("B", "P", "parent")) << true << QStringList{accepted, refused}
        << QStringList{"", "TARGET_BOUND_ELSEWHERE"} << QStringList{"AGE_IMPLAUSIBLE", "AGE_IMPLAUSIBLE"};
    QTest::newRow("registry refusals") << (row("C", "D", "sibling") + row("X", "D", "sibling") + row("A", "X", "child"))
                                       << false << QStringList{refused, refused, refused}
                                       << QStringList{"AUTHORIZER_NOT_EMPLOYEE", "PERSON_NOT_FOUND", "PERSON_NOT_FOUND"}
                                       << QStringList{"", "", ""};
    QTest::newRow("case-insensitive commitment") << row("A", "E", "spouse", "2025-06-01", "YES") << false
                                                 << QStringList{accepted} << QStringList{""} << QStringList{""};
}

void TestFilingBatch::verdicts()
{
    QFETCH(QByteArray, rows);
    QFETCH(bool, acceptWarnings);
    QFETCH(QStringList, verdicts);
    QFETCH(QStringList, codes);
    QFETCH(QStringList, warnings);

    const FilingBatch::Result result = run(rows, false, acceptWarnings);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    QCOMPARE(result.rows.size(), verdicts.size());
    for (int i = 0; i < result.rows.size(); ++i) {
        const FilingBatch::RowResult &r = result.rows.at(i);
        QCOMPARE(r.row, i + 1);
        QCOMPARE(r.line, i + 2);
        QCOMPARE(r.verdict, verdicts.at(i));
        QCOMPARE(r.codes.join(QLatin1Char('+')), codes.at(i));
        QCOMPARE(r.warnings.join(QLatin1Char('+')), warnings.at(i));
        QVERIFY(r.filingNumber.isEmpty());
    }
    expectNothingStored();
}

void TestFilingBatch::dryRunWritesNothing()
{
    const FilingBatch::Result result = run(row("A", "C", "child") + row("A", "E", "spouse"), false);
    QVERIFY(result.ok);
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).verdict, QStringLiteral("accepted"));
    QCOMPARE(result.rows.at(1).verdict, QStringLiteral("accepted"));
    expectNothingStored();
    // Running it again gives the same verdicts: the first run left no binding behind.
    const FilingBatch::Result again = run(row("A", "C", "child") + row("A", "E", "spouse"), false);
    QCOMPARE(again.rows.at(0).verdict, QStringLiteral("accepted"));
}

void TestFilingBatch::commitGroupsRowsIntoFilings()
{
    // A's rows of 06-01 form one filing though B's row lies between them; A's row of 06-02 is
    // another filing; B's row of 06-01 a third. The refused row is not stored.
    const QByteArray rows = row("A", "C", "child") + row("B", "D", "child") + row("A", "E", "spouse")
        + row("A", "F", "parent", "2025-06-02") + row("B", "C", "child");
    const FilingBatch::Result result = run(rows, true);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    QCOMPARE(result.rows.size(), 5);
    QStringList numbers;
    for (const FilingBatch::RowResult &r : result.rows)
        numbers.append(r.filingNumber);
    QCOMPARE(result.rows.at(4).verdict, QStringLiteral("refused"));
    QCOMPARE(result.rows.at(4).codes, QStringList{QStringLiteral("TARGET_BOUND_ELSEWHERE")});
    QVERIFY(numbers.at(4).isEmpty());
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(result.rows.at(i).verdict, QStringLiteral("accepted"));
        QVERIFY2(numbers.at(i).startsWith(QStringLiteral("GJ")), qPrintable(numbers.at(i)));
    }
    QCOMPARE(numbers.at(0), numbers.at(2));
    QCOMPARE(QSet<QString>(numbers.begin(), numbers.begin() + 4).size(), 3);

    FilingStore filings(m_db->connection());
    QCOMPARE(filings.count(), 3);
    const std::optional<Filing> first = filings.findByNumber(numbers.at(0));
    QVERIFY(first);
    QCOMPARE(first->channel, QStringLiteral("batch"));
    QCOMPARE(first->clerk, QStringLiteral("tester"));
    QCOMPARE(first->effectiveOn, QDate(2025, 6, 1));
    QCOMPARE(BindingStore(m_db->connection()).byFiling(first->id).size(), 2);
    QCOMPARE(filings.findByNumber(numbers.at(3))->effectiveOn, QDate(2025, 6, 2));
    QCOMPARE(BindingStore(m_db->connection()).countActive(), 4);

    // The same file again: every row is now refused by what the first run stored.
    const FilingBatch::Result again = run(rows, true);
    QVERIFY(again.ok);
    for (const FilingBatch::RowResult &r : again.rows) {
        QCOMPARE(r.verdict, QStringLiteral("refused"));
        QVERIFY(r.filingNumber.isEmpty());
    }
    QCOMPARE(filings.count(), 3);
}

void TestFilingBatch::commitLeavesUnconfirmedWarningsOut()
{
    const FilingBatch::Result result = run(row("A", "P", "parent") + row("A", "C", "child"), true);
    QVERIFY(result.ok);
    QCOMPARE(result.rows.at(0).verdict, QStringLiteral("needs_confirmation"));
    QVERIFY(result.rows.at(0).filingNumber.isEmpty());
    QCOMPARE(result.rows.at(1).verdict, QStringLiteral("accepted"));
    QVERIFY(!result.rows.at(1).filingNumber.isEmpty());
    QCOMPARE(FilingStore(m_db->connection()).count(), 1);
    QCOMPARE(BindingStore(m_db->connection()).countActive(), 1);
}

void TestFilingBatch::commitWithAcceptedWarnings()
{
    const FilingBatch::Result result = run(row("A", "P", "parent") + row("A", "C", "child"), true, true);
    QVERIFY(result.ok);
    QCOMPARE(result.rows.at(0).verdict, QStringLiteral("accepted"));
    QCOMPARE(result.rows.at(0).warnings, QStringList{QStringLiteral("AGE_IMPLAUSIBLE")});
    QVERIFY(!result.rows.at(0).filingNumber.isEmpty());
    QCOMPARE(result.rows.at(0).filingNumber, result.rows.at(1).filingNumber);
    const std::optional<Filing> filing = FilingStore(m_db->connection()).findByNumber(result.rows.at(0).filingNumber);
    QVERIFY(filing);
    const QList<MutualAidBinding> bindings = BindingStore(m_db->connection()).byFiling(filing->id);
    QCOMPARE(bindings.size(), 2);
    QVERIFY(bindings.at(0).ageWarningConfirmed); // the confirmed warning is on record
    QVERIFY(!bindings.at(1).ageWarningConfirmed); // nothing to confirm for the child
}

void TestFilingBatch::malformedRowStopsTheFile_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("message");

    QByteArray shortRow = row("A", "E", "spouse");
    shortRow.chop(5); // ",yes\n" gone
    shortRow += '\n';
    QTest::newRow("missing column") << shortRow << QStringLiteral("line 3: expected 9 columns, found 8");
    QTest::newRow("bad date") << row("A", "E", "spouse", "2025-02-30")
                              << QStringLiteral("line 3: filed_on \"2025-02-30\"");
    QTest::newRow("date format") << row("A", "E", "spouse", "2025/06/01") << QStringLiteral("line 3: filed_on");
    QTest::newRow("future date") << row("A", "E", "spouse", "2999-01-01") << QStringLiteral("is in the future");
    QTest::newRow("commitment") << row("A", "E", "spouse", "2025-06-01", "signed")
                                << QStringLiteral("line 3: commitment must be yes or no, found \"signed\"");
    QTest::newRow("relationship") << row("A", "E", "wife") << QStringLiteral("line 3: unknown relationship \"wife\"");
    QTest::newRow("empty name") << QByteArray("01,") + number(QStringLiteral("A")).toUtf8() + ",,01,"
            + number(QStringLiteral("E")).toUtf8() + ",王丽,spouse,2025-06-01,yes\n"
                                << QStringLiteral("line 3: authorizer_name is empty");
    QTest::newRow("unclosed quote") << QByteArray("01,\"") + number(QStringLiteral("A")).toUtf8() + ",x\n"
                                    << QStringLiteral("Line 3: a quoted field is not closed");
}

void TestFilingBatch::malformedRowStopsTheFile()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, message);
    // The good first row is not stored either, even with commit.
    const FilingBatch::Result result = run(row("A", "C", "child") + bad + row("A", "F", "parent"), true);
    QVERIFY(!result.ok);
    QVERIFY2(result.fileError.contains(message), qPrintable(result.fileError));
    QVERIFY(result.rows.isEmpty());
    expectNothingStored();
}

void TestFilingBatch::wrongHeaderNamesBoth()
{
    QFile file(m_db->dir() + QStringLiteral("/registry.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,id_type,id_number\n张伟,01,x\n");
    file.close();
    const FilingBatch::Result result = FilingBatch(m_db->connection()).run(file.fileName(), FilingBatch::Options());
    QVERIFY(!result.ok);
    QVERIFY(result.fileError.contains(FilingBatch::expectedHeader()));
    QVERIFY(result.fileError.contains(QStringLiteral("name,id_type,id_number")));
    expectNothingStored();
}

void TestFilingBatch::busyDatabaseStoresNothing()
{
    // Another counter holds the write lock past the busy timeout: the rows were checked, none is
    // stored, and the result says storing failed.
    const QString other = QStringLiteral("other-counter");
    QVERIFY(Database::open(m_db->path(), other).ok);
    {
        WriteTransaction lock(other);
        const FilingBatch::Result result = run(row("A", "C", "child") + row("B", "D", "child"), true);
        QVERIFY(!result.ok);
        QVERIFY(!result.fileError.isEmpty());
        QCOMPARE(result.rows.size(), 2);
        for (const FilingBatch::RowResult &r : result.rows) {
            QCOMPARE(r.verdict, QStringLiteral("accepted"));
            QVERIFY(r.filingNumber.isEmpty());
        }
    }
    Database::close(other);
    expectNothingStored();
}

QByteArray TestFilingBatch::nanjingRow(const char *target, const char *quota) const
{
    const QString t = QLatin1String(target);
    return QStringList{QStringLiteral("01"),
                       m_nanjing.idNumber,
                       m_nanjing.name,
                       QStringLiteral("01"),
                       number(t),
                       name(t),
                       QStringLiteral("child"),
                       QStringLiteral("2026-06-01"),
                       QStringLiteral("yes"),
                       QString(),
                       QString::fromUtf8(quota)}
               .join(QLatin1Char(','))
               .toUtf8()
        + '\n';
}

// The optional quota column (共济额度): 南京 falls under the national cross-province set, so the
// 杭州 children need a quota; 5000.00 yuan are free. Rows of one authorizer and date are one
// filing, and each sees the quotas of the earlier ones.
void TestFilingBatch::quotaColumn()
{
    const QByteArray rows
        = nanjingRow("C", "") + nanjingRow("C", "1500.5") + nanjingRow("D", "3499.51") + nanjingRow("D", "3499.50");
    FilingBatch::Options options;
    options.commit = true;
    options.clerk = QStringLiteral("tester");
    const FilingBatch::Result result
        = FilingBatch(m_db->connection()).run(write(rows, FilingBatch::extendedHeader()), options);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    QCOMPARE(result.rows.size(), 4);
    QCOMPARE(result.rows.at(0).codes, QStringList{"QUOTA_REQUIRED"});
    QCOMPARE(result.rows.at(1).verdict, QStringLiteral("accepted"));
    QCOMPARE(result.rows.at(2).codes, QStringList{"QUOTA_EXCEEDS_BALANCE"});
    QCOMPARE(result.rows.at(3).verdict, QStringLiteral("accepted"));
    QVERIFY(!result.rows.at(1).filingNumber.isEmpty());
    QCOMPARE(result.rows.at(3).filingNumber, result.rows.at(1).filingNumber);
    BindingStore bindings(m_db->connection());
    QList<qint64> quotas;
    for (const MutualAidBinding &b : bindings.activeByAuthorizer(m_nanjing.id))
        quotas << b.quotaFen.value_or(-1);
    QCOMPARE(quotas, (QList<qint64>{150050, 349950}));
    QCOMPARE(bindings.quotaSetAside(m_nanjing.id), qint64(500000)); // the whole balance, to the fen
}

void TestFilingBatch::malformedQuotaStopsTheFile_data()
{
    QTest::addColumn<QByteArray>("quota");
    QTest::newRow("thousands separator") << QByteArray("\"1,000\"");
    QTest::newRow("three decimals") << QByteArray("10.001");
    QTest::newRow("negative") << QByteArray("-5");
    QTest::newRow("comma decimal") << QByteArray("\"10,5\"");
    QTest::newRow("word") << QByteArray("abc");
}

void TestFilingBatch::malformedQuotaStopsTheFile()
{
    QFETCH(QByteArray, quota);
    QByteArray bad = nanjingRow("D", "");
    bad.chop(1);
    bad += quota + '\n';
    FilingBatch::Options options;
    options.commit = true;
    options.clerk = QStringLiteral("tester");
    const FilingBatch::Result result
        = FilingBatch(m_db->connection())
              .run(write(nanjingRow("C", "100") + bad, FilingBatch::extendedHeader()), options);
    QVERIFY(!result.ok);
    const QString shown = QString::fromUtf8(quota).remove(QLatin1Char('"'));
    QVERIFY2(result.fileError.contains(QStringLiteral("line 3: quota \"%1\" (column 11)").arg(shown)),
             qPrintable(result.fileError));
    QVERIFY(result.rows.isEmpty());
    expectNothingStored();
}

QTEST_GUILESS_MAIN(TestFilingBatch)
#include "tst_filingbatch.moc"
