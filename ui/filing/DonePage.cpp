#include "ui/filing/DonePage.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "ui/filing/FilingWizard.h"
#include "ui/printing/SummaryPrintActions.h"

namespace gongji {

DonePage::DonePage(FilingWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Filing stored"));
    setSubTitle(tr("Give the authorizer the filing number. Press Enter to start the next filing."));
    setFinalPage(true);
    setButtonText(QWizard::FinishButton, tr("Start &next filing"));

    m_number = new QLabel(this);
    m_number->setObjectName(QStringLiteral("filingNumber"));
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_number->setAlignment(Qt::AlignCenter);
    QFont big = m_number->font();
    big.setPointSizeF(big.pointSizeF() * 3);
    big.setBold(true);
    big.setStyleHint(QFont::Monospace);
    m_number->setFont(big);
    auto *numberLabel = new QLabel(tr("Filing n&umber:"), this);
    numberLabel->setBuddy(m_number);
    numberLabel->setAlignment(Qt::AlignCenter);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("doneSummary"));
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setWordWrap(true);

    // The summary the authorizer signs, built from the stored filing; every print is audited.
    m_print = new SummaryPrintActions(wizard->connection(), wizard->clerk(), SummaryPrintActions::formLanguage(), this);
    m_printStatus = new QLabel(this);
    m_printStatus->setObjectName(QStringLiteral("printStatus"));
    m_printStatus->setAlignment(Qt::AlignCenter);
    m_printStatus->setWordWrap(true);
    connect(m_print, &SummaryPrintActions::done, m_printStatus, &QLabel::setText);
    connect(m_print, &SummaryPrintActions::failed, m_printStatus, &QLabel::setText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(numberLabel);
    layout->addWidget(m_number);
    layout->addSpacing(16);
    layout->addWidget(m_summary);
    layout->addSpacing(16);
    layout->addWidget(m_print->createButtonRow(this));
    layout->addWidget(m_printStatus);
    layout->addStretch(2);
}

void DonePage::initializePage()
{
    m_number->setText(m_wizard->filingNumber());
    m_print->setFiling(m_wizard->filingNumber());
    m_printStatus->clear();
    const FilingDraft &draft = m_wizard->draft();
    const QString name = m_wizard->authorizer().person ? m_wizard->authorizer().person->name : QString();
    QStringList targets;
    for (const TargetEntry &target : draft.targets)
        targets << target.name;
    m_summary->setText(tr("Authorizer %1 · %n target(s): %2 · stored %3 by %4", nullptr, int(draft.targets.size()))
                           .arg(name, targets.join(QStringLiteral("、")),
                                QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat),
                                m_wizard->clerk()));
    m_number->setFocus();
    m_number->setSelection(0, int(m_number->text().size()));
}

} // namespace gongji
