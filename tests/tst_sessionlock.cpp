// The session lock of the main window driven by keyboard, offscreen, on a real database:
// Ctrl+L and the idle time hide the work, the clerk's password brings it back as it was.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include "ui/MainWindow.h"
#include "WidgetTest.h"
#include "TestDatabase.h"
#include "ui/accounts/IdleLockDialog.h"
#include "ui/accounts/IdleWatch.h"
#include "ui/accounts/LockScreen.h"
#include "ui/accounts/SessionLock.h"
#include "model/accounts/SignIn.h"
#include "ui/filing/FilingWizard.h"
#include "ui/DeskPages.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"
#include "ui/widgets/IdNumberEdit.h"

using namespace gongji;

class TestSessionLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlLHidesTheWork();
    void wrongPasswordKeepsItLocked();
    void rightPasswordBringsBackTheTypedTarget();
    void fiveWrongPasswordsLockTheLogin();
    void idleTimeLocks();
    void idleSettingIsRead_data();
    void idleSettingIsRead();
    void idleDialogSavesTheSetting();
    void signOutAsksBeforeDiscarding();
    void closingWhileLockedIsRefused();
    void statusBarAndMenusFollowTheRole_data();
    void statusBarAndMenusFollowTheRole();

private:
    template<typename T> T *child(const char *name) const { return WidgetTest::child<T>(m_window, name); }
    void openWindow(const char *login);
    void typeUnlock(const QString &password);
    // Walks the wizard to the targets page and types a target without adding it.
    void typeTarget();
    void answerMessageBox(QMessageBox::StandardButton button);
    qint64 audited(AuditAction action) const
    {
        return AuditLog(m_db->connection()).countFor(action, QString::fromLatin1(TestDatabase::clerk));
    }

    TestDatabase *m_db = nullptr;
    MainWindow *m_window = nullptr;
    Person m_authorizer;
    QString m_childNumber;
    int m_boxesAnswered = 0;
};

void TestSessionLock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gongji-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessionlock"));
}

void TestSessionLock::init()
{
    QSettings().remove(SessionLock::idleSettingKey());
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
    m_authorizer = m_db->addPerson(QStringLiteral("王建国"),
                                   TestDatabase::residentId(QStringLiteral("330102"), QDate(1965, 3, 1), 131));
    m_childNumber = TestDatabase::residentId(QStringLiteral("330102"), QDate(1992, 7, 9), 122);
    m_db->addPerson(QStringLiteral("王小明"), m_childNumber, QStringLiteral("390"));
    m_boxesAnswered = 0;
    openWindow(TestDatabase::clerk);
}

void TestSessionLock::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_db;
    m_db = nullptr;
    QSettings().remove(SessionLock::idleSettingKey());
}

void TestSessionLock::openWindow(const char *login)
{
    delete m_window;
    const std::optional<ClerkAccount> account = ClerkStore(m_db->connection()).findByLogin(QString::fromLatin1(login));
    QVERIFY(account);
    m_window = new MainWindow(m_db->connection(), m_db->path(), *account);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestSessionLock::typeUnlock(const QString &password)
{
    QLineEdit *field = m_window->sessionLock()->screen()->passwordField();
    QCOMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(field, password);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestSessionLock::typeTarget()
{
    FilingWizard *wizard = m_window->wizard();
    auto *id = wizard->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    QTest::keyClicks(id, m_authorizer.idNumber);
    QTest::keyClick(id, Qt::Key_Return); // look up
    QTest::keyClick(id, Qt::Key_Return); // next
    QCOMPARE(wizard->currentId(), int(FilingWizard::CommitmentPageId));
    wizard->findChild<QCheckBox *>(QStringLiteral("pledgeCheck"))->click();
    wizard->findChild<QCheckBox *>(QStringLiteral("paperSignedCheck"))->click();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FilingWizard::TargetsPageId));
    wizard->findChild<QLineEdit *>(QStringLiteral("targetName"))->setText(QStringLiteral("王小明"));
    auto *targetId = wizard->findChild<IdNumberEdit *>(QStringLiteral("targetId"));
    targetId->setFocus();
    QTest::keyClicks(targetId, m_childNumber.left(10)); // half typed when the clerk is called away
}

