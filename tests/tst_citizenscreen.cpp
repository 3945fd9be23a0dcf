// The citizen's screen (客户屏) beside the clerk's window, offscreen: where it goes on one screen
// and on two (ctest runs this program twice, the second time with the offscreen platform's
// two-screen configuration tests/data/offscreen-two-screens.json), what it shows of a filing,
// and the authorizer's own tick reaching the stored filing and the printed summary.
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QComboBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

#include "TestDatabase.h"
#include "model/citizen/CitizenView.h"
#include "model/domain/IdNumber.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "model/domain/Signature.h"
#include "model/filing/FilingSubmission.h"
#include "model/printing/SummaryDocument.h"
#include "model/printing/SummaryPdf.h"
#include "model/storage/ClerkStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/RatingStore.h"
#include "model/storage/SignatureStore.h"
#include "ui/MainWindow.h"
#include "ui/citizen/CitizenScreenPlacement.h"
#include "ui/citizen/CitizenWindow.h"
#include "ui/filing/FilingWizard.h"
#include "ui/widgets/IdNumberEdit.h"

using namespace gongji;

class TestCitizenScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void placementFollowsTheScreens_data();
    void placementFollowsTheScreens();
    void followsTheFilingInChineseMasked();
    void citizensTickIsStoredAndPrinted();
    void paperTickIsStoredAsPaper();
    void signatureReachesTheFilingAndThePdf();
    void ratingIsStoredOnceForTheClerk();

private:
    void openWindow();
    // Draws a dense zigzag over the signature pad with the mouse (a finger arrives as one).
    void sign(QWidget *pad, int strokes);
    // Dark pixels of the applicant's signature cell on the PDF's last page (pdftoppm at 144 dpi).
    // Dark pixels in the area below the applicant's signature label on the summary's last page.
    int darkPixelsBelowApplicantLabel(const QString &pdf);
    void lookUpAndOpenLetter();
    void addTargetAndSubmit();
    // A whole filing with the clerk's paper tick.
    void fileOnPaper();
    // The text of the filing's printed summary (a PDF through pdftotext), without white space.
    QString printedText(const QString &filingNumber, const QString &name);
    // Every text the citizen's window shows now.
    QString citizenText() const;

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
    Person m_authorizer;
    Person m_child;
};

void TestCitizenScreen::initTestCase() { QStandardPaths::setTestModeEnabled(true); }

void TestCitizenScreen::init()
{
    QSettings().remove(CitizenScreenPlacement::settingKey());
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_authorizer = m_db->addPerson(QStringLiteral("王建国"),
                                   TestDatabase::residentId(QStringLiteral("330102"), QDate(1965, 3, 1), 131));
    m_child = m_db->addPerson(QStringLiteral("王小明"),
                              TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9), 122),
                              QStringLiteral("390"));
}

void TestCitizenScreen::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void TestCitizenScreen::openWindow()
{
    m_window = std::make_unique<MainWindow>(
        m_db->connection(), m_db->path(),
        *ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(TestDatabase::clerk)));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QString TestCitizenScreen::citizenText() const
{
    QStringList texts;
    CitizenWindow *citizen = m_window->citizenWindow();
    for (QLabel *label : citizen->findChildren<QLabel *>())
        texts << label->text();
    for (QTextBrowser *browser : citizen->findChildren<QTextBrowser *>())
        texts << browser->toPlainText();
    for (QCheckBox *check : citizen->findChildren<QCheckBox *>())
        texts << check->text();
    return texts.join(QLatin1Char('\n'));
}

void TestCitizenScreen::placementFollowsTheScreens_data()
{
    QTest::addColumn<QString>("setting");
    QTest::newRow("automatic") << CitizenScreenPlacement::automatic();
    QTest::newRow("named second screen") << QStringLiteral("second");
    QTest::newRow("off") << CitizenScreenPlacement::off();
}

