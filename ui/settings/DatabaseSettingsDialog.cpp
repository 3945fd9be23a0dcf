#include "ui/settings/DatabaseSettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

#include "model/storage/DatabaseLocation.h"

namespace gongji {

DatabaseSettingsDialog::DatabaseSettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Database"));
    m_location = new QLineEdit(QSettings().value(settingKey()).toString(), this);
    m_location->setObjectName(QStringLiteral("databaseLocation"));
    m_location->setPlaceholderText(tr("empty: the file of this computer"));
    m_location->setMinimumWidth(460);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("databaseLocationProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b01e1e"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *note = new QLabel(tr("A SQLite file of this computer, or the office server shared by every counter: "
                               "postgresql://USER@HOST[:PORT]/DBNAME?sslmode=verify-full&sslrootcert=CA-FILE. "
                               "No password here: it is read from the password file (~/.pgpass) or asked at start. "
                               "Takes effect at the next start; --db on the command line still wins."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Location:"), m_location);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void DatabaseSettingsDialog::accept()
{
    const QString location = m_location->text().trimmed();
    const DatabaseLocation parsed = DatabaseLocation::parse(location);
    if (!location.isEmpty() && !parsed.error.isEmpty()) {
        m_problem->setText(parsed.error); // nothing saved: the old setting stays
        m_problem->show();
        return;
    }
    if (!parsed.passwordWarning().isEmpty()) {
        // The settings file is plain text: the address is kept without its password, which the
        // desk then reads from the password file or asks for at start. Shown before it is saved.
        m_location->setText(parsed.displayName());
        m_problem->setText(tr("The password was taken out of the address: the settings are stored as plain text. At "
                              "start the desk reads it from the password file (~/.pgpass) or asks for it. Press Save "
                              "again to keep the address without it."));
        m_problem->show();
        return;
    }
    QSettings().setValue(settingKey(), parsed.isServer ? parsed.displayName() : location);
    QDialog::accept();
}

} // namespace gongji
