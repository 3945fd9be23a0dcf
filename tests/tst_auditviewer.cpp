// The supervisor's audit viewer: the filtered, paged query (AuditLog::entries), the item model,
// the CSV export (bytes, formula prefixes, its own audit entry), the role check, and the dialog
// driven with QTest offscreen. Runs in Asia/Shanghai (UTC+8) so that "a day" means a local day.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <ctime>

#include "ui/MainWindow.h"
#include "TestDatabase.h"
#include "model/accounts/PasswordHash.h"
#include "ui/administration/AuditLogDialog.h"
#include "ui/administration/ClerkAccountsDialog.h"
#include "model/export/AuditCsv.h"
#include "model/itemmodels/AuditLogModel.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"

using namespace gongji;

class TestAuditViewer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filterSelectsTheRightEntries_data();
    void filterSelectsTheRightEntries();
    void pagesFollowOneAnotherWithoutGapsOrRepeats();
    void modelFetchesMoreAsTheViewScrolls();
    void modelShowsReadableActionNames();
    void choicesAreTheDistinctActorsAndActions();
    void csvBytesAreExactAndTheExportIsAudited();
    void clerkIsRefused_data();
    void clerkIsRefused();
    void dialogFiltersWithTheKeyboardAndExports();
    void dialogForAClerkShowsTheRefusal();
    void administrationMenuOpensBothForASupervisorOnly_data();
    void administrationMenuOpensBothForASupervisorOnly();

private:
    // Adds an entry with a chosen time (INSERT is what the append-only log allows).
    void insert(const QString &at, const QString &actor, const QString &action, const QString &subject,
                const QString &detail = QStringLiteral("{}"));
    QStringList subjects(const AuditFilter &filter) const;
    qint64 countAction(const QString &action) const;

    TestDatabase *m_db = nullptr;
};

void TestAuditViewer::initTestCase()
{
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
}

void TestAuditViewer::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    // Local (UTC+8) times in the comments. The fixture's own account_add entries are from today.
    insert("2026-03-01T15:30:00.000Z", "tester", "filing", "F-1"); // 03-01 23:30
    insert("2026-03-01T16:30:00.000Z", "supervisor", "rules_update", "7"); // 03-02 00:30
    insert("2026-03-02T02:00:00.000Z", "tester", "print", "=1+2", R"({"copy":2})"); // 03-02 10:00
    insert("2026-03-03T01:00:00.000Z", "tester", "sign_in", "tester"); // 03-03 09:00
}

void TestAuditViewer::cleanup()
{
    delete m_db;
    m_db = nullptr;
}

void TestAuditViewer::insert(const QString &at, const QString &actor, const QString &action, const QString &subject,
                             const QString &detail)
{
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(at);
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(subject);
    q.addBindValue(detail);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

QStringList TestAuditViewer::subjects(const AuditFilter &filter) const
{
    QStringList result;
    for (const AuditEntry &entry : AuditLog(m_db->connection()).entries(filter, 100))
        result << entry.subject;
    return result;
}

qint64 TestAuditViewer::countAction(const QString &action) const
{
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"));
    q.addBindValue(action);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

void TestAuditViewer::filterSelectsTheRightEntries_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("expected"); // subjects, newest first

    QTest::newRow("clerk") << "tester"
                           << "" << QDate() << QDate() << QStringList{"tester", "=1+2", "F-1"};
    QTest::newRow("action") << ""
                            << "print" << QDate() << QDate() << QStringList{"=1+2"};
    QTest::newRow("one local day") << ""
                                   << "" << QDate(2026, 3, 2) << QDate(2026, 3, 2) << QStringList{"=1+2", "7"};
    QTest::newRow("to only") << ""
                             << "" << QDate() << QDate(2026, 3, 1) << QStringList{"F-1"};
    QTest::newRow("clerk and from") << "tester"
                                    << "" << QDate(2026, 3, 2) << QDate() << QStringList{"tester", "=1+2"};
    QTest::newRow("from only, with today's")
        << ""
        << "" << QDate(2026, 3, 3) << QDate() << QStringList{"tester", "supervisor", "tester"};
    QTest::newRow("all three") << "supervisor"
                               << "rules_update" << QDate(2026, 3, 1) << QDate(2026, 3, 2) << QStringList{"7"};
    QTest::newRow("nothing") << "nobody"
                             << "" << QDate() << QDate() << QStringList{};
    QTest::newRow("to before from") << ""
                                    << "" << QDate(2026, 3, 3) << QDate(2026, 3, 1) << QStringList{};
}

void TestAuditViewer::filterSelectsTheRightEntries()
{
    QFETCH(QString, actor);
    QFETCH(QString, action);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, expected);
    const QStringList got = subjects(AuditFilter{actor, action, from, to});
    if (QByteArray(QTest::currentDataTag()).startsWith("from only")) {
        // Today's two account_add entries have the same millisecond or not: compare as a set, then the old one last.
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.last(), QStringLiteral("tester"));
        QCOMPARE(QSet<QString>(got.begin(), got.begin() + 2), (QSet<QString>{"tester", "supervisor"}));
        return;
    }
    QCOMPARE(got, expected);
}

