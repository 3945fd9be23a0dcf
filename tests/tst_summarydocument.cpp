// Printed confirmation summaries, read back from the PDF the way a person or a scanner would:
// pdftotext for the text, pdftoppm + ZXing for the QR code.
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextDocument>
#include <QtTest>

#define ZX_USE_UTF8 // ZXing 1.4: text() as UTF-8 std::string
#include <ZXing/ReadBarcode.h>

#include "AdminCli.h"
#include "TestDatabase.h"
#include "model/domain/IdNumber.h"
#include "model/filing/BindingRevocation.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/printing/KinshipSummary.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/QrCode.h"
#include "model/printing/RevocationSummary.h"
#include "model/printing/SummaryDocument.h"
#include "model/printing/SummaryHtml.h"
#include "model/printing/SummaryPdf.h"
#include "model/printing/SummaryPrintJob.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/KinshipStore.h"

using namespace gongji;

namespace {
const QString filingTitle = QStringLiteral("个人账户家庭共济备案确认单");
const QString revocationTitle = QStringLiteral("个人账户家庭共济解除确认单");
const QString kinshipTitle = QStringLiteral("医保亲情账户绑定确认单");
} // namespace

class TestSummaryDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void qrCodeDecodes();
    void oneTargetPdf();
    void manyTargetsFlowOntoSecondPage();
    void reprintIsMarkedAndEveryPrintAudited();
    void printJobRecordsOnlyWhatItCanPrint();
    void revocationSummary();
    void revocationOfActiveBindingIsRefused();
    void englishSummary();
    void periodIsPrinted();
    void kinshipSummaryThenReprint();
    void kinshipSummaryEnglishAndRefusals();
    void kinshipFromTheCommandLine();
    void unknownFilingIsRefused();
    void translationFileMatchesTable();

private:
    QString submit(const QList<Person> &targets, const QList<QString> &relationships);
    QString bindKinship(const Person &holder, const Person &member, const QString &relationship);
    QString writePdf(const PrintableSummary &summary, const QString &name);
    static QString run(const QString &program, const QStringList &arguments);
    static QString pdfText(const QString &pdf, int page = 0);
    static int pdfPages(const QString &pdf);
    static QStringList pdfFonts(const QString &pdf);
    static QString decodeQr(const QImage &image);
    // pdftotext puts spaces of its own between glyphs: compare phrases without any.
    static QString squeezed(QString text) { return text.remove(QRegularExpression(QStringLiteral("\\s"))); }
    static QString qrOnPage(const QString &pdf, int page);
    void verifyCleanText(const QString &text, const QList<Person> &people);

    std::unique_ptr<TestDatabase> m_db;
    OfficeInfo m_office{QStringLiteral("杭州市医疗保障服务中心"), QStringLiteral("杭州市上城区解放东路18号"),
                        QStringLiteral("3号窗口")};
    Person m_authorizer;
    QList<Person> m_relatives;
};

void TestSummaryDocument::initTestCase()
{
    for (const QString &tool : {QStringLiteral("pdftotext"), QStringLiteral("pdftoppm"), QStringLiteral("pdfinfo"),
                                QStringLiteral("pdffonts")}) {
        QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                 qPrintable(tool + QStringLiteral(" is missing: install poppler-utils")));
    }
}

void TestSummaryDocument::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_authorizer
        = m_db->addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1960, 3, 15), 11));
    // 人 and 入 are among the characters Noto CJK turns into Kangxi radicals.
    const QStringList names
        = {QStringLiteral("李人美"), QStringLiteral("王小明"), QStringLiteral("王小红"), QStringLiteral("王入学"),
           QStringLiteral("王立群"), QStringLiteral("王晓燕"), QStringLiteral("王海涛"), QStringLiteral("王丽娟"),
           QStringLiteral("王志强"), QStringLiteral("王春梅"), QStringLiteral("王国庆"), QStringLiteral("王秀兰"),
           QStringLiteral("王建华"), QStringLiteral("王玉珍"), QStringLiteral("王文斌"), QStringLiteral("王雪梅"),
           QStringLiteral("王德胜"), QStringLiteral("王凤英"), QStringLiteral("王子豪"), QStringLiteral("王雨欣")};
    m_relatives.clear();
    for (int i = 0; i < names.size(); ++i) {
        // First the spouse, then children (at least 14 years younger), all in 330100.
        const QDate birth = i == 0 ? QDate(1962, 5, 1) : QDate(1985 + i, 1 + i % 12, 10);
        m_relatives.append(m_db->addPerson(names.at(i), TestDatabase::residentId("330102", birth, 20 + i),
                                           i % 2 ? QStringLiteral("390") : QStringLiteral("310")));
    }
}