void TestSessionLock::answerMessageBox(QMessageBox::StandardButton button)
{
    WidgetTest::answerNextMessageBox(this, button, &m_boxesAnswered);
}

void TestSessionLock::ctrlLHidesTheWork()
{
    SessionLock *lock = m_window->sessionLock();
    auto *id = m_window->wizard()->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    QTest::keyClicks(id, QStringLiteral("330102"));
    const qint64 locks = audited(AuditAction::SessionLock);
    QTest::keyClick(id, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(lock->isLocked());
    QVERIFY(lock->screen()->isVisible());
    QVERIFY(!m_window->pages()->isVisible());
    QVERIFY(!m_window->wizard()->isVisible());
    QVERIFY(!m_window->menuBar()->isVisible());
    for (QToolBar *bar : m_window->findChildren<QToolBar *>())
        QVERIFY(!bar->isVisible());
    QCOMPARE(audited(AuditAction::SessionLock), locks + 1);
    QVERIFY(lock->screen()->findChild<QLabel *>(QStringLiteral("lockClerk"))->text().contains(QLatin1String("tester")));

    // The window's shortcuts wait for the unlock: Ctrl+2 does not switch pages, Ctrl+N starts nothing.
    QLineEdit *field = lock->screen()->passwordField();
    QTest::keyClick(field, Qt::Key_2, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_window->pages()->currentIndex(), int(DeskPages::FilingPage));
    QVERIFY(!child<QAction>("actionNewFiling")->isEnabled());
    QVERIFY(!child<QAction>("actionHouseholdPage")->isEnabled());
    QCOMPARE(m_boxesAnswered, 0);
    // Ctrl+L again changes nothing and records nothing.
    QTest::keyClick(field, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(audited(AuditAction::SessionLock), locks + 1);

    typeUnlock(QString::fromLatin1(TestDatabase::password));
    QVERIFY(!lock->isLocked());
    QVERIFY(m_window->wizard()->isVisible());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(child<QAction>("actionNewFiling")->isEnabled());
    QCOMPARE(id->text(), QStringLiteral("330102"));
    QCOMPARE(QApplication::focusWidget(), id); // the cursor where it was
}

void TestSessionLock::wrongPasswordKeepsItLocked()
{
    SessionLock *lock = m_window->sessionLock();
    lock->lockAction()->trigger();
    QVERIFY(lock->isLocked());
    const qint64 failures = audited(AuditAction::SignInFailed);
    typeUnlock(QStringLiteral("not-my-password"));
    QVERIFY(lock->isLocked());
    QVERIFY(!m_window->wizard()->isVisible());
    QCOMPARE(lock->screen()->error(), QStringLiteral("Login or password is wrong."));
    QVERIFY(lock->screen()->passwordField()->text().isEmpty());
    QCOMPARE(audited(AuditAction::SignInFailed), failures + 1);
    QCOMPARE(audited(AuditAction::SessionUnlock), 0);

    // Another clerk's password does not open this clerk's session.
    const qint64 supervisorSignIns
        = AuditLog(m_db->connection()).countFor(AuditAction::SignIn, QStringLiteral("supervisor"));
    typeUnlock(QStringLiteral("supervisor"));
    QVERIFY(lock->isLocked());
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignIn, QStringLiteral("supervisor")),
             supervisorSignIns);
}

