#include "ui/settings/ServerPasswordDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/settings/ServerPasswordKeyring.h"

namespace gongji {

ServerPasswordDialog::ServerPasswordDialog(const QString &address, const QString &problem, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Office database password"));
    auto *note = new QLabel(tr("The office database %1 asks for the password of its database role (not your own "
                               "sign-in password). It is not saved in the settings.")
                                .arg(address),
                            this);
    note->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keep = new QCheckBox(tr("&Keep it in the system keyring of this computer"), this);
    m_keep->setObjectName(QStringLiteral("keepInKeyring"));
    m_keep->setVisible(ServerPasswordKeyring::isAvailable());
    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    if (!problem.isEmpty()) {
        auto *error = new QLabel(problem, this);
        error->setObjectName(QStringLiteral("serverPasswordProblem"));
        error->setStyleSheet(QStringLiteral("color: #b01e1e"));
        error->setWordWrap(true);
        layout->addWidget(error);
    }
    layout->addLayout(form);
    layout->addWidget(m_keep);
    layout->addWidget(buttons);
}

QString ServerPasswordDialog::password() const { return m_password->text(); }

bool ServerPasswordDialog::keepInKeyring() const { return m_keep->isVisible() && m_keep->isChecked(); }

} // namespace gongji