void TestSummaryDocument::cleanup() { m_db.reset(); }

QString TestSummaryDocument::submit(const QList<Person> &targets, const QList<QString> &relationships)
{
    FilingDraft draft;
    draft.authorizerIdType = m_authorizer.idType;
    draft.authorizerIdNumber = m_authorizer.idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("2026-01");
    draft.commitmentAt = QDateTime::currentDateTimeUtc();
    draft.filedOn = QDate::currentDate();
    draft.clerk = QStringLiteral("tester");
    for (int i = 0; i < targets.size(); ++i) {
        const QString relationship = relationships.at(i);
        const QStringList proofs = relationship == QLatin1String("spouse")
            ? QStringList{QStringLiteral("marriage_certificate")}
            : QStringList{QStringLiteral("household_register"), QStringLiteral("birth_certificate")};
        draft.targets.append(
            TargetEntry{relationship, targets.at(i).idType, targets.at(i).idNumber, targets.at(i).name, proofs, false});
    }
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    if (!result.stored())
        qWarning() << "submission failed:" << result.error << int(result.status);
    return result.filingNumber;
}

QString TestSummaryDocument::bindKinship(const Person &holder, const Person &member, const QString &relationship)
{
    // Face verified: the members here are all adults.
    const KinshipDraft draft = TestDatabase::kinshipDraft(holder, member, relationship, QStringLiteral("tester"));
    const KinshipSubmission::Result result = KinshipSubmission(m_db->connection()).submit(draft);
    if (!result.stored())
        qWarning() << "kinship binding not stored:" << result.error;
    return result.number;
}

QString TestSummaryDocument::writePdf(const PrintableSummary &summary, const QString &name)
{
    const QString path = m_db->dir() + QLatin1Char('/') + name;
    QString error;
    if (!SummaryPdf::write(summary, path, &error))
        qWarning() << "PDF not written:" << error;
    // To look at the pages: GONGJI_TEST_PDF_DIR=/tmp/pdfs ./tst_summarydocument
    const QString keep = qEnvironmentVariable("GONGJI_TEST_PDF_DIR");
    if (!keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile::remove(keep + QLatin1Char('/') + name);
        QFile::copy(path, keep + QLatin1Char('/') + name);
    }
    return path;
}