void TestSessionLock::rightPasswordBringsBackTheTypedTarget()
{
    typeTarget();
    FilingWizard *wizard = m_window->wizard();
    auto *targetId = wizard->findChild<IdNumberEdit *>(QStringLiteral("targetId"));
    const qint64 unlocks = audited(AuditAction::SessionUnlock);
    const qint64 signIns = audited(AuditAction::SignIn);
    QTest::keyClick(targetId, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_window->sessionLock()->isLocked());
    QVERIFY(!targetId->isVisible());

    typeUnlock(QString::fromLatin1(TestDatabase::password));
    QVERIFY(!m_window->sessionLock()->isLocked());
    QCOMPARE(wizard->currentId(), int(FilingWizard::TargetsPageId));
    QVERIFY(targetId->isVisible());
    QCOMPARE(targetId->text(), m_childNumber.left(10));
    QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("targetName"))->text(), QStringLiteral("王小明"));
    QCOMPARE(wizard->draft().authorizerIdNumber, m_authorizer.idNumber);
    QVERIFY(wizard->hasUnsavedData());
    QCOMPARE(QApplication::focusWidget(), targetId);
    // The password was checked by SignIn (audited) and the unlock recorded.
    QCOMPARE(audited(AuditAction::SignIn), signIns + 1);
    QCOMPARE(audited(AuditAction::SessionUnlock), unlocks + 1);

    // Typing goes on where it stopped.
    QTest::keyClicks(targetId, m_childNumber.mid(10));
    QCOMPARE(targetId->text(), m_childNumber);
}

void TestSessionLock::fiveWrongPasswordsLockTheLogin()
{
    SessionLock *lock = m_window->sessionLock();
    lock->lock();
    for (int attempt = 1; attempt <= SignIn::maxFailures; ++attempt)
        typeUnlock(QStringLiteral("guess-%1").arg(attempt));
    typeUnlock(QString::fromLatin1(TestDatabase::password));
    QVERIFY(lock->isLocked());
    const std::optional<ClerkAccount> account = ClerkStore(m_db->connection()).findByLogin(QStringLiteral("tester"));
    QVERIFY(account && account->lockedUntil.isValid());
    const QString until = account->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(lock->screen()->error().contains(until), qPrintable(lock->screen()->error()));
    QVERIFY(lock->screen()->findChild<QPushButton *>(QStringLiteral("signOutButton"))->isEnabled());
}

void TestSessionLock::idleTimeLocks()
{
    SessionLock *lock = m_window->sessionLock();
    auto *id = m_window->wizard()->findChild<IdNumberEdit *>(QStringLiteral("authorizerId"));
    lock->setIdleMilliseconds(300);
    // Typing keeps it open …
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(id, Qt::Key_1);
        QTest::qWait(100);
    }
    QVERIFY(!lock->isLocked());
    QCOMPARE(id->text(), QStringLiteral("111111"));
    // … doing nothing locks it.
    QTRY_VERIFY_WITH_TIMEOUT(lock->isLocked(), 3000);
    QVERIFY(!m_window->wizard()->isVisible());
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SessionLock, QStringLiteral("tester")), 1);

    typeUnlock(QString::fromLatin1(TestDatabase::password));
    QVERIFY(!lock->isLocked());
    QCOMPARE(id->text(), QStringLiteral("111111"));
    QVERIFY(lock->idleWatch()->isRunning()); // counting again for the next pause
    lock->setIdleMilliseconds(0);
    QVERIFY(!lock->idleWatch()->isRunning());
    QTest::qWait(400);
    QVERIFY(!lock->isLocked());
}

void TestSessionLock::idleSettingIsRead_data()
{
    QTest::addColumn<QVariant>("setting");
    QTest::addColumn<int>("milliseconds");
    QTest::newRow("unset: 5 minutes") << QVariant() << 5 * 60 * 1000;
    QTest::newRow("2 minutes") << QVariant(2) << 2 * 60 * 1000;
    QTest::newRow("0: never") << QVariant(0) << 0;
    QTest::newRow("not a number: 5 minutes") << QVariant(QStringLiteral("soon")) << 5 * 60 * 1000;
}

void TestSessionLock::idleSettingIsRead()
{
    QFETCH(QVariant, setting);
    QFETCH(int, milliseconds);
    if (setting.isValid())
        QSettings().setValue(SessionLock::idleSettingKey(), setting);
    openWindow(TestDatabase::clerk);
    QCOMPARE(m_window->sessionLock()->idleWatch()->interval(), milliseconds);
    QCOMPARE(m_window->sessionLock()->idleWatch()->isRunning(), milliseconds > 0);
}

