// The sign-in and first-supervisor dialogs driven by keyboard, offscreen, on a real database.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include "ui/MainWindow.h"
#include "WidgetTest.h"
#include "TestDatabase.h"
#include "ui/accounts/DeskSession.h"
#include "ui/accounts/FirstSupervisorDialog.h"
#include "ui/accounts/SessionLock.h"
#include "model/accounts/SignIn.h"
#include "ui/accounts/SignInDialog.h"
#include "model/storage/AuditLog.h"
#include "model/storage/ClerkStore.h"

using namespace gongji;

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typingAndEnterSignsIn_data();
    void typingAndEnterSignsIn();
    void wrongLoginOrPasswordStays_data();
    void wrongLoginOrPasswordStays();
    void emptyLoginAsksForIt();
    void fiveFailuresShowTheLock();
    void firstSupervisorIsCreated();
    void firstSupervisorRefusesMismatchAndBadInput_data();
    void firstSupervisorRefusesMismatchAndBadInput();
    void automaticSignInShowsTheMainWindow();
    void automaticSignInWithWrongPasswordFails();
    void signOutBringsBackTheSignIn();

private:
    template<typename T> static T *child(QWidget *parent, const char *name)
    {
        return WidgetTest::child<T>(parent, name);
    }
    // Types login and password as a clerk would and presses Enter in the password field.
    static void type(SignInDialog &dialog, const QString &login, const QString &password);
    QString writeFile(const QString &name, const QByteArray &content) const;

    TestDatabase *m_db = nullptr;
};

void TestSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gongji-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_signin"));
}

void TestSignIn::init()
{
    m_db = new TestDatabase;
    QVERIFY(m_db->isOpen());
}

void TestSignIn::cleanup()
{
    delete m_db;
    m_db = nullptr;
}

void TestSignIn::type(SignInDialog &dialog, const QString &login, const QString &password)
{
    auto *loginField = child<QLineEdit>(&dialog, "signInLogin");
    auto *passwordField = child<QLineEdit>(&dialog, "signInPassword");
    loginField->setFocus();
    loginField->selectAll();
    QTest::keyClicks(loginField, login);
    QTest::keyClick(loginField, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), passwordField);
    QTest::keyClicks(passwordField, password);
    QTest::keyClick(passwordField, Qt::Key_Return);
}

QString TestSignIn::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_db->dir() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestSignIn::typingAndEnterSignsIn_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("role");
    QTest::newRow("clerk") << QString::fromLatin1(TestDatabase::clerk) << QStringLiteral("clerk");
    QTest::newRow("supervisor") << QString::fromLatin1(TestDatabase::supervisor) << QStringLiteral("supervisor");
    QTest::newRow("login with spaces around") << QStringLiteral(" tester ") << QStringLiteral("clerk");
}

void TestSignIn::typingAndEnterSignsIn()
{
    QFETCH(QString, login);
    QFETCH(QString, role);
    SignInDialog dialog(m_db->connection());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "signInLogin"));
    QCOMPARE(child<QLineEdit>(&dialog, "signInPassword")->echoMode(), QLineEdit::Password);
    const qint64 before = AuditLog(m_db->connection()).countFor(AuditAction::SignIn, login.trimmed());
    type(dialog, login, QString::fromLatin1(TestDatabase::password));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.account().login, login.trimmed());
    QCOMPARE(ClerkRoles::keyword(dialog.account().role), role);
    QVERIFY(dialog.account().passwordHash.isEmpty());
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignIn, login.trimmed()), before + 1);
}

void TestSignIn::wrongLoginOrPasswordStays_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QString::fromLatin1(TestDatabase::clerk) << QStringLiteral("test-password-2");
    QTest::newRow("unknown login") << QStringLiteral("nobody") << QString::fromLatin1(TestDatabase::password);
    QTest::newRow("empty password") << QString::fromLatin1(TestDatabase::clerk) << QString();
}

void TestSignIn::wrongLoginOrPasswordStays()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    SignInDialog dialog(m_db->connection());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const qint64 failures = AuditLog(m_db->connection()).countFor(AuditAction::SignInFailed, login);
    type(dialog, login, password);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // The same words for an unknown login and a wrong password: the screen tells nobody which logins exist.
    QCOMPARE(dialog.error(), QStringLiteral("Login or password is wrong."));
    QVERIFY(child<QLabel>(&dialog, "signInError")->isVisible());
    QVERIFY(child<QLineEdit>(&dialog, "signInPassword")->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "signInPassword"));
    QCOMPARE(child<QLineEdit>(&dialog, "signInLogin")->text(), login);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignInFailed, login), failures + 1);

    // The right password now signs in.
    QTest::keyClicks(child<QLineEdit>(&dialog, "signInPassword"), QString::fromLatin1(TestDatabase::password));
    QTest::keyClick(child<QLineEdit>(&dialog, "signInPassword"), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(login == QLatin1String("nobody") ? QDialog::Rejected : QDialog::Accepted));
}

