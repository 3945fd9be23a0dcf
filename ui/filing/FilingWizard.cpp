#include "ui/filing/FilingWizard.h"

#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>

#include "ui/filing/AuthorizerPage.h"
#include "ui/filing/CommitmentPage.h"
#include "ui/filing/ConfirmPage.h"
#include "ui/filing/DonePage.h"
#include "ui/filing/NoticePage.h"
#include "ui/filing/TargetsPage.h"
#include "model/citizen/CitizenView.h"
#include "model/itemmodels/FilingTargetsModel.h"
#include "model/storage/StorageError.h"

namespace gongji {

FilingWizard::FilingWizard(const QString &connection, const QString &clerk, QWidget *parent)
    : QWizard(parent)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_targetsModel(new FilingTargetsModel(this))
    , m_citizen(new CitizenView(this))
{
    setObjectName(QStringLiteral("filingWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::NoBackButtonOnLastPage | QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CancelButton, tr("Cancel filing (Esc)"));
    setPixmap(QWizard::LogoPixmap,
              QPixmap(QStringLiteral(":/icons/gongji-desk.png"))
                  .scaled(44, 44, Qt::KeepAspectRatio, Qt::SmoothTransformation));

    m_authorizerPage = new AuthorizerPage(this);
    m_commitmentPage = new CommitmentPage(this);
    m_noticePage = new NoticePage(this);
    m_targetsPage = new TargetsPage(this);
    m_confirmPage = new ConfirmPage(this);
    m_donePage = new DonePage(this);
    setPage(AuthorizerPageId, m_authorizerPage);
    setPage(CommitmentPageId, m_commitmentPage);
    setPage(NoticePageId, m_noticePage);
    setPage(TargetsPageId, m_targetsPage);
    setPage(ConfirmPageId, m_confirmPage);
    setPage(DonePageId, m_donePage);
    setStartId(AuthorizerPageId);
    resetDraft();
}

QString FilingWizard::language()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void FilingWizard::setAuthorizer(const QString &idType, const QString &idNumber, const AuthorizerVerdict &verdict)
{
    const bool samePerson = m_authorizer.person && verdict.person && m_authorizer.person->id == verdict.person->id;
    if (!samePerson) {
        m_draft.commitmentAcknowledged = false;
        m_draft.commitmentMethod = QStringLiteral("paper");
        m_draft.commitmentVersion.clear();
        m_draft.commitmentAt = {};
        m_draft.targets.clear();
        m_verdict = {};
        m_targetsModel->clear();
        m_targetsPage->resetPage();
    }
    m_draft.authorizerIdType = idType;
    m_draft.authorizerIdNumber = idNumber;
    m_authorizer = verdict;
}

bool FilingWizard::evaluate()
{
    m_draft.filedOn = QDate::currentDate();
    try {
        setVerdict(FilingEvaluator(m_connection).evaluate(m_draft));
        return true;
    } catch (const StorageError &error) {
        showStorageError(error.userMessage());
        return false;
    }
}

void FilingWizard::setVerdict(const FilingVerdict &verdict)
{
    m_verdict = verdict;
    m_targetsModel->setFiling(m_draft, m_verdict);
    if (currentId() == TargetsPageId || currentId() == ConfirmPageId)
        m_citizen->showFilingTargets(m_draft, m_verdict);
    if (currentId() == ConfirmPageId)
        m_citizen->showReview();
}

void FilingWizard::setFilingNumber(const QString &number)
{
    m_filingNumber = number;
    m_citizen->showDone(number);
    emit filingStored(number);
}

bool FilingWizard::hasUnsavedData() const
{
    if (currentId() == DonePageId)
        return false; // stored already
    return m_authorizerPage->hasInput() || !m_draft.authorizerIdNumber.isEmpty() || !m_draft.targets.isEmpty()
        || m_targetsPage->hasInput();
}

bool FilingWizard::startNewFiling(bool askFirst)
{
    if (askFirst && hasUnsavedData()) {
        const auto answer = QMessageBox::question(
            this, tr("Discard this filing?"),
            tr("The filing being entered has not been submitted. Discard it and start a new one?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
    }
    resetDraft();
    m_authorizerPage->resetPage();
    m_commitmentPage->resetPage();
    m_targetsPage->resetPage();
    m_confirmPage->resetPage();
    restart();
    return true;
}

void FilingWizard::showStorageError(const QString &message)
{
    QMessageBox::critical(this, tr("Database error"), message);
}

void FilingWizard::accept()
{
    // Not QDialog::accept(): that would hide the embedded wizard.
    startNewFiling(false);
}

void FilingWizard::reject() { startNewFiling(true); }

void FilingWizard::resetDraft()
{
    m_draft = FilingDraft();
    m_draft.clerk = m_clerk;
    m_draft.channel = QStringLiteral("counter");
    m_draft.filedOn = QDate::currentDate();
    m_authorizer = {};
    m_verdict = {};
    m_filingNumber.clear();
    m_targetsModel->clear();
    m_citizen->showIdle();
}

} // namespace gongji