QString TestSummaryDocument::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString TestSummaryDocument::pdfText(const QString &pdf, int page)
{
    QStringList arguments = {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return run(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
}

int TestSummaryDocument::pdfPages(const QString &pdf)
{
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
              .match(run(QStringLiteral("pdfinfo"), {pdf}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// The embedded font names, one per font (pdffonts lists them under two header lines).
QStringList TestSummaryDocument::pdfFonts(const QString &pdf)
{
    QStringList lines = run(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList names;
    for (int i = 2; i < lines.size(); ++i)
        names.append(lines.at(i).section(QLatin1Char(' '), 0, 0));
    return names;
}

QString TestSummaryDocument::decodeQr(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

QString TestSummaryDocument::qrOnPage(const QString &pdf, int page)
{
    const QString prefix = pdf + QStringLiteral("-page");
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
         QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf, prefix});
    const QImage image(prefix + QStringLiteral(".png"));
    if (image.isNull())
        return QStringLiteral("(no image rendered)");
    return decodeQr(image);
}

// Exact text: every name and masked number, no full ID number, no Kangxi radical look-alike.
void TestSummaryDocument::verifyCleanText(const QString &text, const QList<Person> &people)
{
    QVERIFY(!text.isEmpty());
    for (const Person &person : people) {
        QVERIFY2(text.contains(person.name), qPrintable(person.name));
        QVERIFY2(text.contains(IdNumber::mask(person.idNumber)), qPrintable(IdNumber::mask(person.idNumber)));
        QVERIFY2(!text.contains(person.idNumber),
                 qPrintable(QStringLiteral("full ID number printed: ") + person.idNumber));
        // pdftotext may put a line break inside a long number: check the digits after the prefix too.
        QVERIFY(!text.contains(person.idNumber.mid(6, 8)));
    }
    for (const QChar c : text) {
        QVERIFY2(
            c.unicode() < 0x2E80 || c.unicode() > 0x2FDF,
            qPrintable(QStringLiteral("Kangxi radical or CJK radical U+%1 in the PDF text").arg(c.unicode(), 4, 16)));
        QVERIFY2(c != QChar(0xFFFD), "replacement character in the PDF text");
    }
}

void TestSummaryDocument::qrCodeDecodes()
{
    const QImage image = QrCode::image(QStringLiteral("GJ20261122-0001"), 4);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), image.height());
    QCOMPARE(decodeQr(image), QStringLiteral("GJ20261122-0001"));
    QString error;
    QVERIFY(QrCode::image(QStringLiteral("x"), 0, &error).isNull());
    QVERIFY(!error.isEmpty());
}

void TestSummaryDocument::oneTargetPdf()
{
    const QString number = submit({m_relatives.at(0)}, {QStringLiteral("spouse")});
    QVERIFY(!number.isEmpty());
    const PrintStamp stamp
        = PrintRecord(m_db->connection())
              .record(PrintRecord::Document::Filing, number, QStringLiteral("tester"), QStringLiteral("pdf"));
    QVERIFY(stamp.isRecorded());
    QVERIFY(!stamp.isReprint());
    const PrintableSummary summary = SummaryDocument(m_db->connection(), m_office).build(number, stamp);
    QVERIFY2(summary.isValid(), qPrintable(summary.error()));
    QCOMPARE(summary.title(), filingTitle);
    QVERIFY(!summary.document()->toPlainText().contains(m_authorizer.idNumber));

    const QString pdf = writePdf(summary, QStringLiteral("one.pdf"));
    QCOMPARE(pdfPages(pdf), 1);
    // One font, chosen by name: nothing merged in from another CJK font.
    QVERIFY(SummaryStyle::preferredFamilies().contains(summary.fontFamily()));
    const QStringList fonts = pdfFonts(pdf);
    QVERIFY(!fonts.isEmpty());
    for (const QString &font : fonts)
        QVERIFY2(font.contains(QStringLiteral("WenQuanYi")), qPrintable(font));
    const QString text = pdfText(pdf);
    verifyCleanText(text, {m_authorizer, m_relatives.at(0)});
    QVERIFY(text.contains(filingTitle));
    QVERIFY(text.contains(number));
    QVERIFY(text.contains(m_office.name));
    QVERIFY(text.contains(m_office.counter));
    QVERIFY(text.contains(QStringLiteral("tester")));
    QVERIFY(text.contains(QStringLiteral("居民身份证（户口簿）")));
    QVERIFY(text.contains(QStringLiteral("配偶（10）")));
    QVERIFY(text.contains(QStringLiteral("结婚证")));
    QVERIFY(text.contains(QStringLiteral("职工基本医疗保险")));
    QVERIFY(text.contains(QStringLiteral("330100")));
    QVERIFY(text.contains(QStringLiteral("本人承诺添加的共济对象身份真实有效！")));
    QVERIFY(text.contains(QStringLiteral("版本 2026-01")));
    QVERIFY(text.contains(QStringLiteral("亲情账户")));
    QVERIFY(text.contains(QStringLiteral("申请人（授权人）签字")));
    QVERIFY(text.contains(QStringLiteral("经办人签字")));
    QVERIFY(text.contains(QStringLiteral("打印时间")));
    QVERIFY(!text.contains(QStringLiteral("补打")));
    QVERIFY(!text.contains(QStringLiteral("第1页/共2页")));
    QVERIFY(text.contains(QStringLiteral("第1页/共1页")));
    QCOMPARE(qrOnPage(pdf, 1), number);
}

void TestSummaryDocument::manyTargetsFlowOntoSecondPage()
{
    QList<QString> relationships = {QStringLiteral("spouse")};
    while (relationships.size() < m_relatives.size())
        relationships.append(QStringLiteral("child"));
    QVERIFY(m_relatives.size() >= 12);
    const QString number = submit(m_relatives, relationships);
    QVERIFY(!number.isEmpty());
    const PrintableSummary summary = SummaryDocument(m_db->connection(), m_office).build(number);
    QVERIFY2(summary.isValid(), qPrintable(summary.error()));
    const QString pdf = writePdf(summary, QStringLiteral("many.pdf"));
    QCOMPARE(pdfPages(pdf), 2);
    verifyCleanText(pdfText(pdf), QList<Person>{m_authorizer} + m_relatives);
    // The header repeats: title and filing number on page 2, and the table's column heads.
    const QString second = pdfText(pdf, 2);
    QVERIFY(second.contains(filingTitle));
    QVERIFY(second.contains(number));
    QVERIFY(second.contains(QStringLiteral("第2页/共2页")));
    const QString first = pdfText(pdf, 1);
    QVERIFY(first.contains(QStringLiteral("第1页/共2页")));
    // The targets table runs onto page 2 and repeats its column heads (<thead>) there.
    QVERIFY(first.contains(m_relatives.first().name));
    QVERIFY(!first.contains(m_relatives.last().name));
    QVERIFY(second.contains(m_relatives.last().name));
    QVERIFY(second.contains(QStringLiteral("证件号码")));
    QVERIFY(second.contains(QStringLiteral("已查验证明材料")));
    // No row is cut by the page break: each row's ID type "居民身份证（户口簿）" (wrapped in its
    // cell) starts and ends on the same page.
    for (const QString &page : {first, second})
        QCOMPARE(page.count(QStringLiteral("居民身份证")), page.count(QStringLiteral("户口簿）")));
    // Page 2 has no (repeated or stray) QR code; page 1 carries it.
    QCOMPARE(qrOnPage(pdf, 1), number);
}

void TestSummaryDocument::reprintIsMarkedAndEveryPrintAudited()
{
    const QString number = submit({m_relatives.at(1)}, {QStringLiteral("child")});
    QVERIFY(!number.isEmpty());
    PrintRecord record(m_db->connection());
    AuditLog audit(m_db->connection());
    const qint64 before = audit.count();
    QCOMPARE(record.printCount(PrintRecord::Document::Filing, number), 0);

    const PrintStamp first
        = record.record(PrintRecord::Document::Filing, number, QStringLiteral("tester"), QStringLiteral("printer"));
    QCOMPARE(first.copy, 1);
    QCOMPARE(audit.count(), before + 1);
    const PrintStamp second
        = record.record(PrintRecord::Document::Filing, number, QStringLiteral("supervisor"), QStringLiteral("pdf"));
    QCOMPARE(second.copy, 2);
    QVERIFY(second.isReprint());
    QCOMPARE(audit.count(), before + 2);
    QCOMPARE(audit.countFor(AuditAction::Print, number), 2);
    QCOMPARE(record.printCount(PrintRecord::Document::Filing, number), 2);

    const SummaryDocument builder(m_db->connection(), m_office);
    const QString firstText = pdfText(writePdf(builder.build(number, first), QStringLiteral("first.pdf")));
    QVERIFY(!firstText.isEmpty());
    QVERIFY(!firstText.contains(QStringLiteral("补打")));
    const QString reprint = pdfText(writePdf(builder.build(number, second), QStringLiteral("reprint.pdf")));
    QVERIFY(reprint.contains(QStringLiteral("【补打】")));
    QVERIFY(reprint.contains(QStringLiteral("补打时间 ") + SummaryHtml::time(second.printedAt)));
    QVERIFY(reprint.contains(QStringLiteral("supervisor")));
    // Same filing, same content otherwise.
    verifyCleanText(reprint, {m_authorizer, m_relatives.at(1)});
    QVERIFY(reprint.contains(QStringLiteral("子女（20/30）")));
}

void TestSummaryDocument::printJobRecordsOnlyWhatItCanPrint()
{
    const QString number = submit({m_relatives.at(1)}, {QStringLiteral("child")});
    QVERIFY(!number.isEmpty());
    const SummaryPrintJob job(m_db->connection(), m_office, QStringLiteral("zh_CN"), QStringLiteral("supervisor"));
    AuditLog audit(m_db->connection());
    const qint64 before = audit.count();

    const QString firstPath = m_db->dir() + QStringLiteral("/job1.pdf");
    const SummaryPrintJob::Result first = job.filingToPdf(number, firstPath);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.stamp.copy, 1);
    QVERIFY(!pdfText(firstPath).contains(QStringLiteral("补打")));
    const QString secondPath = m_db->dir() + QStringLiteral("/job2.pdf");
    const SummaryPrintJob::Result second = job.filingToPdf(number, secondPath);
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.stamp.isReprint());
    QVERIFY(pdfText(secondPath).contains(QStringLiteral("【补打】")));
    QCOMPARE(audit.count(), before + 2);

    // Nothing to print: an error, no audit entry, no file.
    const QString nonePath = m_db->dir() + QStringLiteral("/none.pdf");
    const SummaryPrintJob::Result missing = job.filingToPdf(QStringLiteral("GJ19990101-0001"), nonePath);
    QVERIFY(!missing.ok);
    QVERIFY(missing.error.contains(QStringLiteral("GJ19990101-0001")));
    const std::optional<Filing> filing = FilingStore(m_db->connection()).findByNumber(number);
    QVERIFY(filing);
    const SummaryPrintJob::Result active
        = job.revocationToPdf(BindingStore(m_db->connection()).byFiling(filing->id).at(0).id, nonePath);
    QVERIFY(!active.ok);
    QCOMPARE(audit.count(), before + 2);
    QVERIFY(!QFile::exists(nonePath));
}

void TestSummaryDocument::revocationSummary()
{
    const QString number
        = submit({m_relatives.at(0), m_relatives.at(2)}, {QStringLiteral("spouse"), QStringLiteral("child")});
    QVERIFY(!number.isEmpty());
    const std::optional<Filing> filing = FilingStore(m_db->connection()).findByNumber(number);
    QVERIFY(filing);
    const QList<MutualAidBinding> bindings = BindingStore(m_db->connection()).byFiling(filing->id);
    QCOMPARE(bindings.size(), 2);
    const qint64 bindingId = bindings.at(1).id; // 王小红, the child
    const QString reason = QStringLiteral("共济对象已参加职工医保，本人申请解除");
    const BindingRevocation::Result revoked
        = BindingRevocation(m_db->connection())
              .revoke(bindingId, EndRequester::Target, reason, QStringLiteral("tester"));
    QVERIFY2(revoked.ok, qPrintable(revoked.error));
    const std::optional<MutualAidBinding> ended = BindingStore(m_db->connection()).findById(bindingId);
    QVERIFY(ended && ended->endedAt.isValid());

    const PrintStamp stamp = PrintRecord(m_db->connection())
                                 .record(PrintRecord::Document::Revocation, QString::number(bindingId),
                                         QStringLiteral("tester"), QStringLiteral("pdf"));
    QCOMPARE(stamp.copy, 1);
    QCOMPARE(AuditLog(m_db->connection())
                 .countFor(AuditAction::Print, QStringLiteral("revocation:") + QString::number(bindingId)),
             1);
    const PrintableSummary summary = RevocationSummary(m_db->connection(), m_office).build(bindingId, stamp);
    QVERIFY2(summary.isValid(), qPrintable(summary.error()));
    const QString pdf = writePdf(summary, QStringLiteral("revocation.pdf"));
    QCOMPARE(pdfPages(pdf), 1);
    const QString text = pdfText(pdf);
    verifyCleanText(text, {m_authorizer, m_relatives.at(2)});
    QVERIFY(text.contains(revocationTitle));
    QVERIFY(text.contains(number));
    QVERIFY(text.contains(reason));
    QVERIFY(text.contains(QStringLiteral("共济对象 ") + m_relatives.at(2).name)); // who asked
    QVERIFY(text.contains(SummaryHtml::time(ended->endedAt))); // when it ended
    QVERIFY(text.contains(QStringLiteral("子女（20/30）")));
    QVERIFY(!text.contains(m_relatives.at(0).name)); // the spouse's binding is not part of it
    QCOMPARE(qrOnPage(pdf, 1), number);

    // The filing's own summary now says that this target's binding ended.
    const QString filingText
        = pdfText(writePdf(SummaryDocument(m_db->connection(), m_office).build(number), QStringLiteral("after.pdf")));
    QVERIFY(
        squeezed(filingText).contains(SummaryHtml::date(ended->endedAt.toLocalTime().date()) + QStringLiteral("解除")));
}

void TestSummaryDocument::revocationOfActiveBindingIsRefused()
{
    const QString number = submit({m_relatives.at(1)}, {QStringLiteral("child")});
    const std::optional<Filing> filing = FilingStore(m_db->connection()).findByNumber(number);
    QVERIFY(filing);
    const qint64 bindingId = BindingStore(m_db->connection()).byFiling(filing->id).at(0).id;
    const PrintableSummary active = RevocationSummary(m_db->connection(), m_office).build(bindingId);
    QVERIFY(!active.isValid());
    QVERIFY(active.error().contains(QString::number(bindingId)));
    const PrintableSummary missing = RevocationSummary(m_db->connection(), m_office).build(99999);
    QVERIFY(!missing.isValid());
    QVERIFY(missing.error().contains(QStringLiteral("99999")));
}

void TestSummaryDocument::englishSummary()
{
    const QString number = submit({m_relatives.at(0)}, {QStringLiteral("spouse")});
    const PrintableSummary summary = SummaryDocument(m_db->connection(), m_office, QStringLiteral("en")).build(number);
    QVERIFY2(summary.isValid(), qPrintable(summary.error()));
    const QString text = pdfText(writePdf(summary, QStringLiteral("en.pdf")));
    verifyCleanText(text, {m_authorizer, m_relatives.at(0)});
    QVERIFY(text.contains(QStringLiteral("filing confirmation")));
    QVERIFY(text.contains(QStringLiteral("Spouse (10)")));
    QVERIFY(text.contains(QStringLiteral("Marriage certificate")));
    QVERIFY(!text.contains(filingTitle));
    QCOMPARE(qrOnPage(writePdf(summary, QStringLiteral("en.pdf")), 1), number);
}

// A target bound until a date has the date printed under the relationship; an open-ended one none.
void TestSummaryDocument::periodIsPrinted()
{
    FilingDraft draft = TestDatabase::childFiling(m_authorizer, m_relatives.at(0), QStringLiteral("tester"));
    draft.targets.first().relationship = QStringLiteral("spouse");
    const QDate end = QDate::currentDate().addYears(2);
    draft.targets.first().validUntil = end;
    draft.targets.append(TargetEntry{QStringLiteral("child"),
                                     m_relatives.at(1).idType,
                                     m_relatives.at(1).idNumber,
                                     m_relatives.at(1).name,
                                     {},
                                     true});
    const SubmissionResult stored = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(stored.stored(), qPrintable(stored.error + refusalNames(stored.verdict.findingsFor(1)).join(',')));
    // The document's own text: a narrow table cell wraps the line anywhere in the PDF's layout.
    const PrintableSummary zh = SummaryDocument(m_db->connection(), m_office).build(stored.filingNumber);
    QVERIFY2(zh.isValid(), qPrintable(zh.error()));
    const QString zhText = zh.document()->toPlainText();
    QVERIFY2(zhText.contains(QStringLiteral("授权期限至%1（含当日）").arg(end.toString(Qt::ISODate))),
             qPrintable(zhText));
    QCOMPARE(zhText.count(QStringLiteral("授权期限至")), 1);
    const PrintableSummary en
        = SummaryDocument(m_db->connection(), m_office, QStringLiteral("en")).build(stored.filingNumber);
    QVERIFY(en.document()->toPlainText().contains(
        QStringLiteral("authorized until %1 (inclusive)").arg(end.toString(Qt::ISODate))));
}

void TestSummaryDocument::kinshipSummaryThenReprint()
{
    const QString number = bindKinship(m_authorizer, m_relatives.at(1), QStringLiteral("child"));
    QVERIFY(number.startsWith(QStringLiteral("QQ")));
    const SummaryPrintJob job(m_db->connection(), m_office, QStringLiteral("zh_CN"), QStringLiteral("supervisor"));
    AuditLog audit(m_db->connection());
    const QString firstPath = m_db->dir() + QStringLiteral("/kinship1.pdf");
    const SummaryPrintJob::Result first = job.kinshipToPdf(number, firstPath);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.stamp.copy, 1);
    QCOMPARE(PrintRecord::subject(PrintRecord::Document::Kinship, number), QStringLiteral("kinship:") + number);
    QCOMPARE(audit.countFor(AuditAction::Print, QStringLiteral("kinship:") + number), 1);
    QCOMPARE(audit.countFor(AuditAction::Print, number), 0); // not taken for a filing's prints

    QCOMPARE(pdfPages(firstPath), 1);
    const QString text = pdfText(firstPath);
    verifyCleanText(text, {m_authorizer, m_relatives.at(1)});
    QVERIFY(text.contains(kinshipTitle));
    QVERIFY(!text.contains(filingTitle));
    QVERIFY(!text.contains(revocationTitle));
    // The plain statement: e-voucher only, no money moves, not mutual aid.
    const QString flat = squeezed(text);
    QVERIFY(flat.contains(QStringLiteral("亲情账户仅供持有人代为出示家庭成员的医保电子凭证，不发生任何资金划转")));
    QVERIFY(flat.contains(QStringLiteral("亲情账户不是个人账户家庭共济。")));
    QVERIFY(flat.contains(QStringLiteral("与持有人关系（GB/T4761代码）")));
    QVERIFY(text.contains(QStringLiteral("子女（20/30）")));
    QVERIFY(flat.contains(QStringLiteral("人脸识别核验（年满16周岁的成员）已完成")));
    QVERIFY(flat.contains(QStringLiteral("户口簿查验（未满16周岁的成员）未进行")));
    QVERIFY(text.contains(QStringLiteral("持有人")));
    QVERIFY(text.contains(QStringLiteral("申请人（持有人）签字")));
    QVERIFY(text.contains(QStringLiteral("经办人签字")));
    QVERIFY(text.contains(QStringLiteral("tester"))); // the clerk who bound it
    QVERIFY(text.contains(m_office.name));
    QVERIFY(text.contains(number));
    QVERIFY(!text.contains(QStringLiteral("补打")));
    QCOMPARE(qrOnPage(firstPath, 1), number);

    const QString secondPath = m_db->dir() + QStringLiteral("/kinship2.pdf");
    const SummaryPrintJob::Result second = job.kinshipToPdf(number, secondPath);
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.stamp.isReprint());
    const QString reprint = pdfText(secondPath);
    QVERIFY(reprint.contains(QStringLiteral("【补打】")));
    QVERIFY(reprint.contains(QStringLiteral("补打时间 ") + SummaryHtml::time(second.stamp.printedAt)));
    QVERIFY(reprint.contains(QStringLiteral("supervisor")));
    verifyCleanText(reprint, {m_authorizer, m_relatives.at(1)});
    QCOMPARE(audit.countFor(AuditAction::Print, QStringLiteral("kinship:") + number), 2);

    // Ended since: still printable, as bound, with the time it ended.
    const std::optional<KinshipBinding> bound = KinshipStore(m_db->connection()).findByNumber(number);
    QVERIFY(bound);
    const BindingRevocation::Result ended
        = BindingRevocation(m_db->connection())
              .revokeKinship(bound->id, EndRequester::Holder, QStringLiteral("本人申请"), QStringLiteral("tester"));
    QVERIFY2(ended.ok, qPrintable(ended.error));
    const std::optional<KinshipBinding> after = KinshipStore(m_db->connection()).findByNumber(number);
    QVERIFY(after && after->endedAt.isValid());
    const QString endedText = pdfText(
        writePdf(KinshipSummary(m_db->connection(), m_office).build(number), QStringLiteral("kinship-ended.pdf")));
    QVERIFY(endedText.contains(kinshipTitle));
    QVERIFY(squeezed(endedText).contains(QStringLiteral("解除时间") + squeezed(SummaryHtml::time(after->endedAt))));
}

