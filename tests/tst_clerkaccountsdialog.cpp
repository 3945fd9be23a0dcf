// The supervisor's clerk accounts dialog, offscreen on a real temporary database: adding an
// account by typing, a mismatched password pair refused, disable/enable and unlock shown in the
// list, a reset password that signs in, and a clerk who sees only the refusal.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

#include "TestDatabase.h"
#include "WidgetTest.h"
#include "model/accounts/PasswordHash.h"
#include "model/accounts/SignIn.h"
#include "ui/administration/ClerkAccountsDialog.h"
#include "model/storage/AuditLog.h"

using namespace gongji;

class TestClerkAccountsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsTheAccounts();
    void addAClerkByTyping();
    void refusals_data();
    void refusals();
    void disableShowsInTheListAndEnableUndoesIt();
    void unlockAndResetPassword();
    void clerkSeesOnlyTheRefusal();

private:
    template<typename T> T *child(const char *name) const { return WidgetTest::child<T>(m_dialog, name); }
    QString cell(const QString &login, int column) const;
    QString message() const { return child<QLabel>("accountsMessage")->text(); }
    qint64 auditCount(const QString &action) const;

    TestDatabase *m_db = nullptr;
    ClerkAccountsDialog *m_dialog = nullptr;
};

void TestClerkAccountsDialog::initTestCase() { PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum); }

void TestClerkAccountsDialog::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    m_dialog = new ClerkAccountsDialog(m_db->connection(), QStringLiteral("supervisor"));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestClerkAccountsDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
    delete m_db;
    m_db = nullptr;
}

QString TestClerkAccountsDialog::cell(const QString &login, int column) const
{
    auto *table = child<QTableWidget>("accountsTable");
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, ClerkAccountsDialog::LoginColumn)->text() == login)
            return table->item(row, column)->text();
    }
    return QStringLiteral("<no row>");
}

qint64 TestClerkAccountsDialog::auditCount(const QString &action) const
{
    QSqlQuery q(QSqlDatabase::database(m_db->connection()));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"));
    q.addBindValue(action);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

void TestClerkAccountsDialog::listsTheAccounts()
{
    QCOMPARE(child<QTableWidget>("accountsTable")->rowCount(), 2);
    QCOMPARE(cell("tester", ClerkAccountsDialog::RoleColumn), QStringLiteral("Clerk"));
    QCOMPARE(cell("supervisor", ClerkAccountsDialog::RoleColumn), QStringLiteral("Supervisor"));
    QCOMPARE(cell("tester", ClerkAccountsDialog::ActiveColumn), QStringLiteral("active"));
    QCOMPARE(cell("tester", ClerkAccountsDialog::LockedColumn), QString());
}

void TestClerkAccountsDialog::addAClerkByTyping()
{
    QTest::keyClicks(child<QLineEdit>("newLogin"), "wangfang");
    child<QLineEdit>("newName")->setText(QStringLiteral("王芳")); // keyClicks with Chinese aborts on 6.4
    QCOMPARE(child<QComboBox>("newRole")->currentData().value<ClerkRole>(), ClerkRole::Clerk);
    QTest::keyClicks(child<QLineEdit>("newPassword"), "counter-pass-1");
    QTest::keyClicks(child<QLineEdit>("newRepeat"), "counter-pass-1");
    QTest::keyClick(child<QLineEdit>("newRepeat"), Qt::Key_Return);

    QCOMPARE(cell("wangfang", ClerkAccountsDialog::NameColumn), QStringLiteral("王芳"));
    QCOMPARE(cell("wangfang", ClerkAccountsDialog::RoleColumn), QStringLiteral("Clerk"));
    QCOMPARE(m_dialog->selectedLogin(), QStringLiteral("wangfang"));
    QVERIFY2(message().contains("wangfang"), qPrintable(message()));
    QVERIFY(child<QLineEdit>("newLogin")->text().isEmpty());
    QVERIFY(child<QLineEdit>("newPassword")->text().isEmpty());
    QVERIFY(SignIn(m_db->connection()).signIn("wangfang", "counter-pass-1").ok);
}

void TestClerkAccountsDialog::refusals_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<QString>("expected"); // part of the message shown

    QTest::newRow("mismatched passwords") << "wangfang"
                                          << "counter-pass-1"
                                          << "counter-pass-2"
                                          << "differ";
    QTest::newRow("short password") << "wangfang"
                                    << "short"
                                    << "short"
                                    << "at least 8";
    QTest::newRow("bad login") << "Wang Fang"
                               << "counter-pass-1"
                               << "counter-pass-1"
                               << "lower-case";
    QTest::newRow("login exists") << "tester"
                                  << "counter-pass-1"
                                  << "counter-pass-1"
                                  << "exists already";
}