void TestSessionLock::idleDialogSavesTheSetting()
{
    QAction *action = child<QAction>("actionIdleLock");
    QVERIFY(m_window->menuBar()
                ->actions()
                .at(m_window->menuBar()->actions().size() - 2)
                ->menu()
                ->actions()
                .contains(action));
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<IdleLockDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setMinutes(12);
        dialog->accept();
    });
    action->trigger();
    QCOMPARE(QSettings().value(SessionLock::idleSettingKey()).toInt(), 12);
    QCOMPARE(m_window->sessionLock()->idleWatch()->interval(), 12 * 60 * 1000);
}

void TestSessionLock::signOutAsksBeforeDiscarding()
{
    typeTarget();
    SessionLock *lock = m_window->sessionLock();
    lock->lock();
    QSignalSpy signedOut(m_window, &MainWindow::signedOut);
    auto *signOut = lock->screen()->findChild<QPushButton *>(QStringLiteral("signOutButton"));

    // Cancel keeps the unfinished filing, still locked.
    answerMessageBox(QMessageBox::Cancel);
    signOut->click();
    QCOMPARE(m_boxesAnswered, 1);
    QVERIFY(lock->isLocked());
    QVERIFY(m_window->isVisible());
    QCOMPARE(signedOut.count(), 0);
    QCOMPARE(audited(AuditAction::SignOut), 0);

    // Discard signs out: recorded, the window closes for the next clerk's sign-in.
    answerMessageBox(QMessageBox::Discard);
    signOut->click();
    QCOMPARE(m_boxesAnswered, 2);
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(m_window->isSignedOut());
    QVERIFY(!m_window->isVisible());
    QCOMPARE(audited(AuditAction::SignOut), 1);
}

void TestSessionLock::closingWhileLockedIsRefused()
{
    SessionLock *lock = m_window->sessionLock();
    lock->lock();
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(!lock->screen()->error().isEmpty());
    // Nothing typed: signing out asks nothing.
    QVERIFY(m_window->signOut());
    QCOMPARE(m_boxesAnswered, 0);
    QVERIFY(!m_window->isVisible());
}

void TestSessionLock::statusBarAndMenusFollowTheRole_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("administration");
    QTest::newRow("clerk") << QString::fromLatin1(TestDatabase::clerk) << false;
    QTest::newRow("supervisor") << QString::fromLatin1(TestDatabase::supervisor) << true;
}

void TestSessionLock::statusBarAndMenusFollowTheRole()
{
    QFETCH(QString, login);
    QFETCH(bool, administration);
    openWindow(login.toLatin1().constData());
    const QString status = child<QLabel>("statusClerk")->text();
    QVERIFY2(status.contains(login), qPrintable(status));
    QVERIFY2(status.contains(ClerkRoles::label(administration ? ClerkRole::Supervisor : ClerkRole::Clerk)),
             qPrintable(status));
    QCOMPARE(m_window->clerk().login, login);
    QCOMPARE(m_window->wizard()->clerk(), login); // the actor the filing is stored with
    auto *menu = child<QMenu>("administrationMenu");
    QCOMPARE(menu->menuAction()->isVisible(), administration);
    QCOMPARE(child<QAction>("actionRuleSets")->isEnabled(), administration);
    QCOMPARE(child<QAction>("actionImportRegistry")->isEnabled(), administration);
    for (const char *name : {"actionClerkAccounts", "actionAuditLog"}) {
        if (auto *action = m_window->findChild<QAction *>(QLatin1String(name)))
            QCOMPARE(action->isEnabled(), administration);
    }

    // Locking and unlocking leaves a clerk's administration items off.
    m_window->sessionLock()->lock();
    typeUnlock(QString::fromLatin1(TestDatabase::password));
    QVERIFY(!m_window->sessionLock()->isLocked());
    QCOMPARE(child<QAction>("actionRuleSets")->isEnabled(), administration);
    QCOMPARE(menu->menuAction()->isVisible(), administration);
}

QTEST_MAIN(TestSessionLock)
#include "tst_sessionlock.moc"