void TestSummaryDocument::kinshipSummaryEnglishAndRefusals()
{
    const QString number = bindKinship(m_authorizer, m_relatives.at(0), QStringLiteral("spouse"));
    QVERIFY(!number.isEmpty());
    const PrintableSummary summary = KinshipSummary(m_db->connection(), m_office, QStringLiteral("en")).build(number);
    QVERIFY2(summary.isValid(), qPrintable(summary.error()));
    const QString text = pdfText(writePdf(summary, QStringLiteral("kinship-en.pdf")));
    verifyCleanText(text, {m_authorizer, m_relatives.at(0)});
    QVERIFY(text.contains(QStringLiteral("Medical-insurance kinship account: binding confirmation")));
    QVERIFY(text.simplified().contains(QStringLiteral("No money moves")));
    QVERIFY(!text.contains(kinshipTitle));

    // An unknown number: an error naming it, no audit entry, no file.
    AuditLog audit(m_db->connection());
    const qint64 before = audit.count();
    const QString nonePath = m_db->dir() + QStringLiteral("/none.pdf");
    const SummaryPrintJob::Result missing
        = SummaryPrintJob(m_db->connection(), m_office, QStringLiteral("zh_CN"), QStringLiteral("tester"))
              .kinshipToPdf(QStringLiteral("QQ19990101-0001"), nonePath);
    QVERIFY(!missing.ok);
    QVERIFY(missing.error.contains(QStringLiteral("QQ19990101-0001")));
    QCOMPARE(audit.count(), before);
    QVERIFY(!QFile::exists(nonePath));
}