void TestSignIn::emptyLoginAsksForIt()
{
    SignInDialog dialog(m_db->connection());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const qint64 entries = AuditLog(m_db->connection()).count();
    child<QPushButton>(&dialog, "signInButton")->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.error(), SignInDialog::tr("Type your login, then your password."));
    QCOMPARE(AuditLog(m_db->connection()).count(), entries); // nothing was tried
}

void TestSignIn::fiveFailuresShowTheLock()
{
    SignInDialog dialog(m_db->connection());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QString login = QString::fromLatin1(TestDatabase::clerk);
    for (int attempt = 1; attempt <= SignIn::maxFailures; ++attempt) {
        type(dialog, login, QStringLiteral("guess-%1").arg(attempt));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.error().contains(QLatin1String("locked")), attempt == SignIn::maxFailures);
    }
    const std::optional<ClerkAccount> account = ClerkStore(m_db->connection()).findByLogin(login);
    QVERIFY(account && account->lockedUntil.isValid());
    const QString until = account->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(dialog.error().contains(until), qPrintable(dialog.error()));

    // Even the right password is refused now, with the time the lock ends.
    type(dialog, login, QString::fromLatin1(TestDatabase::password));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.error().contains(until) && dialog.error().contains(QLatin1String("locked")),
             qPrintable(dialog.error()));

    // Another clerk at the same counter is not affected.
    type(dialog, QString::fromLatin1(TestDatabase::supervisor), QString::fromLatin1(TestDatabase::password));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSignIn::firstSupervisorIsCreated()
{
    cleanup();
    m_db = new TestDatabase(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(m_db->isOpen());
    QVERIFY(ClerkStore(m_db->connection()).all().isEmpty());

    FirstSupervisorDialog first(m_db->connection());
    first.show();
    QVERIFY(QTest::qWaitForWindowActive(&first));
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&first, "firstLogin"));
    QTest::keyClicks(child<QLineEdit>(&first, "firstLogin"), QStringLiteral("zhangwei"));
    child<QLineEdit>(&first, "firstName")->setText(QStringLiteral("张伟")); // Chinese: setText (Qt 6.4)
    QTest::keyClicks(child<QLineEdit>(&first, "firstPassword"), QStringLiteral("first-password-1"));
    QTest::keyClicks(child<QLineEdit>(&first, "firstRepeat"), QStringLiteral("first-password-1"));
    QTest::keyClick(child<QLineEdit>(&first, "firstRepeat"), Qt::Key_Return);
    QCOMPARE(first.result(), int(QDialog::Accepted));
    QCOMPARE(first.login(), QStringLiteral("zhangwei"));
    const std::optional<ClerkAccount> account = ClerkStore(m_db->connection()).findByLogin(QStringLiteral("zhangwei"));
    QVERIFY(account);
    QCOMPARE(account->role, ClerkRole::Supervisor);
    QCOMPARE(account->displayName, QStringLiteral("张伟"));

    // The sign-in that follows starts with the new login and the cursor in the password.
    SignInDialog dialog(m_db->connection());
    dialog.setLogin(first.login());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "signInPassword"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "signInPassword"), QStringLiteral("first-password-1"));
    QTest::keyClick(child<QLineEdit>(&dialog, "signInPassword"), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.account().isSupervisor());
}

void TestSignIn::firstSupervisorRefusesMismatchAndBadInput_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<QString>("message");
    QTest::newRow("passwords differ") << QStringLiteral("zhangwei") << QStringLiteral("first-password-1")
                                      << QStringLiteral("first-password-2")
                                      << FirstSupervisorDialog::tr(
                                             "The two passwords differ. Type the same password in both fields.");
    QTest::newRow("password too short") << QStringLiteral("zhangwei") << QStringLiteral("short")
                                        << QStringLiteral("short") << QStringLiteral("at least 8");
    QTest::newRow("login with upper case") << QStringLiteral("ZhangWei") << QStringLiteral("first-password-1")
                                           << QStringLiteral("first-password-1") << QStringLiteral("lower-case");
}

