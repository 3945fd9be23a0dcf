// At the desk, a password older than the policy's maximum age: the sign-in asks for a new one
// before the work starts (the change is checked against the policy and audited); cancelling it
// leaves the clerk signed out. Keyboard only, offscreen, on a real database.
#include <QApplication>
#include <functional>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include "TestDatabase.h"
#include "model/accounts/SignIn.h"
#include "model/storage/AuditLog.h"
#include "model/storage/Timestamp.h"
#include "ui/accounts/ExpiredPasswordDialog.h"
#include "ui/accounts/SignInDialog.h"

using namespace gongji;

class TestExpiredPassword : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signInAsksForANewPassword_data();
    void signInAsksForANewPassword();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestExpiredPassword::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isOpen());
    // As if set 100 days ago (the default policy allows 90).
    QSqlQuery query(QSqlDatabase::database(m_db->connection(), false));
    query.prepare(QStringLiteral("UPDATE clerk SET password_changed_at = :at WHERE login = 'tester'"));
    query.bindValue(QStringLiteral(":at"), Timestamp::toText(QDateTime::currentDateTimeUtc().addDays(-100)));
    QVERIFY(query.exec());
}

void TestExpiredPassword::cleanup() { m_db.reset(); }

void TestExpiredPassword::signInAsksForANewPassword_data()
{
    QTest::addColumn<QStringList>("attempts"); // new passwords typed, in turn; the last is accepted unless cancelled
    QTest::addColumn<bool>("cancel");
    QTest::newRow("a good new password") << QStringList{"Counter-2026"} << false;
    QTest::newRow("too weak, then good") << QStringList{"counterclerk", "Counter-2026"} << false;
    QTest::newRow("the old one, then good")
        << QStringList{QString::fromLatin1(TestDatabase::password), "Counter-2026"} << false;
    QTest::newRow("cancelled") << QStringList{} << true;
}

void TestExpiredPassword::signInAsksForANewPassword()
{
    QFETCH(QStringList, attempts);
    QFETCH(bool, cancel);
    const qint64 changes = AuditLog(m_db->connection()).countFor(AuditAction::PasswordChange, QStringLiteral("tester"));
    SignInDialog dialog(m_db->connection());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QStringList problems;
    int asked = 0;
    // The new-password dialog is modal: answered from the event loop with the keyboard.
    std::function<void()> answer = [&] {
        auto *change = qobject_cast<ExpiredPasswordDialog *>(QApplication::activeModalWidget());
        if (!change) {
            QTimer::singleShot(20, answer);
            return;
        }
        ++asked;
        if (cancel) {
            QTest::keyClick(change, Qt::Key_Escape);
            return;
        }
        for (const QString &password : std::as_const(attempts)) {
            auto *fresh = change->findChild<QLineEdit *>(QStringLiteral("newPassword"));
            QTest::keyClicks(fresh, password);
            QTest::keyClick(fresh, Qt::Key_Tab);
            QTest::keyClicks(change->findChild<QLineEdit *>(QStringLiteral("newRepeat")), password);
            QTest::keyClick(change->findChild<QLineEdit *>(QStringLiteral("newRepeat")), Qt::Key_Return);
            auto *error = change->findChild<QLabel *>(QStringLiteral("expiredPasswordError"));
            if (change->isVisible() && error->isVisibleTo(change))
                problems << error->text();
        }
    };
    QTimer::singleShot(0, answer);
    auto *login = dialog.findChild<QLineEdit *>(QStringLiteral("signInLogin"));
    login->setFocus();
    QTest::keyClicks(login, QStringLiteral("tester"));
    QTest::keyClick(login, Qt::Key_Tab);
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("signInPassword"));
    QTest::keyClicks(password, QString::fromLatin1(TestDatabase::password));
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(asked, 1);
    const qint64 changed = AuditLog(m_db->connection()).countFor(AuditAction::PasswordChange, QStringLiteral("tester"));
    if (cancel) {
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.error().contains(QStringLiteral("Your password has expired")));
        QCOMPARE(changed, changes);
        return;
    }
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.account().login, QStringLiteral("tester"));
    QCOMPARE(problems.size(), attempts.size() - 1);
    QCOMPARE(changed, changes + 1);
    const SignIn::Result again = SignIn(m_db->connection()).signIn(QStringLiteral("tester"), attempts.last());
    QVERIFY(again.ok);
    QVERIFY(!again.passwordExpired);
}

QTEST_MAIN(TestExpiredPassword)
#include "tst_expiredpassword.moc"
