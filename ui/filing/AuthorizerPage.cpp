#include "ui/filing/AuthorizerPage.h"

#include <algorithm>

#include <QComboBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/citizen/CitizenView.h"
#include "model/domain/IdType.h"
#include "ui/filing/FilingWizard.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "model/storage/StorageError.h"
#include "ui/widgets/FindingLabel.h"
#include "ui/widgets/IdNumberEdit.h"
#include "ui/widgets/PersonCard.h"
#include "ui/widgets/ShorthandComboBox.h"

namespace gongji {

AuthorizerPage::AuthorizerPage(FilingWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_idTypes(new IdTypeListModel(this))
{
    setTitle(tr("Authorizer"));
    setSubTitle(tr("The employee-insured person who lets relatives use the personal account. "
                   "Read the ID card or type the number, then press Enter."));

    auto *idType = new ShorthandComboBox(IdTypeListModel::ShorthandsRole, this);
    m_idType = idType;
    m_idType->setObjectName(QStringLiteral("authorizerIdType"));
    m_idType->setModel(m_idTypes);
    m_idType->installEventFilter(this);
    m_idNumber = new IdNumberEdit(this);
    m_idNumber->setObjectName(QStringLiteral("authorizerId"));
    m_idNumber->setMinimumWidth(280);
    m_lookUp = new QPushButton(tr("&Look up"), this);
    m_lookUp->setObjectName(QStringLiteral("lookUpButton"));
    m_findings = new FindingLabel(this);
    m_findings->setObjectName(QStringLiteral("authorizerFindings"));
    m_hint = new QLabel(tr("Enter: look up · Enter again: next step"), this);
    m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_card = new PersonCard(this);
    m_card->setObjectName(QStringLiteral("authorizerCard"));

    auto *typeLabel = new QLabel(tr("ID &type:"), this);
    typeLabel->setBuddy(m_idType);
    auto *numberLabel = new QLabel(tr("&ID number:"), this);
    numberLabel->setBuddy(m_idNumber);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->addWidget(typeLabel, 0, 0, Qt::AlignRight);
    grid->addWidget(m_idType, 0, 1);
    grid->addWidget(numberLabel, 1, 0, Qt::AlignRight);
    grid->addWidget(m_idNumber, 1, 1);
    grid->addWidget(m_lookUp, 1, 2);
    grid->addWidget(m_findings, 1, 3, 2, 1, Qt::AlignTop);
    grid->addWidget(m_hint, 2, 1, 1, 2);
    grid->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addSpacing(12);
    layout->addWidget(m_card);
    layout->addStretch(1);

    setTabOrder(m_idType, m_idNumber);
    setTabOrder(m_idNumber, m_lookUp);

    // A typed code ("01", "sfz") picks the document and goes on to the number.
    connect(idType, &ShorthandComboBox::shorthandCompleted, m_idNumber, [this] { m_idNumber->setFocus(); });
    connect(m_idNumber, &IdNumberEdit::submitted, this, &AuthorizerPage::onSubmitted);
    connect(m_lookUp, &QPushButton::clicked, this, &AuthorizerPage::lookUp);
    connect(m_idNumber, &QLineEdit::textChanged, this, &AuthorizerPage::onInputChanged);
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this] {
        m_idNumber->setIdType(currentType());
        onInputChanged();
    });
}

bool AuthorizerPage::eventFilter(QObject *watched, QEvent *event)
{
    // Enter on the document type goes to the number, not to the wizard's Next.
    if (watched == m_idType && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_idNumber->setFocus();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void AuthorizerPage::initializePage() { m_idNumber->setFocus(); }

void AuthorizerPage::showEvent(QShowEvent *event)
{
    QWizardPage::showEvent(event);
    // A card reader types into whatever has focus: on this page that must be the number.
    m_idNumber->setFocus();
}

QString AuthorizerPage::currentType() const { return m_idType->currentData(IdTypeListModel::CodeRole).toString(); }

bool AuthorizerPage::isComplete() const
{
    // Only a found, not refused person, and only for the number still in the field.
    return m_verdict.person.has_value() && !m_verdict.refused() && m_lookedUpType == currentType()
        && m_lookedUpNumber == m_idNumber->text();
}

bool AuthorizerPage::validatePage()
{
    if (!isComplete())
        return false;
    m_wizard->setAuthorizer(m_lookedUpType, m_lookedUpNumber, m_verdict);
    return true;
}

bool AuthorizerPage::hasInput() const { return !m_idNumber->text().isEmpty(); }

void AuthorizerPage::resetPage()
{
    m_idType->setCurrentIndex(m_idTypes->rowOf(IdType::ResidentId));
    m_idNumber->clear();
    m_verdict = {};
    m_lookedUpType.clear();
    m_lookedUpNumber.clear();
    m_findings->clearFindings();
    m_card->clearPerson();
    emit completeChanged();
}

void AuthorizerPage::onSubmitted()
{
    if (isComplete())
        m_wizard->next();
    else
        lookUp();
}

void AuthorizerPage::onInputChanged()
{
    // A changed number is a different person: the card must not keep showing the old one.
    if (!m_lookedUpNumber.isEmpty() && (m_idNumber->text() != m_lookedUpNumber || currentType() != m_lookedUpType)) {
        m_verdict = {};
        m_lookedUpType.clear();
        m_lookedUpNumber.clear();
        m_card->clearPerson();
        m_findings->clearFindings();
        emit completeChanged();
    }
}

void AuthorizerPage::lookUp()
{
    if (m_idNumber->text().isEmpty()) {
        m_findings->setMessage(tr("Type or read the authorizer's ID number."));
        m_idNumber->setFocus();
        return;
    }
    FilingDraft probe = m_wizard->draft();
    probe.authorizerIdType = currentType();
    probe.authorizerIdNumber = m_idNumber->text();
    probe.authorizerName.clear();
    probe.filedOn = QDate::currentDate();
    AuthorizerVerdict verdict;
    try {
        verdict = FilingEvaluator(m_wizard->connection()).checkAuthorizer(probe);
    } catch (const StorageError &error) {
        m_wizard->showStorageError(error.userMessage());
        return;
    }
    // The commitment is given on the next page; here it cannot be missing yet.
    verdict.findings.erase(std::remove_if(verdict.findings.begin(), verdict.findings.end(),
                                          [](const Finding &f) { return f.code == RefusalCode::CommitmentMissing; }),
                           verdict.findings.end());
    m_verdict = verdict;
    m_lookedUpType = probe.authorizerIdType;
    m_lookedUpNumber = probe.authorizerIdNumber;
    m_findings->setFindings(verdict.findings);
    if (verdict.person) {
        m_card->setPerson(*verdict.person, verdict.ruleSet);
        // The authorizer checks name and number on the citizen's screen; the balance is theirs.
        m_wizard->citizenView()->showPerson(CitizenView::Service::Filing, *verdict.person, QStringLiteral("授权人"),
                                            true);
    } else
        m_card->clearPerson();
    m_idNumber->setFocus();
    m_idNumber->selectAll(); // the next card read replaces the number
    emit completeChanged();
}

} // namespace gongji
