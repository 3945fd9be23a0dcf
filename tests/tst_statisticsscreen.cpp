// The statistics screen (管理 → 统计) offscreen on a real database: the period chosen with the
// keyboard, each chart with its table, Copy and Save PNG, the report PDF read back, and a clerk
// turned away.
#include <QApplication>
#include <QBarSet>
#include <QBarSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include "TestDatabase.h"
#include "model/filing/FilingSubmission.h"
#include "model/filing/RefusalTally.h"
#include "ui/administration/ChartPanel.h"
#include "ui/administration/StatisticsDialog.h"

using namespace gongji;

class TestStatisticsScreen : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dayShowsTheCountsAndCharts();
    void monthChosenWithTheKeyboard();
    void copyAndSavePng();
    void reportPdfReadsBack();
    void clerkIsTurnedAway();

private:
    std::unique_ptr<TestDatabase> m_db;
    Person m_father;
};

void TestStatisticsScreen::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_father = m_db->addPerson(QStringLiteral("钱建国"), TestDatabase::residentId("330102", QDate(1970, 3, 15), 11));
    const Person mother
        = m_db->addPerson(QStringLiteral("孙秀英"), TestDatabase::residentId("330102", QDate(1972, 6, 20), 22));
    const Person son
        = m_db->addPerson(QStringLiteral("钱小明"), TestDatabase::residentId("330102", QDate(2000, 9, 1), 31), "390");
    const Person daughter
        = m_db->addPerson(QStringLiteral("钱小红"), TestDatabase::residentId("330102", QDate(2004, 5, 1), 42), "390");
    FilingSubmission submission(m_db->connection());
    QVERIFY(submission.submit(TestDatabase::childFiling(m_father, son, TestDatabase::clerk)).stored());
    QVERIFY(submission.submit(TestDatabase::childFiling(m_father, daughter, TestDatabase::supervisor)).stored());
    const SubmissionResult refused = submission.submit(TestDatabase::childFiling(mother, son, TestDatabase::clerk));
    QCOMPARE(refused.status, SubmissionResult::Status::Refused);
    QVERIFY(RefusalTally(m_db->connection())
                .record(RefusalTally::refusedTargets(refused.verdict, TestDatabase::clerk, "counter")));
}

void TestStatisticsScreen::cleanup() { m_db.reset(); }

void TestStatisticsScreen::dayShowsTheCountsAndCharts()
{
    StatisticsDialog dialog(m_db->connection(), TestDatabase::supervisor);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.findChild<QLabel *>("totals")->text().contains("2 filings, 2 targets accepted, 1 refused"),
             qPrintable(dialog.findChild<QLabel *>("totals")->text()));
    // Refusals by code: one bar, its table beside it.
    QTableWidget *refusals = dialog.refusalsChart()->table();
    QCOMPARE(refusals->rowCount(), 1);
    QCOMPARE(refusals->item(0, 0)->text(), QStringLiteral("TARGET_BOUND_ELSEWHERE"));
    QCOMPARE(refusals->item(0, 1)->text(), QStringLiteral("1"));
    auto *bars = qobject_cast<QBarSeries *>(dialog.refusalsChart()->chartView()->chart()->series().value(0));
    QVERIFY(bars);
    QCOMPARE(bars->barSets().first()->at(0), 1.0);
    // Filings per day: a line of one point for the day.
    auto *line = qobject_cast<QLineSeries *>(dialog.filingsChart()->chartView()->chart()->series().value(0));
    QVERIFY(line);
    QCOMPARE(line->count(), 1);
    QCOMPARE(line->at(0).y(), 2.0);
    // The breakdown by clerk: accepted, refused and ended stacked per clerk.
    QTableWidget *clerks = dialog.breakdownChart()->table();
    QCOMPARE(clerks->rowCount(), 2);
    QCOMPARE(clerks->item(1, 0)->text(), QStringLiteral("tester"));
    QCOMPARE(clerks->item(1, 1)->text(), QStringLiteral("1")); // accepted
    QCOMPARE(clerks->item(1, 2)->text(), QStringLiteral("1")); // refused
}

void TestStatisticsScreen::monthChosenWithTheKeyboard()
{
    StatisticsDialog dialog(m_db->connection(), TestDatabase::supervisor);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier); // &Period
    auto *kind = dialog.findChild<QComboBox *>("periodKind");
    QCOMPARE(QApplication::focusWidget(), kind);
    QTest::keyClick(kind, Qt::Key_Down);
    QTest::keyClick(kind, Qt::Key_Down); // Month
    QCOMPARE(kind->currentIndex(), int(StatisticsDialog::PeriodKind::Month));
    const QDate today = QDate::currentDate();
    QCOMPARE(dialog.statistics().period.from, QDate(today.year(), today.month(), 1));
    QCOMPARE(dialog.filingsChart()->table()->rowCount(), today.daysInMonth());
    // A label under every day would each be cut to "…": a few days are labelled, the first of them
    // the month's first, and the table lists every day.
    auto *days
        = qobject_cast<QCategoryAxis *>(dialog.filingsChart()->chartView()->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(days);
    QVERIFY(days->count() >= 4 && days->count() <= 8);
    QCOMPARE(days->categoriesLabels().first(), QDate(today.year(), today.month(), 1).toString("MM-dd"));
    QCOMPARE(dialog.statistics().total.filings, qint64(2));
    QTest::keyClick(&dialog, Qt::Key_B, Qt::AltModifier); // &Breakdown
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // by region
    QCOMPARE(dialog.breakdownChart()->table()->rowCount(), 1);
    QCOMPARE(dialog.breakdownChart()->table()->item(0, 0)->text(), QStringLiteral("330100"));
}

void TestStatisticsScreen::copyAndSavePng()
{
    StatisticsDialog dialog(m_db->connection(), TestDatabase::supervisor);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.refusalsChart()->findChild<QPushButton *>("copy"), Qt::LeftButton);
    const QMimeData *copied = QApplication::clipboard()->mimeData();
    QVERIFY(copied);
    QCOMPARE(copied->text(), QStringLiteral("Refusals by code\nItem\tTargets refused\nTARGET_BOUND_ELSEWHERE\t1\n"));
    QVERIFY(copied->hasImage());
    const QString png = m_db->dir() + QStringLiteral("/refusals.png");
    QVERIFY(dialog.refusalsChart()->savePng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), dialog.refusalsChart()->chartView()->size());
}

void TestStatisticsScreen::reportPdfReadsBack()
{
    StatisticsDialog dialog(m_db->connection(), TestDatabase::supervisor);
    const QString pdf = m_db->dir() + QStringLiteral("/day.pdf");
    QVERIFY(dialog.saveReport(pdf));
    QProcess pdftotext;
    pdftotext.start(
        QStringLiteral("pdftotext"),
        {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("Daily report")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Filings (2)")));
    QVERIFY(text.contains(QStringLiteral("钱建国")));
    QVERIFY(!text.contains(m_father.idNumber));
    QVERIFY(text.contains(QStringLiteral("Supervisor's signature")));
}

void TestStatisticsScreen::clerkIsTurnedAway()
{
    StatisticsDialog dialog(m_db->connection(), TestDatabase::clerk);
    QVERIFY(!dialog.findChild<QLabel *>("status")->text().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>("reportPdf")->isEnabled());
    QCOMPARE(dialog.statistics().total.filings, qint64(0));
    QCOMPARE(dialog.refusalsChart()->table()->rowCount(), 0);
}

QTEST_MAIN(TestStatisticsScreen)
#include "tst_statisticsscreen.moc"
