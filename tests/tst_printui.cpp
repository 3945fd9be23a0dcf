// The print actions and the office settings dialog, offscreen, on a real temporary database:
// a preview paints without being audited, Save as PDF writes a searchable summary, and the
// office details typed into the dialog come out on the next summary.
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "ui/MainWindow.h"
#include "TestDatabase.h"
#include "model/storage/ClerkStore.h"
#include "model/filing/BindingRevocation.h"
#include "ui/filing/DonePage.h"
#include "ui/filing/FilingWizard.h"
#include "ui/household/BindingTabs.h"
#include "ui/household/HouseholdScreen.h"
#include "model/filing/FilingSubmission.h"
#include "model/kinship/KinshipSubmission.h"
#include "model/office/OfficeSettings.h"
#include "ui/printing/OfficeSettingsDialog.h"
#include "ui/settings/DatabaseSettingsDialog.h"
#include "ui/printing/SummaryPrintActions.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"

using namespace gongji;

namespace {
const QString filingTitle = QStringLiteral("个人账户家庭共济备案确认单");
const QString kinshipTitle = QStringLiteral("医保亲情账户绑定确认单");
const QString officeName = QStringLiteral("杭州市医疗保障服务中心");
} // namespace

class TestPrintUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionsFollowTheDocument();
    void previewPaintsWithoutAnAuditEntry();
    void printFromThePreviewIsAudited();
    void savePdfWritesTheSummaryAndMarksAReprint();
    void kinshipSummaryAsPdf();
    void householdBindingPicksTheSummary();
    void donePageOffersTheNewFilingsSummary();
    void householdScreenReprintsTheSelectedBinding();
    void unknownDocumentGivesAClearError();
    void settingsDialogSavesAndLoads();
    void mainWindowOpensOfficeDetails();
    void databaseSettingRefusesABadServerAddress();

private:
    QString fileFiling();
    QString bindKinship();
    static QString pdfText(const QString &path);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<QWidget> m_page;
    SummaryPrintActions *m_actions = nullptr;
    gongji::Person m_authorizer;
    gongji::Person m_spouse;
};

void TestPrintUi::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // The office details live in QSettings: keep them in a directory of the test's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gongji-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_printui"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "install poppler-utils");
}

void TestPrintUi::init()
{
    QSettings().clear();
    OfficeSettings::save({officeName, QStringLiteral("杭州市上城区解放东路18号"), QStringLiteral("3号窗口")});
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    m_authorizer
        = m_db->addPerson(QStringLiteral("王建国"), TestDatabase::residentId("330102", QDate(1960, 3, 15), 11));
    m_spouse = m_db->addPerson(QStringLiteral("李人美"), TestDatabase::residentId("330102", QDate(1962, 5, 1), 20));
    m_page = std::make_unique<QWidget>();
    m_actions
        = new SummaryPrintActions(m_db->connection(), QStringLiteral("tester"), QStringLiteral("zh_CN"), m_page.get());
}

void TestPrintUi::cleanup()
{
    m_page.reset(); // deletes m_actions
    m_actions = nullptr;
    m_db.reset();
}

QString TestPrintUi::fileFiling()
{
    FilingDraft draft;
    draft.authorizerIdType = m_authorizer.idType;
    draft.authorizerIdNumber = m_authorizer.idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("2026-01");
    draft.commitmentAt = QDateTime::currentDateTimeUtc();
    draft.filedOn = QDate::currentDate();
    draft.clerk = QStringLiteral("tester");
    draft.targets.append(TargetEntry{QStringLiteral("spouse"),
                                     m_spouse.idType,
                                     m_spouse.idNumber,
                                     m_spouse.name,
                                     {QStringLiteral("marriage_certificate")},
                                     false});
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    if (!result.stored())
        qWarning() << "submission failed:" << result.error;
    return result.filingNumber;
}

QString TestPrintUi::bindKinship()
{
    const KinshipDraft draft
        = TestDatabase::kinshipDraft(m_authorizer, m_spouse, QStringLiteral("spouse"), QStringLiteral("tester"));
    return KinshipSubmission(m_db->connection()).submit(draft).number;
}

