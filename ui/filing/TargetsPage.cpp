#include "ui/filing/TargetsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/filing/FilingWizard.h"
#include "ui/filing/TargetEntryForm.h"
#include "model/citizen/CitizenView.h"
#include "model/itemmodels/FilingTargetsModel.h"
#include "model/filing/RefusalTally.h"
#include "ui/widgets/VerdictDelegate.h"

namespace gongji {

namespace {
const QString okColor = QStringLiteral("#1d6b2f");
const QString warnColor = QStringLiteral("#a85a00");
const QString errorColor = QStringLiteral("#b01e1e");
} // namespace

TargetsPage::TargetsPage(FilingWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_form(new TargetEntryForm(this))
{
    setTitle(tr("Targets"));
    setSubTitle(tr("Add each relative who may use the authorizer's account. "
                   "Enter in the ID number field adds the entry; Enter on an empty number goes on."));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("targetsTable"));
    m_table->setModel(m_wizard->targetsModel());
    m_table->setItemDelegate(new VerdictDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *tableLabel = new QLabel(tr("Tar&gets in this filing:"), this);
    tableLabel->setBuddy(m_table);
    m_remove = new QPushButton(tr("&Delete selected (Del)"), this);
    m_remove->setObjectName(QStringLiteral("removeTargetButton"));
    m_remove->setEnabled(false);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &TargetsPage::removeSelected);

    auto *listHeader = new QHBoxLayout;
    listHeader->addWidget(tableLabel);
    listHeader->addStretch(1);
    listHeader->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addLayout(listHeader);
    layout->addWidget(m_table, 1);
    setTabOrder(m_table, m_remove);

    connect(m_form, &TargetEntryForm::addRequested, this, &TargetsPage::addTarget);
    connect(m_form, &TargetEntryForm::finishRequested, this, [this] {
        if (isComplete())
            m_wizard->next();
    });
    connect(m_remove, &QPushButton::clicked, this, &TargetsPage::removeSelected);
    connect(m_wizard->targetsModel(), &QAbstractItemModel::modelReset, this, [this] {
        m_remove->setEnabled(m_wizard->targetsModel()->rowCount() > 0);
        emit completeChanged();
    });
}

void TargetsPage::initializePage()
{
    // The lists follow the rule set in force for this authorizer.
    const auto &ruleSet = m_wizard->authorizer().ruleSet;
    m_form->setRuleLists(ruleSet ? ruleSet->relationships : QStringList(), ruleSet ? ruleSet->idTypes : QStringList());
    m_form->setQuotaShown(ruleSet && ruleSet->allowsQuota());
    m_form->focusFirstField();
    m_wizard->citizenView()->showFilingTargets(m_wizard->draft(), m_wizard->verdict());
}

bool TargetsPage::isComplete() const { return !m_wizard->draft().targets.isEmpty(); }

bool TargetsPage::hasInput() const { return m_form->hasInput(); }

void TargetsPage::resetPage()
{
    m_correctingRow = -1;
    m_form->reset();
}

void TargetsPage::addTarget()
{
    if (!m_form->checkFilledIn())
        return;
    const TargetEntry entry = m_form->entry();
    FilingDraft &draft = m_wizard->draft();
    int row = m_correctingRow;
    if (row >= 0 && row < draft.targets.size()) {
        draft.targets[row] = entry;
    } else {
        draft.targets.append(entry);
        row = int(draft.targets.size()) - 1;
    }
    if (!m_wizard->evaluate())
        return;
    const TargetVerdict verdict = m_wizard->verdict().targets.value(row);
    m_table->selectRow(row);
    if (verdict.refused()) {
        // Counted as shown to the clerk (docs/statistics.md); a failure to count never stops the counter.
        RefusalTally(m_wizard->connection())
            .record(
                {RefusalTally::refusedTarget(m_wizard->verdict(), row, m_wizard->clerk(), QStringLiteral("counter"))});
        m_correctingRow = row;
        m_form->showFindings(verdict.findings);
        m_form->setStatus(tr("Row %1 (%2) is refused. Correct the entry and add it again to replace the row, "
                             "or delete the row.")
                              .arg(row + 1)
                              .arg(entry.name),
                          errorColor);
        return;
    }
    m_correctingRow = -1;
    m_form->clearEntry();
    if (verdict.hasWarnings()) {
        QStringList texts;
        for (const Finding &finding : verdict.findings)
            texts << finding.text();
        m_form->setStatus(tr("Row %1 (%2) added with a warning to confirm before submitting: %3")
                              .arg(row + 1)
                              .arg(entry.name, texts.join(QLatin1String("; "))),
                          warnColor);
    } else {
        m_form->setStatus(tr("Row %1 (%2) added and accepted.").arg(row + 1).arg(entry.name), okColor);
    }
    m_form->focusFirstField();
}

void TargetsPage::removeSelected()
{
    const QModelIndexList rows
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    FilingDraft &draft = m_wizard->draft();
    if (row < 0 || row >= draft.targets.size())
        return;
    const QString name = draft.targets.at(row).name;
    draft.targets.removeAt(row);
    if (row == m_correctingRow) {
        m_correctingRow = -1;
        m_form->clearFindings();
    } else if (row < m_correctingRow) {
        --m_correctingRow;
    }
    m_wizard->evaluate();
    m_form->setStatus(tr("%1 removed from the filing.").arg(name), okColor);
    if (!draft.targets.isEmpty())
        m_table->selectRow(qMin(row, int(draft.targets.size()) - 1));
}

} // namespace gongji