void TestSignIn::firstSupervisorRefusesMismatchAndBadInput()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(QString, repeat);
    QFETCH(QString, message);
    cleanup();
    m_db = new TestDatabase(QStringLiteral("test"), TestDatabase::Accounts::None);
    QVERIFY(m_db->isOpen());
    FirstSupervisorDialog first(m_db->connection());
    first.show();
    QVERIFY(QTest::qWaitForWindowActive(&first));
    QTest::keyClicks(child<QLineEdit>(&first, "firstLogin"), login);
    QTest::keyClicks(child<QLineEdit>(&first, "firstPassword"), password);
    QTest::keyClicks(child<QLineEdit>(&first, "firstRepeat"), repeat);
    QTest::keyClick(child<QLineEdit>(&first, "firstRepeat"), Qt::Key_Return);
    QVERIFY(first.isVisible());
    QCOMPARE(first.result(), int(QDialog::Rejected));
    QVERIFY2(first.error().contains(message), qPrintable(first.error()));
    QVERIFY(ClerkStore(m_db->connection()).all().isEmpty()); // nothing stored half-way
}

void TestSignIn::automaticSignInShowsTheMainWindow()
{
    // gongji-desk --clerk tester --password-file FILE with GONGJI_EXIT_AFTER_SHOW: no dialog,
    // the main window for that clerk, then quit (as the start-up benchmark runs it).
    const QString login = QString::fromLatin1(TestDatabase::clerk);
    const qint64 before = AuditLog(m_db->connection()).countFor(AuditAction::SignIn, login);
    DeskSession session(m_db->connection(), m_db->path());
    session.setAutomaticSignIn(login, m_db->passwordFile());
    session.setExitAfterShow(true);
    QString shownClerk;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&shownClerk] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *window = qobject_cast<MainWindow *>(top); window && window->isVisible())
                shownClerk = window->clerk().login;
            QVERIFY(!qobject_cast<SignInDialog *>(top) || !top->isVisible());
        }
    });
    watch.start(0);
    QCOMPARE(session.run(), 0);
    QCOMPARE(shownClerk, login);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignIn, login), before + 1);
}

void TestSignIn::automaticSignInWithWrongPasswordFails()
{
    const QString login = QString::fromLatin1(TestDatabase::clerk);
    const qint64 before = AuditLog(m_db->connection()).countFor(AuditAction::SignInFailed, login);
    DeskSession session(m_db->connection(), m_db->path());
    session.setAutomaticSignIn(login, writeFile(QStringLiteral("wrong.txt"), "not-the-password\n"));
    session.setExitAfterShow(true); // nobody to type: exit non-zero instead of asking
    QCOMPARE(session.run(), 1);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignInFailed, login), before + 1);

    DeskSession missing(m_db->connection(), m_db->path());
    missing.setAutomaticSignIn(login, m_db->dir() + QStringLiteral("/no-such-file"));
    missing.setExitAfterShow(true);
    QCOMPARE(missing.run(), 1);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignInFailed, login), before + 1);
}

void TestSignIn::signOutBringsBackTheSignIn()
{
    // tester signs in automatically, locks and signs out; the sign-in comes back empty for the
    // next clerk; supervisor signs in there and quits; Quit on the next sign-in ends the program.
    DeskSession session(m_db->connection(), m_db->path());
    session.setAutomaticSignIn(QString::fromLatin1(TestDatabase::clerk), m_db->passwordFile());
    QStringList seen;
    QTimer driver;
    driver.setInterval(20);
    bool busy = false; // waiting for a window below runs this again
    connect(&driver, &QTimer::timeout, this, [this, &seen, &busy] {
        if (busy)
            return;
        const QScopedValueRollback<bool> guard(busy, true);
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<SignInDialog *>(modal)) {
            if (!QTest::qWaitForWindowActive(dialog))
                return;
            auto *login = child<QLineEdit>(dialog, "signInLogin");
            seen << QStringLiteral("sign-in [%1]").arg(login->text());
            if (seen.count(QStringLiteral("window supervisor")) == 0)
                type(*dialog, QString::fromLatin1(TestDatabase::supervisor),
                     QString::fromLatin1(TestDatabase::password));
            else
                dialog->reject();
            return;
        }
        for (QWidget *top : QApplication::topLevelWidgets()) {
            auto *window = qobject_cast<MainWindow *>(top);
            if (!window || !window->isVisible() || !QTest::qWaitForWindowExposed(window))
                continue;
            seen << QStringLiteral("window %1").arg(window->clerk().login);
            if (window->clerk().login == QLatin1String(TestDatabase::clerk)) {
                window->sessionLock()->lock();
                window->signOut(); // nothing typed: no question
            } else {
                window->close();
            }
        }
    });
    driver.start();
    QCOMPARE(session.run(), 0);
    QCOMPARE(seen,
             QStringList(
                 {QStringLiteral("window tester"), QStringLiteral("sign-in []"), QStringLiteral("window supervisor")}));
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignOut, QStringLiteral("tester")), 1);
    QCOMPARE(AuditLog(m_db->connection()).countFor(AuditAction::SignIn, QStringLiteral("supervisor")), 1);
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