QString TestPrintUi::pdfText(const QString &path)
{
    QProcess process;
    process.start(
        QStringLiteral("pdftotext"),
        {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestPrintUi::actionsFollowTheDocument()
{
    QCOMPARE(m_actions->actions().size(), 3);
    for (QAction *action : m_actions->actions()) {
        QVERIFY(!action->isEnabled()); // nothing to print yet
        QVERIFY(m_page->actions().contains(action)); // so that the shortcut works in the page
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
    }
    QCOMPARE(m_actions->printAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QCOMPARE(m_actions->previewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QCOMPARE(m_actions->pdfAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QCOMPARE(m_actions->pdfAction()->iconText(), QStringLiteral("Save as PDF")); // no mnemonic, no ellipsis
    m_actions->setFiling(QStringLiteral("GJ20261122-0001"));
    QVERIFY(m_actions->pdfAction()->isEnabled());
    m_actions->clear();
    QVERIFY(!m_actions->hasDocument());
    QVERIFY(!m_actions->printAction()->isEnabled());

    // The form is Chinese unless the desk was started in English.
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(SummaryPrintActions::formLanguage(), QStringLiteral("en"));
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(SummaryPrintActions::formLanguage(), QStringLiteral("zh_CN"));
    QLocale::setDefault(saved);
}

void TestPrintUi::previewPaintsWithoutAnAuditEntry()
{
    const QString number = fileFiling();
    QVERIFY(!number.isEmpty());
    m_actions->setFiling(number);
    AuditLog audit(m_db->connection());
    const qint64 before = audit.count();

    QPrintPreviewDialog *dialog = m_actions->createPreviewDialog();
    QVERIFY2(dialog, qPrintable(m_actions->lastError()));
    QSignalSpy painted(dialog, &QPrintPreviewDialog::paintRequested);
    dialog->resize(900, 1100);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY(painted.count() >= 1);
    auto *preview = dialog->findChild<QPrintPreviewWidget *>();
    QVERIFY(preview);
    QTRY_COMPARE(preview->pageCount(), 1);
    // The page has content: black text on it, not only the white sheet and its grey shadow.
    preview->fitInView();
    const QImage shot = preview->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    int dark = 0;
    for (int y = 0; y < shot.height(); ++y) {
        const uchar *line = shot.constScanLine(y);
        for (int x = 0; x < shot.width(); ++x)
            dark += line[x] < 60 ? 1 : 0;
    }
    QVERIFY2(dark > 5000, qPrintable(QStringLiteral("%1 dark pixels").arg(dark)));
    QVERIFY(m_actions->lastError().isEmpty());
    QCOMPARE(audit.count(), before); // previews are not prints
    QCOMPARE(audit.countFor(AuditAction::Print, number), 0);
    dialog->close();
}

void TestPrintUi::printFromThePreviewIsAudited()
{
    const QString number = fileFiling();
    m_actions->setFiling(number);
    QPointer<QPrintPreviewDialog> dialog = m_actions->createPreviewDialog();
    QVERIFY(dialog);
    // What the dialog's own Print button does after its print dialog: paintRequested with the
    // real printer (here one that writes a PDF).
    const QString path = m_db->dir() + QStringLiteral("/from-preview.pdf");
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    emit dialog->paintRequested(&printer);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::Print, number), 1);
    const QString text = pdfText(path);
    QVERIFY(text.contains(filingTitle));
    QVERIFY(text.contains(QStringLiteral("打印时间"))); // stamped like any print
    delete dialog;
}

void TestPrintUi::savePdfWritesTheSummaryAndMarksAReprint()
{
    const QString number = fileFiling();
    m_actions->setFiling(number);
    QSignalSpy done(m_actions, &SummaryPrintActions::done);
    const QString first = m_db->dir() + QStringLiteral("/first.pdf");
    QVERIFY2(m_actions->savePdfTo(first), qPrintable(m_actions->lastError()));
    QCOMPARE(done.count(), 1);
    QVERIFY(done.at(0).at(0).toString().contains(number));
    const QString text = pdfText(first);
    QVERIFY(text.contains(filingTitle));
    QVERIFY(text.contains(number));
    QVERIFY(!text.contains(QStringLiteral("补打")));
    const QString second = m_db->dir() + QStringLiteral("/second.pdf");
    QVERIFY(m_actions->savePdfTo(second));
    QVERIFY(pdfText(second).contains(QStringLiteral("【补打】")));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::Print, number), 2);
}

void TestPrintUi::kinshipSummaryAsPdf()
{
    const QString number = bindKinship();
    QVERIFY(number.startsWith(QStringLiteral("QQ")));
    m_actions->setKinship(number);
    const QString path = m_db->dir() + QStringLiteral("/kinship.pdf");
    QVERIFY2(m_actions->savePdfTo(path), qPrintable(m_actions->lastError()));
    const QString text = pdfText(path);
    QVERIFY(text.contains(kinshipTitle));
    QVERIFY(!text.contains(filingTitle));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::Print, QStringLiteral("kinship:") + number), 1);
}

