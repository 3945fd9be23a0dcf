// Batch intake of kinship-account bindings (亲情账户, docs/domain.md §8) from CSV: verdicts in file order
// with earlier accepted rows counted, commit through KinshipSubmission, malformed files refused.
#include <QFile>
#include <QProcess>
#include <QTest>

#include "TestDatabase.h"
#include "model/kinship/KinshipBatch.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/storage/AuditLog.h"
#include "model/storage/Database.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

class TestKinshipBatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void verdicts_data();
    void verdicts();
    void dryRunWritesNothing();
    void gb18030FileGetsTheSameVerdicts();
    void commitStoresAcceptedRows();
    void malformedRowStopsTheFile_data();
    void malformedRowStopsTheFile();
    void wrongHeaderNamesBoth();
    void busyDatabaseStoresNothing();

private:
    struct Resident
    {
        QByteArray key;
        QString name;
        QDate birth;
        int sequence;
    };
    static QList<Resident> residents();
    static Resident resident(const char *key);
    static QString number(const char *key);
    // One CSV row: holder and member by key.
    static QByteArray row(const char *holder, const char *member, const char *face = "yes",
                          const char *householdRegister = "no", const char *relationship = "child",
                          const char *filedOn = nullptr);
    QString write(const QByteArray &rows) const;
    KinshipBatch::Result run(const QByteArray &rows, bool commit) const;
    int activeMembersOf(const char *holder) const;

    std::unique_ptr<TestDatabase> m_db;
    QHash<QString, Person> m_people;
    qint64 m_auditBefore = 0;
};

QList<TestKinshipBatch::Resident> TestKinshipBatch::residents()
{
    const QDate today = QDate::currentDate();
    QList<Resident> list{
        {"H", QStringLiteral("王建国"), QDate(1970, 3, 15), 11}, // holder
        {"G", QStringLiteral("李秀英"), QDate(1972, 6, 1), 22}, // a second holder
        {"A", QStringLiteral("王小明"), QDate(2000, 9, 1), 31}, // adult member
        {"C", QStringLiteral("王小宝"), today.addYears(-10), 41}, // child member
        {"S", QStringLiteral("王十六"), today.addYears(-16), 51}, // 16 today
        {"F", QStringLiteral("李满"), QDate(1960, 1, 1), 71}, // holder with four members stored
    };
    for (int i = 0; i < 4; ++i)
        list.append(
            {QByteArray("m") + QByteArray::number(i), QStringLiteral("成员%1").arg(i), QDate(1990 + i, 1, 1), 81 + i});
    return list;
}

// Data rows are built before init(), so people are known by key without the database; "X" is
// nobody in the registry.
TestKinshipBatch::Resident TestKinshipBatch::resident(const char *key)
{
    for (const Resident &r : residents())
        if (r.key == key)
            return r;
    return {"X", QStringLiteral("无名"), QDate(1991, 1, 1), 5};
}

QString TestKinshipBatch::number(const char *key)
{
    const Resident r = resident(key);
    return TestDatabase::residentId(QStringLiteral("330102"), r.birth, r.sequence);
}

void TestKinshipBatch::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_people.clear();
    for (const Resident &r : residents())
        m_people.insert(QString::fromLatin1(r.key),
                        m_db->addPerson(r.name, number(r.key.constData()), QStringLiteral("390")));
    for (int i = 0; i < 4; ++i) {
        KinshipDraft draft;
        draft.holderIdType = draft.memberIdType = QStringLiteral("01");
        draft.holderIdNumber = number("F");
        const QByteArray member = "m" + QByteArray::number(i);
        draft.memberIdNumber = number(member.constData());
        draft.relationship = QStringLiteral("other");
        draft.faceVerified = true;
        draft.filedOn = QDate::currentDate();
        draft.clerk = QStringLiteral("tester");
        QVERIFY(KinshipSubmission(m_db->connection()).submit(draft).stored());
    }
    m_auditBefore = AuditLog(m_db->connection()).count();
}

void TestKinshipBatch::cleanup() { m_db.reset(); }