void TestCitizenScreen::placementFollowsTheScreens()
{
    QFETCH(QString, setting);
    CitizenScreenPlacement::setSetting(setting);
    openWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    CitizenWindow *citizen = m_window->citizenWindow();
    const QList<QScreen *> screens = QGuiApplication::screens();
    qInfo("%d screen(s)", int(screens.size()));
    if (setting == CitizenScreenPlacement::off()) {
        QVERIFY(!citizen->isVisible());
    } else if (screens.size() >= 2) {
        // Full screen on the screen that is not the clerk's.
        QTRY_VERIFY(citizen->isFullScreen());
        QScreen *clerkScreen = m_window->screen();
        QVERIFY(citizen->screen() != clerkScreen);
        QCOMPARE(citizen->screen()->name(), QStringLiteral("second"));
        QTRY_COMPARE(citizen->geometry(), citizen->screen()->geometry());
    } else {
        // One screen: an ordinary window the clerk can move and hide.
        QVERIFY(citizen->isVisible());
        QVERIFY(!citizen->isFullScreen());
        QVERIFY(!citizen->windowFlags().testFlag(Qt::FramelessWindowHint));
        citizen->move(30, 40);
        QTRY_COMPARE(citizen->pos(), QPoint(30, 40));
        citizen->hide();
        QVERIFY(!citizen->isVisible());
    }
    // The keyboard stays the clerk's: the card reader types into the authorizer's number.
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("authorizerId"));
}

void TestCitizenScreen::lookUpAndOpenLetter()
{
    FilingWizard *wizard = m_window->wizard();
    auto *id = wizard->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    id->setFocus();
    QTest::keyClicks(id, m_authorizer.idNumber);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Person);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(wizard->currentId(), int(FilingWizard::CommitmentPageId));
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Commitment);
}

void TestCitizenScreen::addTargetAndSubmit()
{
    FilingWizard *wizard = m_window->wizard();
    QCOMPARE(wizard->currentId(), int(FilingWizard::NoticePageId));
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Notice);
    wizard->next();
    auto *relationship = wizard->findChild<QComboBox *>(QStringLiteral("targetRelationship"));
    relationship->setCurrentIndex(relationship->findData(QStringLiteral("child"), RelationshipListModel::KeywordRole));
    wizard->findChild<QLineEdit *>(QStringLiteral("targetName"))->setText(m_child.name);
    auto *id = wizard->findChild<IdNumberEdit *>(QStringLiteral("targetId"));
    id->setFocus();
    QTest::keyClicks(id, m_child.idNumber);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Entries);
    QCOMPARE(wizard->citizenView()->lines().size(), 1);
    QCOMPARE(wizard->citizenView()->lines().first().verdict, QStringLiteral("可以办理"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FilingWizard::ConfirmPageId));
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Review);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FilingWizard::DonePageId));
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Done);
}

void TestCitizenScreen::fileOnPaper()
{
    openWindow();
    lookUpAndOpenLetter();
    m_window->wizard()->findChild<QCheckBox *>(QStringLiteral("paperSignedCheck"))->click();
    m_window->wizard()->next();
    addTargetAndSubmit();
}

