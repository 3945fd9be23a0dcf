#include "ui/filing/CommitmentPage.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLocale>
#include <QLabel>
#include <QTextBrowser>
#include <QTextDocument>

#include "model/citizen/CitizenView.h"
#include "model/filing/CommitmentLetter.h"
#include "ui/filing/FilingWizard.h"

namespace gongji {

CommitmentPage::CommitmentPage(FilingWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Commitment letter"));
    setSubTitle(tr("Let the authorizer read the letter, tick the pledge and sign the paper copy."));

    m_letter = new QTextBrowser(this);
    m_letter->setObjectName(QStringLiteral("commitmentText"));
    // The letter's text is laid out when the page is first reached, not at start-up.
    QFont letterFont = m_letter->font();
    letterFont.setPointSizeF(letterFont.pointSizeF() * 1.1);
    m_letter->setFont(letterFont);
    auto *letterLabel = new QLabel(tr("Commitment &letter (version %1):").arg(CommitmentLetter::version()), this);
    letterLabel->setBuddy(m_letter);

    // The sentence is the platform's wording and stays exactly as it is, in every language;
    // its mnemonic lives on the label in front of it.
    m_pledge = new QCheckBox(CommitmentLetter::pledgeSentence(), this);
    m_pledge->setObjectName(QStringLiteral("pledgeCheck"));
    QFont pledgeFont = m_pledge->font();
    pledgeFont.setBold(true);
    m_pledge->setFont(pledgeFont);
    auto *pledgeLabel = new QLabel(tr("Authorizer's &pledge:"), this);
    pledgeLabel->setBuddy(m_pledge);

    m_paperSigned = new QCheckBox(tr("The authorizer has si&gned the paper copy of the letter"), this);
    m_paperSigned->setObjectName(QStringLiteral("paperSignedCheck"));
    auto *paperLabel = new QLabel(tr("Clerk:"), this);
    m_citizenTick = new QLabel(this);
    m_citizenTick->setObjectName(QStringLiteral("citizenTickNote"));
    m_citizenTick->setStyleSheet(QStringLiteral("color: #1d6b2f; font-weight: bold;"));
    m_citizenTick->hide();

    auto *layout = new QGridLayout(this);
    layout->addWidget(letterLabel, 0, 0, 1, 2);
    layout->addWidget(m_letter, 1, 0, 1, 2);
    layout->addWidget(pledgeLabel, 2, 0, Qt::AlignRight);
    layout->addWidget(m_pledge, 2, 1);
    layout->addWidget(paperLabel, 3, 0, Qt::AlignRight);
    layout->addWidget(m_paperSigned, 3, 1);
    layout->addWidget(m_citizenTick, 4, 1);
    layout->setRowStretch(1, 1);
    layout->setColumnStretch(1, 1);

    setTabOrder(m_letter, m_pledge);
    setTabOrder(m_pledge, m_paperSigned);
    // The paper copy carries the pledge: the authorizer ticks it there and signs below, so the
    // clerk's one tick of the signed copy stands for both.
    connect(m_paperSigned, &QCheckBox::toggled, m_pledge, [this](bool on) {
        if (on)
            m_pledge->setChecked(true);
    });
    connect(m_pledge, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    // The authorizer's own tick on the citizen's screen: no paper copy needed.
    connect(wizard->citizenView(), &CitizenView::pledgeAcknowledged, this, [this](const QDateTime &at) {
        showCitizenTick(at);
        m_pledge->setChecked(true);
        emit completeChanged();
    });
    connect(m_paperSigned, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void CommitmentPage::initializePage()
{
    if (m_letter->document()->isEmpty())
        m_letter->setPlainText(CommitmentLetter::letterText(FilingWizard::language()));
    // A new authorizer clears the acknowledgement in the draft; the ticks follow it.
    const bool acknowledged = m_wizard->draft().commitmentAcknowledged;
    // The citizen's screen keeps this authorizer's tick (and drops another person's).
    CitizenView *citizen = m_wizard->citizenView();
    citizen->showCommitment();
    showCitizenTick(citizen->pledgeTicked() ? citizen->pledgeAt() : QDateTime());
    m_pledge->setChecked(acknowledged || m_citizenTickAt.isValid());
    m_paperSigned->setChecked(acknowledged && m_wizard->draft().commitmentMethod == QLatin1String("paper"));
}

void CommitmentPage::showEvent(QShowEvent *event)
{
    QWizardPage::showEvent(event);
    // Space ticks the signed copy, Enter goes on. Here, not in initializePage: QWizard gives the
    // focus to the page's first child (the letter) after initializing a page it has not shown.
    m_paperSigned->setFocus();
}

void CommitmentPage::showCitizenTick(const QDateTime &at)
{
    m_citizenTickAt = at;
    m_citizenTick->setText(tr("The authorizer ticked the pledge on the citizen's screen at %1.")
                               .arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)));
    m_citizenTick->setVisible(at.isValid());
}

bool CommitmentPage::isComplete() const
{
    return m_pledge->isChecked() && (m_paperSigned->isChecked() || m_citizenTickAt.isValid());
}

bool CommitmentPage::validatePage()
{
    if (!isComplete())
        return false;
    FilingDraft &draft = m_wizard->draft();
    if (!draft.commitmentAcknowledged) {
        draft.commitmentAcknowledged = true;
        draft.commitmentVersion = CommitmentLetter::version();
        const bool onScreen = m_citizenTickAt.isValid() && !m_paperSigned->isChecked();
        draft.commitmentMethod = onScreen ? QStringLiteral("citizen_screen") : QStringLiteral("paper");
        draft.commitmentAt = onScreen ? m_citizenTickAt : QDateTime::currentDateTimeUtc();
    }
    return true;
}

void CommitmentPage::resetPage()
{
    m_pledge->setChecked(false);
    m_paperSigned->setChecked(false);
    showCitizenTick({});
    m_letter->moveCursor(QTextCursor::Start);
}

} // namespace gongji