QByteArray TestKinshipBatch::row(const char *holder, const char *member, const char *face,
                                 const char *householdRegister, const char *relationship, const char *filedOn)
{
    auto side = [](const char *key) { return QStringList{QStringLiteral("01"), number(key), resident(key).name}; };
    const QString date = filedOn ? QLatin1String(filedOn) : QDate::currentDate().toString(Qt::ISODate);
    return (side(holder) + side(member)
            + QStringList{QLatin1String(relationship), date, QLatin1String(face), QLatin1String(householdRegister)})
               .join(QLatin1Char(','))
               .toUtf8()
        + '\n';
}

QString TestKinshipBatch::write(const QByteArray &rows) const
{
    const QString path = m_db->dir() + QStringLiteral("/kinship.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(KinshipBatch::expectedHeader().toUtf8() + "\r\n" + rows);
    return path;
}

KinshipBatch::Result TestKinshipBatch::run(const QByteArray &rows, bool commit) const
{
    KinshipBatch::Options options;
    options.commit = commit;
    options.clerk = QStringLiteral("tester");
    return KinshipBatch(m_db->connection()).run(write(rows), options);
}

int TestKinshipBatch::activeMembersOf(const char *holder) const
{
    return KinshipStore(m_db->connection()).activeByHolder(m_people.value(QLatin1String(holder)).id).size();
}

void TestKinshipBatch::verdicts_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QStringList>("codes"); // per row, joined with '+'; empty: accepted

    QTest::newRow("adult and child") << (row("H", "A") + row("H", "C", "no", "yes")) << QStringList{"", ""};
    QTest::newRow("same pair twice in the file") << (row("H", "A") + row("H", "A")) << QStringList{"", "ALREADY_BOUND"};
    QTest::newRow("several holders for one member") << (row("H", "A") + row("G", "A")) << QStringList{"", ""};
    QTest::newRow("fifth member from the file fills the account")
        << (row("F", "A") + row("F", "C", "no", "yes")) << QStringList{"", "HOLDER_MEMBER_LIMIT"};
    QTest::newRow("refused row does not count")
        << (row("F", "S", "no") + row("F", "A")) << QStringList{"FACE_VERIFICATION_REQUIRED", ""};
    QTest::newRow("child without household register")
        << row("H", "C", "yes", "no") << QStringList{"HOUSEHOLD_REGISTER_REQUIRED"};
    QTest::newRow("registry refusals") << (row("X", "A") + row("H", "X") + row("H", "H"))
                                       << QStringList{"PERSON_NOT_FOUND", "PERSON_NOT_FOUND", "SELF_BINDING"};
    QByteArray wrongName = row("H", "A");
    wrongName.replace(QStringLiteral("王小明").toUtf8(), QStringLiteral("王晓明").toUtf8());
    QTest::newRow("name mismatch") << wrongName << QStringList{"NAME_MISMATCH"};
    QTest::newRow("flags in capitals") << row("H", "C", "NO", "Yes") << QStringList{""};
}

void TestKinshipBatch::verdicts()
{
    QFETCH(QByteArray, rows);
    QFETCH(QStringList, codes);

    const KinshipBatch::Result result = run(rows, false);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    QCOMPARE(result.rows.size(), codes.size());
    for (int i = 0; i < result.rows.size(); ++i) {
        const KinshipBatch::RowResult &r = result.rows.at(i);
        QCOMPARE(r.row, i + 1);
        QCOMPARE(r.line, i + 2);
        QCOMPARE(r.codes.join(QLatin1Char('+')), codes.at(i));
        QCOMPARE(r.verdict, codes.at(i).isEmpty() ? QStringLiteral("accepted") : QStringLiteral("refused"));
        QVERIFY(r.bindingNumber.isEmpty());
    }
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore);
}

void TestKinshipBatch::dryRunWritesNothing()
{
    const QByteArray rows = row("H", "A") + row("H", "C", "no", "yes");
    for (int pass = 0; pass < 2; ++pass) {
        const KinshipBatch::Result result = run(rows, false);
        QVERIFY(result.ok);
        QCOMPARE(result.rows.at(0).verdict, QStringLiteral("accepted"));
        QCOMPARE(result.rows.at(1).verdict, QStringLiteral("accepted"));
    }
    QCOMPARE(activeMembersOf("H"), 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore);
}