void TestAuditViewer::pagesFollowOneAnotherWithoutGapsOrRepeats()
{
    // 450 entries in one millisecond: the keyset must break ties by id, not skip or repeat.
    QSqlDatabase::database(m_db->connection()).transaction();
    for (int i = 0; i < 450; ++i)
        insert("2026-04-01T08:00:00.000Z", "tester", "print", QString::number(i));
    QSqlDatabase::database(m_db->connection()).commit();
    const AuditFilter prints{QString(), QStringLiteral("print"), QDate(2026, 4, 1), QDate(2026, 4, 1)};
    AuditLog log(m_db->connection());
    QList<AuditEntry> all;
    QList<AuditEntry> page = log.entries(prints, 200);
    while (!page.isEmpty()) {
        QVERIFY(page.size() <= 200);
        all += page;
        const AuditEntry last = page.last();
        page = log.entries(prints, 200, &last);
    }
    QCOMPARE(all.size(), 450);
    for (int i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i).subject, QString::number(449 - i)); // newest (highest id) first
}

void TestAuditViewer::modelFetchesMoreAsTheViewScrolls()
{
    QSqlDatabase::database(m_db->connection()).transaction();
    for (int i = 0; i < AuditLogModel::pageSize + 50; ++i)
        insert(QStringLiteral("2026-05-01T08:00:%1.000Z").arg(i % 60, 2, 10, QLatin1Char('0')), "tester", "filing",
               QString::number(i));
    QSqlDatabase::database(m_db->connection()).commit();
    AuditLogModel model(m_db->connection(), QStringLiteral("supervisor"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFilter({QString(), QStringLiteral("filing"), {}, {}}));
    QCOMPARE(model.rowCount(), AuditLogModel::pageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), AuditLogModel::pageSize + 51); // + the fixture's F-1
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.entryAt(model.rowCount() - 1).subject, QStringLiteral("F-1"));
}