void TestPrintUi::householdBindingPicksTheSummary()
{
    const QString filing = fileFiling();
    const QString kinship = bindKinship();
    const std::optional<Filing> stored = FilingStore(m_db->connection()).findByNumber(filing);
    QVERIFY(stored);
    HouseholdBinding binding;
    binding.kind = HouseholdBinding::Kind::MutualAid;
    binding.bindingId = BindingStore(m_db->connection()).byFiling(stored->id).at(0).id;
    binding.number = filing;
    binding.status = BindingStatus::Active;
    const auto titleOf = [this](const QString &name) {
        const QString path = m_db->dir() + QLatin1Char('/') + name;
        return m_actions->savePdfTo(path) ? pdfText(path) : m_actions->lastError();
    };
    m_actions->setBinding(binding);
    QVERIFY(titleOf(QStringLiteral("active.pdf")).contains(filingTitle));

    const BindingRevocation::Result revoked = BindingRevocation(m_db->connection())
                                                  .revoke(binding.bindingId, EndRequester::Authorizer,
                                                          QStringLiteral("本人申请"), QStringLiteral("tester"));
    QVERIFY2(revoked.ok, qPrintable(revoked.error));
    binding.status = BindingStatus::Ended;
    m_actions->setBinding(binding);
    QVERIFY(titleOf(QStringLiteral("ended.pdf")).contains(QStringLiteral("个人账户家庭共济解除确认单")));
    QCOMPARE(AuditLog(m_db->connection())
                 .countFor(AuditAction::Print, QStringLiteral("revocation:") + QString::number(binding.bindingId)),
             1);

    binding.kind = HouseholdBinding::Kind::Kinship;
    binding.number = kinship;
    m_actions->setBinding(binding);
    QVERIFY(titleOf(QStringLiteral("kinship-row.pdf")).contains(kinshipTitle));
    m_actions->setBinding(std::nullopt);
    QVERIFY(!m_actions->hasDocument());
    QVERIFY(!m_actions->pdfAction()->isEnabled());
}

void TestPrintUi::donePageOffersTheNewFilingsSummary()
{
    FilingWizard wizard(m_db->connection(), QStringLiteral("tester"));
    auto *page = qobject_cast<DonePage *>(wizard.page(FilingWizard::DonePageId));
    QVERIFY(page);
    SummaryPrintActions *actions = page->printActions();
    QVERIFY(!actions->hasDocument());
    for (QAction *action : actions->actions())
        QVERIFY(page->actions().contains(action)); // Ctrl+P etc. work on the page
    const QString number = fileFiling();
    wizard.setFilingNumber(number);
    page->initializePage();
    QVERIFY(actions->printAction()->isEnabled());
    const QString path = m_db->dir() + QStringLiteral("/done.pdf");
    QVERIFY2(actions->savePdfTo(path), qPrintable(actions->lastError()));
    const QString text = pdfText(path);
    QVERIFY(text.contains(filingTitle));
    QVERIFY(text.contains(number));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("printStatus"))->text().contains(number));
}

void TestPrintUi::householdScreenReprintsTheSelectedBinding()
{
    const QString filing = fileFiling();
    const QString kinship = bindKinship();
    HouseholdScreen screen(m_db->connection(), QStringLiteral("tester"));
    QVERIFY(screen.openPerson(m_authorizer.id));
    auto *reprint = screen.findChild<QPushButton *>(QStringLiteral("reprintButton"));
    QVERIFY(reprint);
    BindingTabs *lists = screen.lists();
    const auto printedTitle = [&](BindingTabs::Section section, const QString &name) {
        lists->setCurrentSection(section);
        lists->view(section)->selectRow(0);
        const QString path = m_db->dir() + QLatin1Char('/') + name;
        return reprint->isEnabled() && screen.printActions()->savePdfTo(path) ? pdfText(path) : QString();
    };
    QVERIFY(
        printedTitle(BindingTabs::Section::Authorizes, QStringLiteral("household-filing.pdf")).contains(filingTitle));
    const QString kinshipText
        = printedTitle(BindingTabs::Section::KinshipMembers, QStringLiteral("household-kinship.pdf"));
    QVERIFY(kinshipText.contains(kinshipTitle));
    QVERIFY(kinshipText.contains(kinship));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::Print, filing), 1);
    lists->setCurrentSection(BindingTabs::Section::KinshipHolders); // an empty list
    QVERIFY(!reprint->isEnabled()); // nothing selected, nothing to reprint
    QVERIFY(!screen.printActions()->hasDocument());
}