// The file as Excel on Chinese Windows saves it: converted by iconv, it is read as GB18030 and
// gets the verdicts the UTF-8 file gets (names compared with the registry included).
void TestKinshipBatch::gb18030FileGetsTheSameVerdicts()
{
    QByteArray wrongName = row("H", "A");
    wrongName.replace(QStringLiteral("王小明").toUtf8(), QStringLiteral("王晓明").toUtf8());
    const QByteArray rows = row("H", "A") + row("H", "C", "no", "yes") + wrongName + row("F", "S", "no");
    const KinshipBatch::Result utf8 = run(rows, false);
    QVERIFY2(utf8.ok, qPrintable(utf8.fileError));
    QCOMPARE(utf8.encoding, QStringLiteral("UTF-8"));

    QProcess iconv;
    iconv.start(QStringLiteral("iconv"),
                {QStringLiteral("-f"), QStringLiteral("utf-8"), QStringLiteral("-t"), QStringLiteral("gb18030")});
    QVERIFY(iconv.waitForStarted());
    iconv.write(rows);
    iconv.closeWriteChannel();
    QVERIFY(iconv.waitForFinished());
    QCOMPARE(iconv.exitCode(), 0);
    const QByteArray gb18030 = iconv.readAllStandardOutput();
    QVERIFY(gb18030 != rows);

    const KinshipBatch::Result converted = run(gb18030, false);
    QVERIFY2(converted.ok, qPrintable(converted.fileError));
    QCOMPARE(converted.encoding, QStringLiteral("GB18030 (GBK)"));
    QCOMPARE(converted.rows.size(), utf8.rows.size());
    for (int i = 0; i < utf8.rows.size(); ++i)
        QCOMPARE(converted.rows.at(i).codes, utf8.rows.at(i).codes);
    QVERIFY(utf8.rows.at(2).codes.contains(QStringLiteral("NAME_MISMATCH")));
}

void TestKinshipBatch::commitStoresAcceptedRows()
{
    const QByteArray rows = row("H", "A") + row("H", "C", "no", "no") + row("H", "C", "no", "yes") + row("G", "A");
    const KinshipBatch::Result result = run(rows, true);
    QVERIFY2(result.ok, qPrintable(result.fileError));
    QCOMPARE(result.rows.size(), 4);
    QCOMPARE(result.rows.at(1).codes, QStringList{QStringLiteral("HOUSEHOLD_REGISTER_REQUIRED")});
    QVERIFY(result.rows.at(1).bindingNumber.isEmpty());
    QStringList numbers;
    for (int i : {0, 2, 3}) {
        QCOMPARE(result.rows.at(i).verdict, QStringLiteral("accepted"));
        QVERIFY2(result.rows.at(i).bindingNumber.startsWith(QStringLiteral("QQ")),
                 qPrintable(result.rows.at(i).bindingNumber));
        numbers.append(result.rows.at(i).bindingNumber);
    }
    QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), 3); // one binding per row
    QCOMPARE(activeMembersOf("H"), 2);
    QCOMPARE(activeMembersOf("G"), 1);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore + 3);

    const std::optional<KinshipBinding> stored = KinshipStore(m_db->connection()).findByNumber(numbers.at(1));
    QVERIFY(stored);
    QCOMPARE(stored->memberId, m_people.value(QStringLiteral("C")).id);
    QCOMPARE(stored->channel, QStringLiteral("batch"));
    QCOMPARE(stored->clerk, QStringLiteral("tester"));
    QVERIFY(!stored->faceVerified);
    QVERIFY(stored->householdRegisterSeen);

    // The same file again: the stored rows are now ALREADY_BOUND, nothing more is stored.
    const KinshipBatch::Result again = run(rows, true);
    QVERIFY(again.ok);
    for (int i : {0, 2, 3})
        QCOMPARE(again.rows.at(i).codes, QStringList{QStringLiteral("ALREADY_BOUND")});
    for (const KinshipBatch::RowResult &r : again.rows)
        QVERIFY(r.bindingNumber.isEmpty());
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore + 3);
}

