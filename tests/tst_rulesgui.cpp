// The rules editor and the registry import dialog, offscreen, on a real temporary database.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <functional>

#include "ui/MainWindow.h"
#include "WidgetTest.h"
#include "TestDatabase.h"
#include "model/storage/ClerkStore.h"
#include "ui/administration/CheckList.h"
#include "ui/administration/ImpactDialog.h"
#include "ui/administration/RegistryImportDialog.h"
#include "ui/administration/RuleSetForm.h"
#include "ui/administration/RulesWindow.h"
#include "model/filing/FilingSubmission.h"
#include "model/itemmodels/RuleSetListModel.h"
#include "model/storage/AuditLog.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"

using namespace gongji;

class TestRulesGui : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filterByRegion();
    void newVersionThroughTheFormClosesTheOldPeriod();
    void refusedChangeShowsTheMessageAndStoresNothing_data();
    void refusedChangeShowsTheMessageAndStoresNothing();
    void referencedSetIsReadOnly();
    void impactDialogListsABindingTheChangeWouldRefuse();
    void registryImportShowsErrorsByLineAndImportsAGoodFile();
    void cancelledImportLeavesTheRegistryAsItWas();
    void registryImportSaysTheEncoding_data();
    void registryImportSaysTheEncoding();
    void administrationMenuOpensBoth();

private:
    template<typename T> T *child(QWidget *parent, const char *name) const
    {
        return WidgetTest::child<T>(parent, name);
    }
    RulesWindow *openRules();
    bool select(const QString &region);
    void fileBinding(const Person &authorizer, const Person &target, const QString &relationship);
    // Runs `handle` on the impact dialog once it is shown (it is modal: exec() waits).
    void onImpactDialog(std::function<void(ImpactDialog *)> handle);
    QString storedJson() const;

    TestDatabase *m_db = nullptr;
    RulesWindow *m_window = nullptr;
    int m_impactDialogs = 0;
    QTimer *m_impactTimer = nullptr; // one per test: a timer left waiting must not answer the next test's dialog
};

void TestRulesGui::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    m_impactDialogs = 0;
}

void TestRulesGui::cleanup()
{
    delete m_impactTimer;
    m_impactTimer = nullptr;
    delete m_window;
    m_window = nullptr;
    delete m_db;
    m_db = nullptr;
}

RulesWindow *TestRulesGui::openRules()
{
    m_window = new RulesWindow(m_db->connection(), QStringLiteral("supervisor"));
    // The list of rule sets is checked for consistency through every change the tests make.
    new QAbstractItemModelTester(child<QTableView>(m_window, "rulesTable")->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_window);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window))
        qFatal("rules window not shown");
    return m_window;
}

bool TestRulesGui::select(const QString &region)
{
    auto *table = child<QTableView>(m_window, "rulesTable");
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, RuleSetListModel::RegionColumn);
        if (index.data().toString() == region) {
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return child<QLineEdit>(m_window, "ruleRegion")->text() == region;
        }
    }
    return false;
}

void TestRulesGui::fileBinding(const Person &authorizer, const Person &target, const QString &relationship)
{
    FilingDraft draft;
    draft.authorizerIdType = authorizer.idType;
    draft.authorizerIdNumber = authorizer.idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("test");
    draft.filedOn = QDate::currentDate();
    draft.clerk = QStringLiteral("tester");
    draft.targets.append(TargetEntry{relationship, target.idType, target.idNumber, target.name, {}, false});
    const SubmissionResult result = FilingSubmission(m_db->connection()).submit(draft);
    QVERIFY2(result.stored(), qPrintable(result.error));
}

void TestRulesGui::onImpactDialog(std::function<void(ImpactDialog *)> handle)
{
    delete m_impactTimer;
    m_impactTimer = new QTimer(this);
    m_impactTimer->setInterval(20);
    connect(m_impactTimer, &QTimer::timeout, this, [this, handle] {
        auto *dialog = qobject_cast<ImpactDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        m_impactTimer->stop();
        ++m_impactDialogs;
        handle(dialog);
    });
    m_impactTimer->start();
}

QString TestRulesGui::storedJson() const
{
    QStringList sets;
    for (const RuleSet &set : RuleSetStore(m_db->connection()).all())
        sets << QString::fromUtf8(QJsonDocument(set.toJson()).toJson(QJsonDocument::Compact));
    return sets.join(QLatin1Char('\n'));
}