QString TestCitizenScreen::printedText(const QString &filingNumber, const QString &name)
{
    const OfficeInfo office{QStringLiteral("杭州市医疗保障服务中心"), QString(), QStringLiteral("3号窗口")};
    const QString pdf = m_db->dir() + QLatin1Char('/') + name;
    if (!SummaryPdf::write(SummaryDocument(m_db->connection(), office).build(filingNumber), pdf))
        return {};
    QProcess text;
    text.start(QStringLiteral("pdftotext"),
               {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    text.waitForFinished(30000);
    return QString::fromUtf8(text.readAllStandardOutput()).remove(QRegularExpression(QStringLiteral("\\s")));
}

void TestCitizenScreen::followsTheFilingInChineseMasked()
{
    openWindow();
    CitizenView *view = m_window->wizard()->citizenView();
    QCOMPARE(view->stage(), CitizenView::Stage::Idle);
    QVERIFY(citizenText().contains(QStringLiteral("欢迎")));
    lookUpAndOpenLetter();
    QVERIFY(citizenText().contains(QStringLiteral("本人承诺添加的共济对象身份真实有效！")));
    QVERIFY(citizenText().contains(QStringLiteral("承诺书")));
    m_window->wizard()->findChild<QCheckBox *>(QStringLiteral("paperSignedCheck"))->click();
    m_window->wizard()->next();
    addTargetAndSubmit();
    const QString done = citizenText();
    QVERIFY2(done.contains(m_window->wizard()->filingNumber()), qPrintable(done));
    // The next citizen: the person stage shows name, masked number and their own balance.
    m_window->wizard()->startNewFiling(false);
    QCOMPARE(view->stage(), CitizenView::Stage::Idle);
    auto *id = m_window->wizard()->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    id->setFocus();
    QTest::keyClicks(id, m_authorizer.idNumber);
    QTest::keyClick(id, Qt::Key_Return);
    QCOMPARE(view->stage(), CitizenView::Stage::Person);
    const QString person = citizenText();
    QVERIFY(person.contains(QStringLiteral("王建国")));
    QVERIFY(person.contains(IdNumber::mask(m_authorizer.idNumber)));
    QVERIFY(person.contains(QStringLiteral("请核对")));
    QVERIFY(person.contains(QStringLiteral("5000.00 元")));
    // No full ID number anywhere on the citizen's screen, at any stage seen above.
    QVERIFY(!person.contains(m_authorizer.idNumber));
    QVERIFY(!done.contains(m_child.idNumber));
    QVERIFY(!done.contains(m_authorizer.idNumber));
}

void TestCitizenScreen::citizensTickIsStoredAndPrinted()
{
    openWindow();
    lookUpAndOpenLetter();
    FilingWizard *wizard = m_window->wizard();
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QVERIFY(!next->isEnabled());
    // The authorizer ticks on the citizen's screen with the mouse (a touch arrives as one).
    auto *pledge = m_window->citizenWindow()->findChild<QCheckBox *>(QStringLiteral("citizenPledge"));
    QVERIFY(pledge->isVisibleTo(m_window->citizenWindow()));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QTest::mouseClick(pledge, Qt::LeftButton, {}, QPoint(20, pledge->height() / 2));
    QVERIFY(pledge->isChecked());
    QVERIFY(!pledge->isEnabled()); // the citizen cannot untick what was acknowledged
    QVERIFY(next->isEnabled()); // no paper copy needed
    QVERIFY(!wizard->findChild<QCheckBox *>(QStringLiteral("paperSignedCheck"))->isChecked());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("citizenTickNote"))->isVisible());
    const QDateTime tickedAt = wizard->citizenView()->pledgeAt();
    QVERIFY(tickedAt >= before);
    wizard->next();
    addTargetAndSubmit();

    const auto filing = FilingStore(m_db->connection()).findByNumber(wizard->filingNumber());
    QVERIFY(filing);
    QCOMPARE(filing->commitmentMethod, QStringLiteral("citizen_screen"));
    QCOMPARE(filing->commitmentAt.toSecsSinceEpoch(), tickedAt.toSecsSinceEpoch());

    // The printed summary says how, with the time of the tick.
    const QString printed = printedText(filing->number, QStringLiteral("summary.pdf"));
    QVERIFY2(printed.contains(QStringLiteral("在客户屏上勾选承诺")), qPrintable(printed));
    QVERIFY(printed.contains(QStringLiteral("确认方式：授权人于")));
}

void TestCitizenScreen::paperTickIsStoredAsPaper()
{
    fileOnPaper();
    const auto filing = FilingStore(m_db->connection()).findByNumber(m_window->wizard()->filingNumber());
    QVERIFY(filing);
    QCOMPARE(filing->commitmentMethod, QStringLiteral("paper"));
    const QString printed = printedText(filing->number, QStringLiteral("paper.pdf"));
    QVERIFY2(printed.contains(QStringLiteral("确认方式：纸质承诺书签字。")), qPrintable(printed));
}

void TestCitizenScreen::sign(QWidget *pad, int strokes)
{
    for (int s = 0; s < strokes; ++s) {
        const int y = 20 + s * (pad->height() - 40) / qMax(1, strokes - 1);
        QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(20, y));
        for (int x = 20; x < pad->width() - 20; x += 15)
            QTest::mouseMove(pad, QPoint(x, y + ((x / 15) % 2 ? 12 : -12)));
        QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(pad->width() - 20, y));
    }
}