void TestPrintUi::unknownDocumentGivesAClearError()
{
    m_actions->setFiling(QStringLiteral("GJ19990101-0001"));
    QSignalSpy failed(m_actions, &SummaryPrintActions::failed);
    const qint64 before = AuditLog(m_db->connection()).count();
    const QString path = m_db->dir() + QStringLiteral("/none.pdf");
    QVERIFY(!m_actions->savePdfTo(path));
    QCOMPARE(failed.count(), 1);
    QVERIFY(m_actions->lastError().contains(QStringLiteral("GJ19990101-0001")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!m_actions->createPreviewDialog());
    QVERIFY(m_actions->lastError().contains(QStringLiteral("GJ19990101-0001")));
    m_actions->setRevocation(999);
    QVERIFY(!m_actions->createPreviewDialog());
    QVERIFY(m_actions->lastError().contains(QStringLiteral("999")));
    QCOMPARE(AuditLog(m_db->connection()).count(), before);
}

void TestPrintUi::settingsDialogSavesAndLoads()
{
    {
        OfficeSettingsDialog dialog;
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("officeName"));
        auto *counter = dialog.findChild<QLineEdit *>(QStringLiteral("officeCounter"));
        QVERIFY(name && counter);
        QCOMPARE(name->text(), officeName); // loaded
        name->setText(QStringLiteral("  宁波市医疗保障服务中心 "));
        counter->setText(QStringLiteral("5号窗口"));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(OfficeSettings::load().name, QStringLiteral("宁波市医疗保障服务中心"));
    QCOMPARE(OfficeSettings::load().counter, QStringLiteral("5号窗口"));
    QCOMPARE(OfficeSettings::load().address, QStringLiteral("杭州市上城区解放东路18号")); // untouched
    {
        OfficeSettingsDialog dialog;
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("officeName"))->text(),
                 QStringLiteral("宁波市医疗保障服务中心"));
        dialog.findChild<QLineEdit *>(QStringLiteral("officeCounter"))->setText(QStringLiteral("9号窗口"));
        dialog.reject(); // Cancel keeps what was saved
    }
    QCOMPARE(OfficeSettings::load().counter, QStringLiteral("5号窗口"));
    // The next summary carries the new header.
    const QString number = fileFiling();
    m_actions->setFiling(number);
    const QString path = m_db->dir() + QStringLiteral("/office.pdf");
    QVERIFY(m_actions->savePdfTo(path));
    const QString text = pdfText(path);
    QVERIFY(text.contains(QStringLiteral("宁波市医疗保障服务中心")));
    QVERIFY(text.contains(QStringLiteral("5号窗口")));
}

void TestPrintUi::mainWindowOpensOfficeDetails()
{
    MainWindow window(m_db->connection(), m_db->path(),
                      *ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(TestDatabase::clerk)));
    auto *action = window.findChild<QAction *>(QStringLiteral("actionOfficeSettings"));
    QVERIFY(action);
    // 设置 → 经办机构信息, in a menu of its own before Help.
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 2);
    const QAction *settings = menus.at(menus.size() - 2);
    QCOMPARE(settings->text(), QStringLiteral("&Settings"));
    QVERIFY(settings->menu()->actions().contains(action));
    QString shownName;
    QTimer::singleShot(0, this, [&shownName] {
        auto *dialog = qobject_cast<OfficeSettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        shownName = dialog->findChild<QLineEdit *>(QStringLiteral("officeName"))->text();
        dialog->reject();
    });
    action->trigger();
    QCOMPARE(shownName, officeName);
}

void TestPrintUi::databaseSettingRefusesABadServerAddress()
{
    QSettings().setValue(DatabaseSettingsDialog::settingKey(), QStringLiteral("/srv/counter.sqlite"));
    DatabaseSettingsDialog dialog;
    auto *location = dialog.findChild<QLineEdit *>(QStringLiteral("databaseLocation"));
    QCOMPARE(location->text(), QStringLiteral("/srv/counter.sqlite"));
    location->setText(QStringLiteral("postgresql://db.office.lan/gongji")); // no user
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("databaseLocationProblem"))
                ->text()
                .contains(QStringLiteral("postgresql://")));
    QCOMPARE(QSettings().value(DatabaseSettingsDialog::settingKey()).toString(), QStringLiteral("/srv/counter.sqlite"));
    // A password in the address is taken out and said so; the second Save keeps the address without it.
    location->setText(
        QStringLiteral("postgresql://gongji:secret@db.office.lan:5432/gongji_office?sslmode=verify-full"));
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    QCOMPARE(location->text(),
             QStringLiteral("postgresql://gongji@db.office.lan:5432/gongji_office?sslmode=verify-full"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("databaseLocationProblem"))
                ->text()
                .contains(QStringLiteral("password was taken out")));
    QCOMPARE(QSettings().value(DatabaseSettingsDialog::settingKey()).toString(), QStringLiteral("/srv/counter.sqlite"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QSettings().value(DatabaseSettingsDialog::settingKey()).toString(),
             QStringLiteral("postgresql://gongji@db.office.lan:5432/gongji_office?sslmode=verify-full"));
}

QTEST_MAIN(TestPrintUi)

#include "tst_printui.moc"
