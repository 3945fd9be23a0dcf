#include "ui/accounts/IdleLockDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/accounts/SessionLock.h"

namespace gongji {

IdleLockDialog::IdleLockDialog(QWidget *parent) : QDialog(parent), m_minutes(new QSpinBox(this))
{
    setWindowTitle(tr("Automatic lock"));
    auto *intro = new QLabel(tr("The counter locks itself when nobody has typed or used the mouse for this "
                                "long; the password unlocks it and the work in progress is kept. "
                                "Ctrl+L locks at once."),
                             this);
    intro->setWordWrap(true);
    m_minutes->setObjectName(QStringLiteral("idleMinutes"));
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setSpecialValueText(tr("Never"));
    m_minutes->setValue(SessionLock::idleMinutesSetting());
    auto *form = new QFormLayout;
    form->addRow(tr("&Lock after:"), m_minutes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &IdleLockDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &IdleLockDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

int IdleLockDialog::minutes() const { return m_minutes->value(); }

void IdleLockDialog::setMinutes(int minutes) { m_minutes->setValue(minutes); }

void IdleLockDialog::accept()
{
    QSettings().setValue(SessionLock::idleSettingKey(), m_minutes->value());
    QDialog::accept();
}

} // namespace gongji