void TestRulesGui::filterByRegion()
{
    openRules();
    auto *table = child<QTableView>(m_window, "rulesTable");
    const int all = table->model()->rowCount();
    QCOMPARE(all, int(RuleSetStore(m_db->connection()).count()));
    auto *filter = child<QLineEdit>(m_window, "rulesFilter");
    QTest::keyClicks(filter, QStringLiteral("33"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, RuleSetListModel::RegionColumn).data().toString(), QStringLiteral("330000"));
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("000000"));
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(table->model()
                ->index(1, RuleSetListModel::PeriodColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("2026-01-09")));
    QTest::keyClicks(filter, QStringLiteral("1"));
    QCOMPARE(table->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(table->model()->rowCount(), all);
}

void TestRulesGui::newVersionThroughTheFormClosesTheOldPeriod()
{
    openRules();
    QVERIFY(select(QStringLiteral("330000")));
    const RuleSet base = *RuleSetStore(m_db->connection()).resolve(QStringLiteral("330100"), QDate::currentDate());
    QCOMPARE(base.region, QStringLiteral("330000"));
    child<QPushButton>(m_window, "newVersionButton")->click();
    QVERIFY(!child<QLineEdit>(m_window, "ruleRegion")->isEnabled()); // a version keeps its region
    QVERIFY(child<QLineEdit>(m_window, "ruleTitle")->isEnabled());
    const QDate start = QDate::currentDate().addDays(30);
    child<QDateEdit>(m_window, "ruleFrom")->setDate(start);
    child<QSpinBox>(m_window, "ruleMaxAuthorizers")->setValue(2);
    QCOMPARE(child<QSpinBox>(m_window, "ruleMaxPeriod")->text(), RuleSetForm::tr("unlimited"));
    child<QSpinBox>(m_window, "ruleMaxPeriod")->setValue(36);
    child<QLineEdit>(m_window, "ruleTitle")->setText(QStringLiteral("浙江：新版本"));
    onImpactDialog([](ImpactDialog *dialog) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("impactSaveButton")), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(m_window, "saveRuleSetButton"), Qt::LeftButton);
    QCOMPARE(m_impactDialogs, 1);
    QVERIFY2(child<QLabel>(m_window, "ruleProblems")->isHidden(),
             qPrintable(child<QLabel>(m_window, "ruleProblems")->text()));

    RuleSetStore store(m_db->connection());
    QCOMPARE(store.findById(base.id)->effectiveTo, start.addDays(-1));
    const std::optional<RuleSet> next = store.resolve(QStringLiteral("330100"), start);
    QVERIFY(next && next->id != base.id);
    QCOMPARE(next->title, QStringLiteral("浙江：新版本"));
    QCOMPARE(next->maxAuthorizersPerTarget, std::optional<int>(2));
    QCOMPARE(next->maxPeriodMonths, std::optional<int>(36));
    QVERIFY(!base.maxPeriodMonths);
    QCOMPARE(next->relationships, base.relationships);
    QCOMPARE(store.resolve(QStringLiteral("330100"), start.addDays(-1))->id, base.id);
    // The list was read again and shows the new version selected.
    QCOMPARE(child<QLineEdit>(m_window, "ruleTitle")->text(), QStringLiteral("浙江：新版本"));
    QVERIFY(child<QLabel>(m_window, "rulesStatus")->text().contains(QStringLiteral("Saved")));
}

void TestRulesGui::refusedChangeShowsTheMessageAndStoresNothing_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty relationships") << "relationships"
                                         << "relationships is empty";
    QTest::newRow("overlapping period") << "overlap"
                                        << "overlaps the stored rule set";
    QTest::newRow("end before start") << "end"
                                      << "before the start date";
    QTest::newRow("region of 4 digits") << "region"
                                        << "6 digits";
}

