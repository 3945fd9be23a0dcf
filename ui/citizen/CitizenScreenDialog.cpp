#include "ui/citizen/CitizenScreenDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>

#include "ui/citizen/CitizenScreenPlacement.h"

namespace gongji {

CitizenScreenDialog::CitizenScreenDialog(QWidget *parent) : QDialog(parent), m_screens(new QComboBox(this))
{
    setWindowTitle(tr("Citizen's screen"));
    m_screens->setObjectName(QStringLiteral("citizenScreenChoice"));
    m_screens->addItem(tr("Automatic: a second screen if there is one, else a window"),
                       CitizenScreenPlacement::automatic());
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (QScreen *screen : screens) {
        const QRect area = screen->geometry();
        m_screens->addItem(tr("Screen %1 (%2 × %3)").arg(screen->name()).arg(area.width()).arg(area.height()),
                           screen->name());
    }
    m_screens->addItem(tr("Off (the clerk ticks the signed paper copy)"), CitizenScreenPlacement::off());
    const int current = m_screens->findData(CitizenScreenPlacement::setting());
    m_screens->setCurrentIndex(current >= 0 ? current : 0);

    auto *note = new QLabel(tr("The citizen's screen shows the authorizer the data to check, the commitment "
                               "letter to tick, the targets and the filing number, in Simplified Chinese "
                               "and with ID numbers masked."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(note);
    form->addRow(tr("Sho&w on:"), m_screens);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CitizenScreenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CitizenScreenDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(520);
}

QString CitizenScreenDialog::choice() const { return m_screens->currentData().toString(); }

void CitizenScreenDialog::accept()
{
    CitizenScreenPlacement::setSetting(choice());
    QDialog::accept();
}

} // namespace gongji
