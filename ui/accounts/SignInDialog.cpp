#include "ui/accounts/SignInDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/accounts/SignIn.h"
#include "ui/accounts/ExpiredPasswordDialog.h"

namespace gongji {

SignInDialog::SignInDialog(const QString &connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_signIn(nullptr)
{
    setWindowTitle(tr("Sign in – Gongji Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gongji-desk.png")));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/gongji-desk.png")).pixmap(48, 48));
    auto *title = new QLabel(tr("Gongji Desk"), this);
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold; color: #0b4f8a;"));
    auto *subtitle = new QLabel(tr("Sign in with your clerk login. Every action is recorded under it."), this);
    subtitle->setWordWrap(true);
    subtitle->setStyleSheet(QStringLiteral("color: #6b7785;"));
    auto *heading = new QGridLayout;
    heading->addWidget(icon, 0, 0, 2, 1, Qt::AlignTop);
    heading->addWidget(title, 0, 1);
    heading->addWidget(subtitle, 1, 1);
    heading->setColumnStretch(1, 1);
    heading->setHorizontalSpacing(12);

    m_login->setObjectName(QStringLiteral("signInLogin"));
    m_login->setMaxLength(32);
    m_login->setPlaceholderText(tr("e.g. wangli"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);
    auto *form = new QFormLayout;
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);

    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    QPushButton *quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("signInQuit"));
    quit->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(heading);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_login->setFocus();
}

void SignInDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    (login.isEmpty() ? m_login : m_password)->setFocus();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString SignInDialog::error() const { return m_error->isVisibleTo(this) ? m_error->text() : QString(); }

void SignInDialog::accept()
{
    if (m_login->text().trimmed().isEmpty()) {
        showError(tr("Type your login, then your password."));
        m_login->setFocus();
        return;
    }
    const SignIn::Result result = SignIn(m_connection).signIn(m_login->text().trimmed(), m_password->text());
    if (result.ok && result.passwordExpired) {
        // The work starts only with a new password.
        ExpiredPasswordDialog change(m_connection, result.account.login, m_password->text(), this);
        m_password->clear();
        if (change.exec() != QDialog::Accepted) {
            showError(tr("Your password has expired: sign in again and choose a new one."));
            m_password->setFocus();
            return;
        }
    }
    m_password->clear();
    if (!result.ok) {
        // The fifth failure says "locked for 5 minutes"; the clock time tells the queue when.
        const QString until = result.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"));
        showError(result.lockedUntil.isValid() && !result.error.contains(until)
                      ? tr("%1 Try again after %2.").arg(result.error, until)
                      : result.error);
        m_password->setFocus();
        return;
    }
    m_account = result.account;
    showError(QString());
    QDialog::accept();
}

} // namespace gongji