int TestCitizenScreen::darkPixelsBelowApplicantLabel(const QString &pdf)
{
    QProcess pages;
    pages.start(QStringLiteral("pdfinfo"), {pdf});
    pages.waitForFinished(30000);
    const int last = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                         .match(QString::fromUtf8(pages.readAllStandardOutput()))
                         .captured(1)
                         .toInt();
    const QString page = QString::number(last);
    QProcess bbox;
    bbox.start(
        QStringLiteral("pdftotext"),
        {QStringLiteral("-bbox"), QStringLiteral("-f"), page, QStringLiteral("-l"), page, pdf, QStringLiteral("-")});
    bbox.waitForFinished(30000);
    const QString boxes = QString::fromUtf8(bbox.readAllStandardOutput());
    QRegularExpression word(
        QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    QPointF at(-1, -1);
    for (auto it = word.globalMatch(boxes); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(3).startsWith(QStringLiteral("申请人（授权人）签字"))) {
            at = QPointF(match.captured(1).toDouble(), match.captured(2).toDouble());
            break;
        }
    }
    if (at.x() < 0)
        return -1;
    const QString prefix = m_db->dir() + QStringLiteral("/page");
    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("144"), QStringLiteral("-gray"), QStringLiteral("-png"),
                  QStringLiteral("-f"), page, QStringLiteral("-l"), page, QStringLiteral("-singlefile"), pdf, prefix});
    render.waitForFinished(60000);
    const QImage image(prefix + QStringLiteral(".png"));
    // Below the label, where the signature goes: 200 pt wide, 60 pt high, at 2 pixels per point
    // (unsigned, only the date line is there; the empty signing line is beside the label).
    const QRect cell(int(at.x() * 2), int(at.y() * 2), 400, 120);
    int dark = 0;
    for (int y = qMax(0, cell.top()); y < qMin(image.height(), cell.bottom()); ++y) {
        for (int x = qMax(0, cell.left()); x < qMin(image.width(), cell.right()); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return dark;
}

void TestCitizenScreen::signatureReachesTheFilingAndThePdf()
{
    openWindow();
    lookUpAndOpenLetter();
    FilingWizard *wizard = m_window->wizard();
    CitizenWindow *citizen = m_window->citizenWindow();
    QTest::mouseClick(citizen->findChild<QCheckBox *>(QStringLiteral("citizenPledge")), Qt::LeftButton, {},
                      QPoint(20, 20));
    wizard->next();
    wizard->next(); // notice
    auto *relationship = wizard->findChild<QComboBox *>(QStringLiteral("targetRelationship"));
    relationship->setCurrentIndex(relationship->findData(QStringLiteral("child"), RelationshipListModel::KeywordRole));
    wizard->findChild<QLineEdit *>(QStringLiteral("targetName"))->setText(m_child.name);
    auto *id = wizard->findChild<IdNumberEdit *>(QStringLiteral("targetId"));
    id->setFocus();
    QTest::keyClicks(id, m_child.idNumber);
    QTest::keyClick(id, Qt::Key_Return);
    QWidget *pad = citizen->findChild<QWidget *>(QStringLiteral("signaturePad"));
    QVERIFY(!pad->isVisibleTo(citizen)); // signing comes with the list to check
    wizard->next();
    QCOMPARE(wizard->citizenView()->stage(), CitizenView::Stage::Review);
    QVERIFY(pad->isVisibleTo(citizen));
    auto *preview = wizard->findChild<QLabel *>(QStringLiteral("signaturePreview"));
    QVERIFY(preview->pixmap().isNull());

    sign(pad, 2); // a first try …
    QVERIFY(wizard->citizenView()->signature());
    QVERIFY(!preview->pixmap().isNull()); // the clerk sees a small copy
    QTest::mouseClick(citizen->findChild<QPushButton *>(QStringLiteral("signatureClear")), Qt::LeftButton);
    QVERIFY(!wizard->citizenView()->signature()); // … cleared …
    QVERIFY(preview->pixmap().isNull());
    sign(pad, 9); // … and signed again, densely, so the strokes are easy to find on the page
    QCOMPARE(wizard->citizenView()->signature()->strokes.size(), 9);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FilingWizard::DonePageId));

    const auto filing = FilingStore(m_db->connection()).findByNumber(wizard->filingNumber());
    QVERIFY(filing);
    const auto stored = SignatureStore(m_db->connection()).find(filing->id);
    QVERIFY(stored);
    QCOMPARE(stored->strokes.size(), 9);
    QVERIFY(SignatureStore(m_db->connection()).png(filing->id).size() <= Signature::kMaxPngBytes);

    // The summary prints the signature on the applicant's line with its time; an unsigned
    // filing of the same kind prints the empty line there.
    const OfficeInfo office{QStringLiteral("杭州市医疗保障服务中心"), QString(), QStringLiteral("3号窗口")};
    const QString signedPdf = m_db->dir() + QStringLiteral("/signed.pdf");
    QVERIFY(SummaryPdf::write(SummaryDocument(m_db->connection(), office).build(filing->number), signedPdf));
    const Person other = m_db->addPerson(QStringLiteral("王小红"),
                                         TestDatabase::residentId(QStringLiteral("330102"), QDate(1994, 2, 3), 142),
                                         QStringLiteral("390"));
    const SubmissionResult unsigned_
        = FilingSubmission(m_db->connection())
              .submit(TestDatabase::childFiling(m_authorizer, other, QString::fromLatin1(TestDatabase::clerk)));
    QVERIFY2(unsigned_.stored(), qPrintable(unsigned_.error));
    const QString unsignedPdf = m_db->dir() + QStringLiteral("/unsigned.pdf");
    QVERIFY(SummaryPdf::write(SummaryDocument(m_db->connection(), office).build(unsigned_.filingNumber), unsignedPdf));

    const int signedDark = darkPixelsBelowApplicantLabel(signedPdf);
    const int unsignedDark = darkPixelsBelowApplicantLabel(unsignedPdf);
    qInfo("dark pixels in the applicant's cell: signed %d, unsigned %d", signedDark, unsignedDark);
    QVERIFY(signedDark > 0);
    QVERIFY(unsignedDark >= 0);
    QVERIFY2(signedDark > unsignedDark + 400, qPrintable(QStringLiteral("%1 vs %2").arg(signedDark).arg(unsignedDark)));
}