void TestKinshipBatch::malformedRowStopsTheFile_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("message");

    QByteArray shortRow = row("H", "C");
    shortRow.chop(4); // ",no\n" gone
    shortRow += '\n';
    QTest::newRow("missing column") << shortRow << QStringLiteral("line 3: expected 10 columns, found 9");
    QTest::newRow("bad date") << row("H", "C", "yes", "yes", "child", "2025-02-30")
                              << QStringLiteral("line 3: filed_on \"2025-02-30\" is not a real date");
    QTest::newRow("future date") << row("H", "C", "yes", "yes", "child", "2999-01-01")
                                 << QStringLiteral("line 3: filed_on 2999-01-01 is in the future");
    QTest::newRow("face flag") << row("H", "C", "done")
                               << QStringLiteral("line 3: face_verified must be yes or no, found \"done\"");
    QTest::newRow("register flag") << row("H", "C", "no", "1")
                                   << QStringLiteral("line 3: household_register_seen must be yes or no, found \"1\"");
    QTest::newRow("relationship") << row("H", "C", "no", "yes", "son")
                                  << QStringLiteral("line 3: unknown relationship \"son\"");
    QByteArray noName = row("H", "C", "no", "yes");
    noName.replace(QStringLiteral(",王小宝,").toUtf8(), ",,");
    QTest::newRow("empty member name") << noName << QStringLiteral("line 3: member_name is empty");
    QTest::newRow("unclosed quote") << QByteArray("01,\"330102,x\n")
                                    << QStringLiteral("Line 3: a quoted field is not closed");
}

void TestKinshipBatch::malformedRowStopsTheFile()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, message);
    // The good rows around it are not stored either, even with commit.
    const KinshipBatch::Result result = run(row("H", "A") + bad + row("G", "A"), true);
    QVERIFY(!result.ok);
    QVERIFY2(result.fileError.contains(message), qPrintable(result.fileError));
    QVERIFY(result.rows.isEmpty());
    QCOMPARE(activeMembersOf("H"), 0);
    QCOMPARE(activeMembersOf("G"), 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore);
}

void TestKinshipBatch::wrongHeaderNamesBoth()
{
    const QString path = m_db->dir() + QStringLiteral("/filings.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("authorizer_id_type,authorizer_id_number,authorizer_name\n01,x,张伟\n");
    file.close();
    const KinshipBatch::Result result = KinshipBatch(m_db->connection()).run(path, KinshipBatch::Options());
    QVERIFY(!result.ok);
    QVERIFY(result.fileError.contains(QStringLiteral("Expected: ") + KinshipBatch::expectedHeader()));
    QVERIFY(
        result.fileError.contains(QStringLiteral("Found:    authorizer_id_type,authorizer_id_number,authorizer_name")));
    QVERIFY(result.rows.isEmpty());

    const KinshipBatch::Result missing = KinshipBatch(m_db->connection()).run(path + QStringLiteral(".nope"), {});
    QVERIFY(!missing.ok);
    QVERIFY2(missing.fileError.startsWith(QStringLiteral("Cannot read ")), qPrintable(missing.fileError));
}

void TestKinshipBatch::busyDatabaseStoresNothing()
{
    // Another counter holds the write lock past the busy timeout: the rows were checked, none is
    // stored, and the result says storing failed.
    const QString other = QStringLiteral("other-counter");
    QVERIFY(Database::open(m_db->path(), other).ok);
    {
        WriteTransaction lock(other);
        const KinshipBatch::Result result = run(row("H", "A") + row("G", "A"), true);
        QVERIFY(!result.ok);
        QVERIFY(!result.fileError.isEmpty());
        QCOMPARE(result.rows.size(), 2);
        for (const KinshipBatch::RowResult &r : result.rows) {
            QCOMPARE(r.verdict, QStringLiteral("accepted"));
            QVERIFY(r.bindingNumber.isEmpty());
        }
    }
    Database::close(other);
    QCOMPARE(activeMembersOf("H"), 0);
    QCOMPARE(activeMembersOf("G"), 0);
    QCOMPARE(AuditLog(m_db->connection()).count(), m_auditBefore);
}

QTEST_GUILESS_MAIN(TestKinshipBatch)
#include "tst_kinshipbatch.moc"