void TestSummaryDocument::kinshipFromTheCommandLine()
{
    if (TestDatabase::usesServer())
        QSKIP("gongji-admin print on a server is covered by tst_adminprint_postgres");
    const QString number = bindKinship(m_authorizer, m_relatives.at(2), QStringLiteral("child"));
    QVERIFY(!number.isEmpty());
    const AdminCli cli(m_db->dir());
    const QString pdf = m_db->dir() + QStringLiteral("/cli-kinship.pdf");
    const QStringList clerk = AdminCli::signIn(m_db->passwordFile(), QStringLiteral("tester")); // prints are audited
    const AdminCli::Run first = cli.run(clerk
                                        + QStringList{QStringLiteral("--db"), m_db->path(), QStringLiteral("print"),
                                                      QStringLiteral("--kinship"), number, QStringLiteral("--pdf"), pdf,
                                                      QStringLiteral("--office"), m_office.name});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(kinshipTitle));
    QVERIFY(text.contains(m_office.name));
    verifyCleanText(text, {m_authorizer, m_relatives.at(2)});
    const AdminCli::Run second
        = cli.run(clerk
                  + QStringList{QStringLiteral("--db"), m_db->path(), QStringLiteral("print"),
                                QStringLiteral("--kinship"), number, QStringLiteral("--pdf"), pdf});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.contains(QStringLiteral("reprint")));
    QVERIFY(pdfText(pdf).contains(QStringLiteral("补打")));
    QCOMPARE(cli.run(clerk
                     + QStringList{QStringLiteral("--db"), m_db->path(), QStringLiteral("print"),
                                   QStringLiteral("--kinship"), QStringLiteral("QQ19990101-0001"),
                                   QStringLiteral("--pdf"), pdf + QStringLiteral(".x")})
                 .exitCode,
             1);
    QCOMPARE(cli.run(clerk
                     + QStringList{QStringLiteral("--db"), m_db->path(), QStringLiteral("print"),
                                   QStringLiteral("--kinship"), number, QStringLiteral("--revocation"),
                                   QStringLiteral("1"), QStringLiteral("--pdf"), pdf})
                 .exitCode,
             64);
}