void TestRulesGui::refusedChangeShowsTheMessageAndStoresNothing()
{
    QFETCH(QString, change);
    QFETCH(QString, message);
    const QString before = storedJson();
    const qint64 audits = AuditLog(m_db->connection()).count();
    openRules();
    if (change == QLatin1String("relationships")) {
        QVERIFY(select(QStringLiteral("110000")));
        auto *list = child<CheckList>(m_window, "ruleRelationships");
        for (int row = 0; row < list->count(); ++row)
            list->item(row)->setCheckState(Qt::Unchecked);
    } else {
        child<QPushButton>(m_window, "newRuleSetButton")->click();
        QTest::keyClicks(child<QLineEdit>(m_window, "ruleRegion"),
                         change == QLatin1String("region")        ? QStringLiteral("3200")
                             : change == QLatin1String("overlap") ? QStringLiteral("000000")
                                                                  : QStringLiteral("320000"));
        child<QLineEdit>(m_window, "ruleTitle")->setText(QStringLiteral("测试"));
        child<QDateEdit>(m_window, "ruleFrom")
            ->setDate(change == QLatin1String("overlap") ? QDate(2025, 6, 1) : QDate(2027, 1, 1));
        child<QCheckBox>(m_window, "ruleHasEnd")->setChecked(change == QLatin1String("end"));
        child<QDateEdit>(m_window, "ruleTo")->setDate(QDate(2026, 12, 1));
    }
    onImpactDialog([](ImpactDialog *dialog) { dialog->reject(); });
    QTest::mouseClick(child<QPushButton>(m_window, "saveRuleSetButton"), Qt::LeftButton);
    auto *problems = child<QLabel>(m_window, "ruleProblems");
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(message), qPrintable(problems->text()));
    QCOMPARE(m_impactDialogs, 0); // refused before any impact report
    QCOMPARE(storedJson(), before);
    QCOMPARE(AuditLog(m_db->connection()).count(), audits);
}

void TestRulesGui::referencedSetIsReadOnly()
{
    const Person authorizer = m_db->addPerson(
        QStringLiteral("王建国"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 3, 15), 11));
    const Person son = m_db->addPerson(QStringLiteral("王小明"),
                                       TestDatabase::residentId(QStringLiteral("330102"), QDate(2000, 9, 1), 31),
                                       QStringLiteral("390"));
    fileBinding(authorizer, son, QStringLiteral("child"));
    openRules();
    QVERIFY(select(QStringLiteral("330000")));
    auto *notice = child<QLabel>(m_window, "ruleReadOnlyNotice");
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("read-only")));
    QVERIFY(notice->text().contains(QStringLiteral("new version")));
    QVERIFY(!child<QLineEdit>(m_window, "ruleTitle")->isEnabled());
    QVERIFY(!child<CheckList>(m_window, "ruleRelationships")->isEnabled());
    QVERIFY(!child<QPushButton>(m_window, "saveRuleSetButton")->isEnabled());
    QVERIFY(!child<QPushButton>(m_window, "deleteRuleSetButton")->isEnabled());
    QVERIFY(child<QPushButton>(m_window, "newVersionButton")->isEnabled());

    // An unreferenced set next to it is editable again.
    QVERIFY(select(QStringLiteral("110000")));
    QVERIFY(notice->isHidden());
    QVERIFY(child<QLineEdit>(m_window, "ruleTitle")->isEnabled());
    QVERIFY(child<QPushButton>(m_window, "deleteRuleSetButton")->isEnabled());
}

void TestRulesGui::impactDialogListsABindingTheChangeWouldRefuse()
{
    const Person authorizer = m_db->addPerson(
        QStringLiteral("王建国"), TestDatabase::residentId(QStringLiteral("330102"), QDate(1970, 3, 15), 11));
    const Person son = m_db->addPerson(QStringLiteral("王小明"),
                                       TestDatabase::residentId(QStringLiteral("330102"), QDate(2000, 9, 1), 31),
                                       QStringLiteral("390"));
    const Person sister = m_db->addPerson(QStringLiteral("王秀"),
                                          TestDatabase::residentId(QStringLiteral("330102"), QDate(1973, 1, 1), 42),
                                          QStringLiteral("390"));
    fileBinding(authorizer, son, QStringLiteral("child"));
    fileBinding(authorizer, sister, QStringLiteral("sibling"));
    const QString before = storedJson();
    openRules();
    QVERIFY(select(QStringLiteral("330000")));
    child<QPushButton>(m_window, "newVersionButton")->click();
    child<CheckList>(m_window, "ruleRelationships")->setChecked(QStringLiteral("sibling"), false);

    QStringList shown;
    QString csv;
    const QString csvPath = m_db->dir() + QStringLiteral("/impact.csv");
    onImpactDialog([&](ImpactDialog *dialog) {
        auto *rows = dialog->findChild<QTableWidget *>(QStringLiteral("impactRows"));
        auto *counts = dialog->findChild<QTableWidget *>(QStringLiteral("impactCounts"));
        if (rows && counts && rows->rowCount() == 1 && counts->rowCount() == 1) {
            for (int column = 0; column < rows->columnCount(); ++column)
                shown << rows->item(0, column)->text();
            shown << counts->item(0, 0)->text() << counts->item(0, 1)->text();
        }
        QString error;
        if (dialog->exportCsv(csvPath, &error)) {
            QFile file(csvPath);
            if (file.open(QIODevice::ReadOnly))
                csv = QString::fromUtf8(file.readAll());
        }
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("impactCancelButton")), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(m_window, "saveRuleSetButton"), Qt::LeftButton);
    QCOMPARE(m_impactDialogs, 1);
    QVERIFY2(shown.size() == 9, qPrintable(shown.join(QLatin1Char('|'))));
    QCOMPARE(shown.at(1), QStringLiteral("王*国")); // names masked
    QCOMPARE(shown.at(3), QStringLiteral("王*"));
    QVERIFY(!shown.at(4).contains(sister.idNumber)); // number masked
    QVERIFY(shown.at(4).startsWith(sister.idNumber.left(6)));
    QCOMPARE(shown.at(6), QStringLiteral("RELATIONSHIP_NOT_ALLOWED"));
    QCOMPARE(shown.at(7), QStringLiteral("RELATIONSHIP_NOT_ALLOWED"));
    QCOMPARE(shown.at(8), QStringLiteral("1"));
    QVERIFY(csv.startsWith(QStringLiteral("binding_id,")));
    QVERIFY(csv.contains(QStringLiteral("RELATIONSHIP_NOT_ALLOWED")));
    QVERIFY(!csv.contains(QStringLiteral("王秀")));
    QVERIFY(!csv.contains(sister.idNumber));
    // Cancel after the report: nothing stored, the form still holds the edit.
    QCOMPARE(storedJson(), before);
    QVERIFY(child<QLabel>(m_window, "rulesStatus")->text().contains(QStringLiteral("Not saved")));
    QVERIFY(!child<CheckList>(m_window, "ruleRelationships")->checked().contains(QStringLiteral("sibling")));
}