void TestCitizenScreen::ratingIsStoredOnceForTheClerk()
{
    fileOnPaper();
    FilingWizard *wizard = m_window->wizard();
    CitizenWindow *citizen = m_window->citizenWindow();
    CitizenView *view = wizard->citizenView();
    QCOMPARE(view->ratingState(), CitizenView::RatingState::Open);
    // 不满意 asks for a reason before it can be given.
    QTest::mouseClick(citizen->findChild<QPushButton *>(QStringLiteral("rating2")), Qt::LeftButton);
    auto *submit = citizen->findChild<QPushButton *>(QStringLiteral("ratingSubmit"));
    QVERIFY(submit->isVisibleTo(citizen));
    QVERIFY(!submit->isEnabled());
    QTest::mouseClick(citizen->findChild<QPushButton *>(QStringLiteral("ratingReason0")), Qt::LeftButton);
    citizen->findChild<QLineEdit *>(QStringLiteral("ratingDetail"))->setText(QStringLiteral("排队太久"));
    QVERIFY(submit->isEnabled());
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(view->ratingState(), CitizenView::RatingState::Given);
    const auto stored = RatingStore(m_db->connection()).find(QStringLiteral("filing"), wizard->filingNumber());
    QVERIFY(stored);
    QCOMPARE(stored->level, 2);
    QCOMPARE(stored->reason, QStringLiteral("等候时间长"));
    QCOMPARE(stored->detail, QStringLiteral("排队太久"));
    QCOMPARE(stored->clerk, QString::fromLatin1(TestDatabase::clerk));
    // Once given, the buttons are gone; asking the view again stores nothing more.
    QVERIFY(!citizen->findChild<QPushButton *>(QStringLiteral("rating5"))->isVisibleTo(citizen));
    view->rate(5, QString(), QString());
    QCOMPARE(RatingStore(m_db->connection()).byClerk(QString::fromLatin1(TestDatabase::clerk)).size(), 1);

    // The next filing is rated or skipped; skipping stores nothing and does not hold anyone up.
    wizard->startNewFiling(false);
    QCOMPARE(view->ratingState(), CitizenView::RatingState::Closed);
    lookUpAndOpenLetter();
    QCOMPARE(view->stage(), CitizenView::Stage::Commitment);
}

QTEST_MAIN(TestCitizenScreen)
#include "tst_citizenscreen.moc"
