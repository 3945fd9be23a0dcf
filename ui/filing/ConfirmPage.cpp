#include "ui/filing/ConfirmPage.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QTableView>
#include <QVBoxLayout>

#include "model/citizen/CitizenView.h"
#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"
#include "model/filing/FilingSubmission.h"
#include "ui/filing/FilingWizard.h"
#include "model/itemmodels/FilingTargetsModel.h"
#include "model/filing/RefusalTally.h"
#include "model/storage/StorageError.h"
#include "ui/widgets/VerdictDelegate.h"

namespace gongji {

ConfirmPage::ConfirmPage(FilingWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Confirm"));
    setSubTitle(tr("Check every target with the authorizer, then submit the filing."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("S&ubmit filing"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("confirmSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("confirmTable"));
    m_table->setModel(m_wizard->targetsModel());
    m_table->setItemDelegate(new VerdictDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *tableLabel = new QLabel(tr("&Targets to file:"), this);
    tableLabel->setBuddy(m_table);

    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("confirmBlocked"));
    m_blocked->setWordWrap(true);
    m_blocked->setStyleSheet(QStringLiteral("color: #b01e1e;"));

    m_warningsChecked = new QCheckBox(this);
    m_warningsChecked->setObjectName(QStringLiteral("warningsCheck"));
    m_warningsChecked->setStyleSheet(QStringLiteral("color: #a85a00;"));

    // The clerk's small copy of what the authorizer signs on the citizen's screen.
    m_signature = new QLabel(this);
    m_signature->setObjectName(QStringLiteral("signaturePreview"));
    m_signature->setFrameShape(QFrame::StyledPanel);
    m_signature->setMinimumHeight(84);
    connect(wizard->citizenView(), &CitizenView::signatureChanged, this, &ConfirmPage::showSignature);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("confirmResult"));
    m_result->setWordWrap(true);
    m_result->setStyleSheet(QStringLiteral("color: #b01e1e;"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_blocked);
    layout->addWidget(m_warningsChecked);
    layout->addWidget(m_signature);
    layout->addWidget(m_result);

    connect(m_warningsChecked, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void ConfirmPage::initializePage()
{
    m_result->clear();
    m_result->hide();
    // Check again: time has passed since the targets were added.
    m_wizard->evaluate();
    const QList<int> warned = warnedRows();
    bool allConfirmed = !warned.isEmpty();
    for (int row : warned)
        allConfirmed = allConfirmed && m_wizard->draft().targets.at(row).ageWarningConfirmed;
    m_warningsChecked->setChecked(allConfirmed);
    refresh();
    showSignature();
    m_table->setFocus();
}

QList<int> ConfirmPage::warnedRows() const
{
    QList<int> rows;
    const FilingTargetsModel *model = m_wizard->targetsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(FilingTargetsModel::WarningRole).toBool())
            rows << row;
    }
    return rows;
}

QList<int> ConfirmPage::refusedRows() const
{
    QList<int> rows;
    const FilingTargetsModel *model = m_wizard->targetsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(FilingTargetsModel::RefusedRole).toBool())
            rows << row;
    }
    return rows;
}

void ConfirmPage::refresh()
{
    const AuthorizerVerdict &authorizer = m_wizard->authorizer();
    const FilingDraft &draft = m_wizard->draft();
    QString summary;
    if (authorizer.person) {
        summary = tr("Authorizer: <b>%1</b> (%2) · commitment version %3 · rules: %4")
                      .arg(authorizer.person->name.toHtmlEscaped(), IdNumber::mask(authorizer.person->idNumber),
                           draft.commitmentVersion.toHtmlEscaped(),
                           authorizer.ruleSet ? authorizer.ruleSet->title.toHtmlEscaped() : QString());
    }
    // Money set aside by this filing: the clerk reads the total out before the citizen signs.
    qint64 quotas = 0;
    for (const TargetEntry &target : draft.targets)
        quotas += target.quotaFen.value_or(0);
    if (quotas > 0)
        summary += QStringLiteral("<br>")
            + tr("Quotas set aside (共济额度): <b>%1 yuan</b>").arg(Money::formatYuan(quotas));
    m_summary->setText(summary);

    QStringList refused;
    for (int row : refusedRows()) {
        const QStringList codes
            = m_wizard->targetsModel()->index(row, 0).data(FilingTargetsModel::CodesRole).toStringList();
        refused << tr("row %1 %2 (%3)").arg(row + 1).arg(draft.targets.at(row).name, codes.join(QLatin1String(", ")));
    }
    m_blocked->setText(refused.isEmpty() ? QString()
                                         : tr("Cannot submit: remove the refused targets first: %1. "
                                              "Go back (Alt+B) to the targets and delete them.")
                                               .arg(refused.join(QLatin1String("; "))));
    m_blocked->setVisible(!refused.isEmpty());

    QStringList warned;
    for (int row : warnedRows())
        warned << draft.targets.at(row).name;
    m_warningsChecked->setText(
        tr("I have &checked the warned relationships with the documents: %1").arg(warned.join(QStringLiteral("、"))));
    m_warningsChecked->setVisible(!warned.isEmpty());
    emit completeChanged();
}

bool ConfirmPage::isComplete() const
{
    if (m_wizard->draft().targets.isEmpty() || !refusedRows().isEmpty())
        return false;
    return warnedRows().isEmpty() || m_warningsChecked->isChecked();
}

bool ConfirmPage::validatePage()
{
    if (!isComplete())
        return false;
    FilingDraft &draft = m_wizard->draft();
    for (int row : warnedRows())
        draft.targets[row].ageWarningConfirmed = m_warningsChecked->isChecked();
    draft.filedOn = QDate::currentDate();
    draft.clerk = m_wizard->clerk();
    draft.signature = m_wizard->citizenView()->signature();

    SubmissionResult result;
    try {
        result = FilingSubmission(m_wizard->connection()).submit(draft);
    } catch (const StorageError &error) {
        m_wizard->showStorageError(error.userMessage());
        return false;
    }
    switch (result.status) {
    case SubmissionResult::Status::Stored:
        m_wizard->setFilingNumber(result.filingNumber);
        return true;
    case SubmissionResult::Status::Failed:
        m_wizard->showStorageError(result.error);
        return false;
    case SubmissionResult::Status::Refused:
    case SubmissionResult::Status::NeedsConfirmation:
        break;
    }
    // Another counter changed the registry or the bindings since the check: say why, stay.
    RefusalTally(m_wizard->connection())
        .record(RefusalTally::refusedTargets(result.verdict, draft.clerk, QStringLiteral("counter")));
    m_wizard->setVerdict(result.verdict);
    QStringList reasons;
    for (const Finding &finding : result.verdict.authorizer.findings)
        reasons << finding.text();
    for (int row = 0; row < result.verdict.targets.size() && row < draft.targets.size(); ++row) {
        for (const Finding &finding : result.verdict.targets.at(row).findings)
            reasons << draft.targets.at(row).name + QStringLiteral(": ") + finding.text();
    }
    m_result->setText(
        tr("The filing was not stored; the check at submission found:\n%1").arg(reasons.join(QLatin1Char('\n'))));
    m_result->show();
    refresh();
    return false;
}

void ConfirmPage::showSignature()
{
    const std::optional<Signature> signature = m_wizard->citizenView()->signature();
    if (!signature) {
        m_signature->setPixmap({});
        m_signature->setText(tr("Not signed on the citizen's screen: the authorizer signs the printed summary."));
        return;
    }
    m_signature->setPixmap(QPixmap::fromImage(signature->image(QSize(240, 80))));
}

void ConfirmPage::resetPage()
{
    m_warningsChecked->setChecked(false);
    m_result->clear();
    m_result->hide();
}

} // namespace gongji
