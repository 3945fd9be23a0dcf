#include "ui/accounts/ExpiredPasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/accounts/ClerkAccounts.h"
#include "model/storage/StorageError.h"

namespace gongji {

ExpiredPasswordDialog::ExpiredPasswordDialog(const QString &connection, const QString &login,
                                             const QString &currentPassword, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_login(login)
    , m_current(currentPassword)
{
    setWindowTitle(tr("Change your password"));
    PasswordPolicy policy;
    try {
        policy = ClerkAccounts(connection).policy();
    } catch (const StorageError &) {
        // The default is shown; the change itself checks the stored policy.
    }
    auto *note
        = new QLabel(tr("Your password is older than the %1 days the password policy allows. Choose a new one: "
                        "at least %2 characters of at least %3 of the kinds lower-case letters, upper-case letters, "
                        "digits and other characters, none of your last %4 passwords.")
                         .arg(policy.maxAgeDays)
                         .arg(policy.minLength)
                         .arg(policy.minClasses)
                         .arg(policy.historyCount),
                     this);
    note->setWordWrap(true);
    m_new = new QLineEdit(this);
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_new->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("newRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("expiredPasswordError"));
    m_error->setStyleSheet(QStringLiteral("color: #b01e1e"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change and sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExpiredPasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

ExpiredPasswordDialog::~ExpiredPasswordDialog() { m_current.fill(QLatin1Char('\0')); }

void ExpiredPasswordDialog::accept()
{
    const auto refuse = [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
        m_new->clear();
        m_repeat->clear();
        m_new->setFocus();
    };
    if (m_new->text() != m_repeat->text()) {
        refuse(tr("The two new passwords differ; type them again."));
        return;
    }
    const ClerkAccounts::Result changed
        = ClerkAccounts(m_connection).changeOwnPassword(m_login, m_current, m_new->text());
    if (!changed.ok) {
        refuse(changed.error);
        return;
    }
    QDialog::accept();
}

} // namespace gongji