void TestAuditViewer::modelShowsReadableActionNames()
{
    insert("2026-03-04T01:00:00.000Z", "tester", "something_new", "x");
    AuditLogModel model(m_db->connection(), QStringLiteral("supervisor"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFilter({QStringLiteral("tester"), {}, QDate(2026, 3, 2), QDate(2026, 3, 4)}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(AuditLogModel::ColumnCount));
    QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("something_new"));
    QCOMPARE(model.index(1, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Signed in"));
    QCOMPARE(model.index(2, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Summary printed"));
    QCOMPARE(model.index(2, AuditLogModel::ActionColumn).data(AuditLogModel::RawActionRole).toString(),
             QStringLiteral("print"));
    QCOMPARE(model.index(2, AuditLogModel::TimeColumn).data().toString(), QStringLiteral("2026-03-02 10:00:00"));
    QCOMPARE(model.index(2, AuditLogModel::ClerkColumn).data().toString(), QStringLiteral("tester"));
    QCOMPARE(model.index(2, AuditLogModel::SubjectColumn).data().toString(), QStringLiteral("=1+2"));
    QCOMPARE(model.index(2, AuditLogModel::DetailColumn).data().toString(), QStringLiteral("copy: 2"));
}

void TestAuditViewer::choicesAreTheDistinctActorsAndActions()
{
    AuditLog log(m_db->connection());
    QCOMPARE(log.actors(), (QStringList{"supervisor", "tester"}));
    QCOMPARE(log.actions(), (QStringList{"account_add", "filing", "print", "rules_update", "sign_in"}));
}

void TestAuditViewer::csvBytesAreExactAndTheExportIsAudited()
{
    const QString path = m_db->dir() + QStringLiteral("/audit.csv");
    const AuditCsv::Result result
        = AuditCsv(m_db->connection())
              .exportTo(QStringLiteral("supervisor"),
                        {QStringLiteral("tester"), {}, QDate(2026, 3, 1), QDate(2026, 3, 2)}, path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected
        = QByteArrayLiteral("\xEF\xBB\xBF"
                            "time_local,time_utc,clerk,action,subject,detail\r\n"
                            "2026-03-02 10:00:00,2026-03-02T02:00:00.000Z,tester,print,'=1+2,\"{\"\"copy\"\":2}\"\r\n"
                            "2026-03-01 23:30:00,2026-03-01T15:30:00.000Z,tester,filing,F-1,{}\r\n");
    QCOMPARE(file.readAll(), expected);

    const QList<AuditEntry> exports
        = AuditLog(m_db->connection()).entries({{}, QStringLiteral("audit_export"), {}, {}}, 10);
    QCOMPARE(exports.size(), 1);
    QCOMPARE(exports.first().actor, QStringLiteral("supervisor"));
    QCOMPARE(exports.first().subject, QStringLiteral("audit.csv"));
    QCOMPARE(exports.first().detail.value(QStringLiteral("rows")).toInt(), 2);
    QCOMPARE(exports.first().detail.value(QStringLiteral("clerk")).toString(), QStringLiteral("tester"));
    QCOMPARE(exports.first().detail.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-01"));
    QCOMPARE(exports.first().detail.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-02"));
}

void TestAuditViewer::clerkIsRefused_data()
{
    QTest::addColumn<QString>("actor");
    QTest::newRow("clerk") << "tester";
    QTest::newRow("unknown login") << "intruder";
}

void TestAuditViewer::clerkIsRefused()
{
    QFETCH(QString, actor);
    AuditLogModel model(m_db->connection(), actor);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.setFilter({}));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.error().contains(actor));

    const qint64 before = AuditLog(m_db->connection()).count();
    const QString path = m_db->dir() + QStringLiteral("/refused.csv");
    const AuditCsv::Result result = AuditCsv(m_db->connection()).exportTo(actor, {}, path);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(actor));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(AuditLog(m_db->connection()).count(), before);
}

void TestAuditViewer::dialogFiltersWithTheKeyboardAndExports()
{
    AuditLogDialog dialog(m_db->connection(), QStringLiteral("supervisor"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *action = dialog.findChild<QComboBox *>(QStringLiteral("auditAction"));
    auto *table = dialog.findChild<QTableView *>(QStringLiteral("auditTable"));
    QVERIFY(action && table);
    QCOMPARE(table->model()->rowCount(), 6); // 4 + the fixture's two

    // Choose "Summary printed (print)" with the arrow keys.
    action->setFocus();
    for (int i = 0; i < action->count() && action->currentData().toString() != QLatin1String("print"); ++i)
        QTest::keyClick(action, Qt::Key_Down);
    QCOMPARE(action->currentData().toString(), QStringLiteral("print"));
    QCOMPARE(action->currentText(), QStringLiteral("Summary printed (print)"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, AuditLogModel::SubjectColumn).data().toString(), QStringLiteral("=1+2"));

    // A date typed into From narrows further: after 2026-03-02 nothing is printed.
    auto *from = dialog.findChild<QDateEdit *>(QStringLiteral("auditFrom"));
    from->setFocus();
    from->setDate(QDate(2026, 3, 3));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("auditStatus"))->text().contains(QStringLiteral("No entries")));
    QTest::keyClick(dialog.findChild<QPushButton *>(QStringLiteral("auditAllDays")), Qt::Key_Space);
    QCOMPARE(dialog.filter().from, QDate());
    QCOMPARE(table->model()->rowCount(), 1);

    const QString path = m_db->dir() + QStringLiteral("/dialog-export.csv");
    QVERIFY(dialog.exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // header, the print entry, the empty rest after the last CRLF
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFtime_local,"));
    QVERIFY(lines.at(1).contains(",tester,print,'=1+2,"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("auditStatus"))
                ->text()
                .contains(QStringLiteral("1 entries exported")));
    QCOMPARE(countAction(QStringLiteral("audit_export")), 1);
}

void TestAuditViewer::dialogForAClerkShowsTheRefusal()
{
    AuditLogDialog dialog(m_db->connection(), QStringLiteral("tester"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QTableView *>(QStringLiteral("auditTable"))->model()->rowCount(), 0);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("auditStatus"))->text().contains(QStringLiteral("supervisor")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("auditExport"))->isEnabled());
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("auditClerk"))->count(),
             1); // "All clerks" only: no logins leak
    QVERIFY(!dialog.exportTo(m_db->dir() + QStringLiteral("/x.csv")));
    QCOMPARE(countAction(QStringLiteral("audit_export")), 0);
}

void TestAuditViewer::administrationMenuOpensBothForASupervisorOnly_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("supervisor");
    QTest::newRow("supervisor") << "supervisor" << true;
    QTest::newRow("clerk") << "tester" << false;
}

void TestAuditViewer::administrationMenuOpensBothForASupervisorOnly()
{
    QFETCH(QString, login);
    QFETCH(bool, supervisor);
    MainWindow window(m_db->connection(), m_db->path(), *ClerkStore(m_db->connection()).findByLogin(login));
    auto *audit = window.findChild<QAction *>(QStringLiteral("actionAuditLog"));
    auto *accounts = window.findChild<QAction *>(QStringLiteral("actionClerkAccounts"));
    QVERIFY(audit && accounts);
    QCOMPARE(audit->isEnabled(), supervisor);
    QCOMPARE(accounts->isEnabled(), supervisor);
    if (!supervisor)
        return; // hidden and off; the model refuses a clerk anyway (dialogForAClerkShowsTheRefusal)
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList shown;
    auto closeModal = [&shown] {
        QWidget *modal = QApplication::activeModalWidget();
        shown << (modal ? modal->objectName() : QStringLiteral("none"));
        if (modal)
            modal->close();
    };
    QTimer::singleShot(50, this, closeModal);
    audit->trigger();
    QTimer::singleShot(50, this, closeModal);
    accounts->trigger();
    QCOMPARE(shown, (QStringList{"auditLogDialog", "clerkAccountsDialog"}));
}

QTEST_MAIN(TestAuditViewer)
#include "tst_auditviewer.moc"
