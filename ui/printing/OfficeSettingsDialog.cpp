#include "ui/printing/OfficeSettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/office/OfficeSettings.h"

namespace gongji {

OfficeSettingsDialog::OfficeSettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Office details"));
    const OfficeInfo office = OfficeSettings::load();
    m_name = new QLineEdit(office.name, this);
    m_name->setObjectName(QStringLiteral("officeName"));
    m_name->setPlaceholderText(tr("e.g. the city's medical-insurance service centre"));
    m_address = new QLineEdit(office.address, this);
    m_address->setObjectName(QStringLiteral("officeAddress"));
    m_counter = new QLineEdit(office.counter, this);
    m_counter->setObjectName(QStringLiteral("officeCounter"));
    m_counter->setPlaceholderText(tr("e.g. window 3"));
    m_name->setMinimumWidth(360);

    auto *note = new QLabel(tr("Printed in the header of every confirmation summary from this counter."), this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Office &name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Counter:"), m_counter);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void OfficeSettingsDialog::accept()
{
    OfficeSettings::save({m_name->text().trimmed(), m_address->text().trimmed(), m_counter->text().trimmed()});
    QDialog::accept();
}

} // namespace gongji