void TestSummaryDocument::unknownFilingIsRefused()
{
    const PrintableSummary summary
        = SummaryDocument(m_db->connection(), m_office).build(QStringLiteral("GJ19990101-0001"));
    QVERIFY(!summary.isValid());
    QVERIFY(summary.error().contains(QStringLiteral("GJ19990101-0001")));
    QString error;
    const QString path = m_db->dir() + QStringLiteral("/none.pdf");
    QVERIFY(!SummaryPdf::write(summary, path, &error));
    QCOMPARE(error, summary.error());
    QVERIFY(!QFile::exists(path));
}

void TestSummaryDocument::translationFileMatchesTable()
{
    QFile file(QStringLiteral(GONGJI_TEST_DATA "/../../resources/translations/printing_zh_CN.txt"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QList<QPair<QString, QString>> pairs = SummaryText::pairs();
    QVERIFY(pairs.size() > 50);
    for (const auto &pair : pairs)
        QVERIFY2(lines.contains(pair.first + QLatin1Char('\t') + pair.second), qPrintable(pair.first));
    QCOMPARE(SummaryText::text(SummaryText::Key::FilingTitle, QStringLiteral("zh_CN")), filingTitle);
    QCOMPARE(SummaryText::text(SummaryText::Key::FilingTitle, QStringLiteral("en")), pairs.first().first);
}

// A QGuiApplication, not QTEST_GUILESS_MAIN: fonts and QPdfWriter need one. Offscreen, so the
// test also runs by hand on a machine without a display.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestSummaryDocument test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_summarydocument.moc"