void TestClerkAccountsDialog::refusals()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(QString, repeat);
    QFETCH(QString, expected);
    const qint64 added = auditCount("account_add");
    QTest::keyClicks(child<QLineEdit>("newLogin"), login);
    QTest::keyClicks(child<QLineEdit>("newPassword"), password);
    QTest::keyClicks(child<QLineEdit>("newRepeat"), repeat);
    QTest::mouseClick(child<QPushButton>("addAccountButton"), Qt::LeftButton);
    QVERIFY2(message().contains(expected), qPrintable(message()));
    QCOMPARE(child<QTableWidget>("accountsTable")->rowCount(), 2);
    QCOMPARE(auditCount("account_add"), added);
    QVERIFY(child<QLineEdit>("newPassword")->text().isEmpty()); // never left lying in the field
}

void TestClerkAccountsDialog::disableShowsInTheListAndEnableUndoesIt()
{
    m_dialog->selectLogin("tester");
    auto *toggle = child<QPushButton>("accountActiveButton");
    QCOMPARE(toggle->text(), QStringLiteral("&Disable"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(cell("tester", ClerkAccountsDialog::ActiveColumn), QStringLiteral("disabled"));
    QCOMPARE(m_dialog->selectedLogin(), QStringLiteral("tester"));
    QCOMPARE(toggle->text(), QStringLiteral("&Enable"));
    QVERIFY(!SignIn(m_db->connection()).signIn("tester", TestDatabase::password).ok);
    QCOMPARE(auditCount("account_disable"), 1);

    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(cell("tester", ClerkAccountsDialog::ActiveColumn), QStringLiteral("active"));
    QCOMPARE(auditCount("account_enable"), 1);

    // The model's refusal is shown as it comes: a supervisor cannot disable their own account.
    m_dialog->selectLogin("supervisor");
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY2(message().contains("own account"), qPrintable(message()));
    QCOMPARE(cell("supervisor", ClerkAccountsDialog::ActiveColumn), QStringLiteral("active"));
}

void TestClerkAccountsDialog::unlockAndResetPassword()
{
    for (int i = 0; i < SignIn::maxFailures; ++i)
        QVERIFY(!SignIn(m_db->connection()).signIn("tester", "wrong-password").ok);
    m_dialog->reload();
    m_dialog->selectLogin("tester");
    QVERIFY(!cell("tester", ClerkAccountsDialog::LockedColumn).isEmpty());
    auto *unlock = child<QPushButton>("accountUnlockButton");
    QVERIFY(unlock->isEnabled());
    QTest::mouseClick(unlock, Qt::LeftButton);
    QCOMPARE(cell("tester", ClerkAccountsDialog::LockedColumn), QString());
    QVERIFY(!unlock->isEnabled());
    QCOMPARE(auditCount("account_unlock"), 1);

    QTest::keyClicks(child<QLineEdit>("resetPassword"), "new-password-9");
    QTest::keyClicks(child<QLineEdit>("resetRepeat"), "new-password-8");
    QTest::mouseClick(child<QPushButton>("resetPasswordButton"), Qt::LeftButton);
    QVERIFY2(message().contains("differ"), qPrintable(message()));
    QCOMPARE(auditCount("account_reset_password"), 0);

    QTest::keyClicks(child<QLineEdit>("resetPassword"), "new-password-9");
    QTest::keyClicks(child<QLineEdit>("resetRepeat"), "new-password-9");
    QTest::keyClick(child<QLineEdit>("resetRepeat"), Qt::Key_Return);
    QCOMPARE(auditCount("account_reset_password"), 1);
    QVERIFY(SignIn(m_db->connection()).signIn("tester", "new-password-9").ok);
}

void TestClerkAccountsDialog::clerkSeesOnlyTheRefusal()
{
    ClerkAccountsDialog dialog(m_db->connection(), QStringLiteral("tester"));
    QCOMPARE(dialog.findChild<QTableWidget *>("accountsTable")->rowCount(), 0);
    const QString shown = dialog.findChild<QLabel *>("accountsMessage")->text();
    QVERIFY2(shown.contains("supervisor"), qPrintable(shown));
    // Adding through the form is refused by the model too, and the refusal is shown.
    dialog.findChild<QLineEdit *>("newLogin")->setText("sneaky");
    dialog.findChild<QLineEdit *>("newPassword")->setText("counter-pass-1");
    dialog.findChild<QLineEdit *>("newRepeat")->setText("counter-pass-1");
    dialog.addAccount();
    QVERIFY(dialog.findChild<QLabel *>("accountsMessage")->text().contains("supervisor"));
    QVERIFY(!SignIn(m_db->connection()).signIn("sneaky", "counter-pass-1").ok);
}

QTEST_MAIN(TestClerkAccountsDialog)
#include "tst_clerkaccountsdialog.moc"
