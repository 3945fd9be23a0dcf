#include "ui/accounts/FirstSupervisorDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/accounts/ClerkAccounts.h"

namespace gongji {

FirstSupervisorDialog::FirstSupervisorDialog(const QString &connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_login(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("First supervisor – Gongji Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gongji-desk.png")));

    auto *intro = new QLabel(tr("<b>This database has no accounts yet.</b><br>Create the first supervisor "
                                "account. The supervisor signs in with it and then adds the clerks."),
                             this);
    intro->setWordWrap(true);

    m_login->setObjectName(QStringLiteral("firstLogin"));
    m_login->setMaxLength(32);
    m_login->setPlaceholderText(tr("lower-case letters and digits, e.g. zhangwei"));
    m_name->setObjectName(QStringLiteral("firstName"));
    m_password->setObjectName(QStringLiteral("firstPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least %1 characters").arg(ClerkAccounts::minimumPasswordLength));
    m_repeat->setObjectName(QStringLiteral("firstRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat password:"), m_repeat);

    m_error->setObjectName(QStringLiteral("firstError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *create = buttons->addButton(tr("&Create supervisor"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("firstCreate"));
    create->setDefault(true);
    buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstSupervisorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstSupervisorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_login->setFocus();
}

QString FirstSupervisorDialog::login() const { return m_login->text().trimmed(); }

QString FirstSupervisorDialog::error() const { return m_error->isVisibleTo(this) ? m_error->text() : QString(); }

void FirstSupervisorDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void FirstSupervisorDialog::accept()
{
    if (m_password->text() != m_repeat->text()) {
        showError(tr("The two passwords differ. Type the same password in both fields."));
        m_repeat->clear();
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    const ClerkAccounts::Result result
        = ClerkAccounts(m_connection).createFirstSupervisor(login(), m_name->text(), m_password->text());
    if (!result.ok) {
        showError(result.error);
        return;
    }
    m_password->clear();
    m_repeat->clear();
    showError(QString());
    QDialog::accept();
}

} // namespace gongji