void TestRulesGui::registryImportShowsErrorsByLineAndImportsAGoodFile()
{
    RegistryImportDialog dialog(m_db->connection(), QStringLiteral("supervisor"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *path = child<QLineEdit>(&dialog, "importPath");
    auto *import = child<QPushButton>(&dialog, "importButton");
    auto *errors = child<QTableWidget>(&dialog, "importErrors");
    path->setFocus();
    QTest::keyClicks(path, QStringLiteral(GONGJI_TEST_DATA "/registry-bad.csv"));
    QTest::keyClick(path, Qt::Key_Return);
    QVERIFY(errors->isVisible());
    QList<int> lines;
    for (int row = 0; row < errors->rowCount(); ++row) {
        lines << errors->item(row, 0)->text().toInt();
        QVERIFY(!errors->item(row, 1)->text().isEmpty());
    }
    QList<int> expected; // as tst_registryimport: 3 to 17 one problem each, 18 two
    for (int line = 3; line <= 18; ++line)
        expected << line;
    expected << 18;
    QCOMPARE(lines, expected);
    QVERIFY(errors->item(1, 1)->text().contains(QStringLiteral("name is empty"))); // line 4
    auto *preview = child<QTableView>(&dialog, "importPreview");
    QCOMPARE(preview->model()->rowCount(), 17);
    QCOMPARE(preview->model()->headerData(0, Qt::Vertical).toInt(), 2); // rows named by their line
    QCOMPARE(preview->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("name"));
    QVERIFY(!import->isEnabled());
    const qint64 before = PersonStore(m_db->connection()).count();

    path->clear();
    QTest::keyClicks(path, QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"));
    QTest::mouseClick(child<QPushButton>(&dialog, "importCheckButton"), Qt::LeftButton);
    QVERIFY(errors->isHidden());
    QVERIFY(import->isEnabled());
    int lastDone = -1;
    connect(&dialog, &RegistryImportDialog::progressed, this, [&](int done, int) { lastDone = done; });
    QTest::mouseClick(import, Qt::LeftButton);
    const qint64 added = PersonStore(m_db->connection()).count() - before;
    QVERIFY(added > 0);
    QCOMPARE(lastDone, int(added)); // the last report is "all rows done"
    QCOMPARE(child<QProgressBar>(&dialog, "importProgress")->value(), int(added));
    const QString summary = child<QLabel>(&dialog, "importSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("%1 added, 0 updated, 0 unchanged").arg(added)), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("0 binding(s) ended automatically")));
}

// The preview names the encoding the file was read in and shows its names as they are; the
// GB18030 file is registry-good.csv through iconv -f utf-8 -t gb18030, with CRLF.
void TestRulesGui::registryImportSaysTheEncoding_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8") << QStringLiteral("registry-good.csv") << QStringLiteral("Read as UTF-8");
    QTest::newRow("GB18030") << QStringLiteral("registry-good-gb18030.csv") << QStringLiteral("Read as GB18030 (GBK)");
    QTest::newRow("UTF-8 with BOM") << QStringLiteral("registry-update.csv")
                                    << QStringLiteral("Read as UTF-8 with BOM");
}

void TestRulesGui::registryImportSaysTheEncoding()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    RegistryImportDialog dialog(m_db->connection(), QStringLiteral("supervisor"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *path = child<QLineEdit>(&dialog, "importPath");
    path->setFocus();
    QTest::keyClicks(path, QStringLiteral(GONGJI_TEST_DATA "/") + file);
    QTest::keyClick(path, Qt::Key_Return);
    QCOMPARE(child<QLabel>(&dialog, "importEncoding")->text(), encoding);
    QVERIFY(child<QPushButton>(&dialog, "importButton")->isEnabled());
    const QAbstractItemModel *preview = child<QTableView>(&dialog, "importPreview")->model();
    QCOMPARE(preview->index(0, 0).data().toString(), QStringLiteral("张伟"));
}

void TestRulesGui::cancelledImportLeavesTheRegistryAsItWas()
{
    Person known;
    known.name = QStringLiteral("张伟");
    known.idType = QStringLiteral("01");
    known.idNumber = QStringLiteral("330102198003151236");
    known.insuranceType = QStringLiteral("310");
    known.employment = QStringLiteral("working");
    known.status = QStringLiteral("active");
    known.poolingRegion = QStringLiteral("330100");
    known.balanceFen = 12300; // the file says 5000.00: it would be updated
    m_db->addPerson(known);
    const qint64 before = PersonStore(m_db->connection()).count();
    const qint64 balance = PersonStore(m_db->connection())
                               .findByDocument(QStringLiteral("01"), QStringLiteral("330102198003151236"))
                               ->balanceFen;
    RegistryImportDialog dialog(m_db->connection(), QStringLiteral("supervisor"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.checkFile(QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"));
    auto *cancel = child<QPushButton>(&dialog, "importCancelButton");
    QVERIFY(!cancel->isEnabled());
    int cancelledAt = -1;
    connect(&dialog, &RegistryImportDialog::progressed, this, [&](int done, int) {
        // Some rows are in the transaction already when the supervisor cancels.
        if (done == 3 && cancel->isEnabled()) {
            cancelledAt = done;
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
    QCOMPARE(cancelledAt, 3);
    QVERIFY(!dialog.isImporting());
    QCOMPARE(PersonStore(m_db->connection()).count(), before);
    QCOMPARE(PersonStore(m_db->connection())
                 .findByDocument(QStringLiteral("01"), QStringLiteral("330102198003151236"))
                 ->balanceFen,
             balance);
    QVERIFY(child<QLabel>(&dialog, "importSummary")->text().contains(QStringLiteral("cancelled")));
    QVERIFY(child<QPushButton>(&dialog, "importButton")->isEnabled()); // may be imported after all
}

void TestRulesGui::administrationMenuOpensBoth()
{
    MainWindow window(m_db->connection(), m_db->path(),
                      *ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(TestDatabase::supervisor)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    for (QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    const qsizetype admin = menus.indexOf(QStringLiteral("Administrati&on"));
    QVERIFY2(admin >= 0 && admin < menus.indexOf(QStringLiteral("&Help")), qPrintable(menus.join(QLatin1Char(' '))));

    auto *rules = window.findChild<QAction *>(QStringLiteral("actionRuleSets"));
    QVERIFY(rules);
    rules->trigger();
    RulesWindow *editor = window.findChild<RulesWindow *>();
    QVERIFY(editor && editor->isVisible());
    rules->trigger(); // the open editor is raised, not doubled
    QCOMPARE(window.findChildren<RulesWindow *>().size(), 1);
    QCOMPARE(editor->model()->rowCount(), int(RuleSetStore(m_db->connection()).count()));
    editor->close(); // deletes it
    QTRY_VERIFY(!window.findChild<RulesWindow *>());

    bool shown = false;
    QTimer::singleShot(50, this, [&shown] {
        auto *dialog = qobject_cast<RegistryImportDialog *>(QApplication::activeModalWidget());
        shown = dialog != nullptr;
        if (dialog)
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("importCloseButton")), Qt::LeftButton);
    });
    window.findChild<QAction *>(QStringLiteral("actionImportRegistry"))->trigger();
    QVERIFY(shown);
}

QTEST_MAIN(TestRulesGui)
#include "tst_rulesgui.moc"
