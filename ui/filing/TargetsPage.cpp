#include "filing/TargetsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "domain/IdNumber.h"
#include "domain/IdType.h"
#include "domain/Relationship.h"
#include "filing/FilingWizard.h"
#include "itemmodels/FilingTargetsModel.h"
#include "itemmodels/IdTypeListModel.h"
#include "itemmodels/RelationshipListModel.h"
#include "widgets/FindingLabel.h"
#include "widgets/IdNumberEdit.h"
#include "widgets/VerdictDelegate.h"

namespace gongji {

namespace {
const char *okColor = "#1d6b2f";
const char *warnColor = "#a85a00";
const char *errorColor = "#b01e1e";

QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}
} // namespace

TargetsPage::TargetsPage(FilingWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_relationships(new RelationshipListModel(this))
    , m_idTypes(new IdTypeListModel(this))
{
    setTitle(tr("Targets"));
    setSubTitle(tr("Add each relative who may use the authorizer's account. "
                   "Enter in the ID number field adds the entry; Enter on an empty number goes on."));

    m_relationship = new QComboBox(this);
    m_relationship->setObjectName(QStringLiteral("targetRelationship"));
    m_relationship->setModel(m_relationships);
    m_idType = new QComboBox(this);
    m_idType->setObjectName(QStringLiteral("targetIdType"));
    m_idType->setModel(m_idTypes);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("targetName"));
    m_name->setMaxLength(50);
    m_name->installEventFilter(this);
    m_relationship->installEventFilter(this);
    m_idType->installEventFilter(this);
    m_idNumber = new IdNumberEdit(this);
    m_idNumber->setObjectName(QStringLiteral("targetId"));
    m_birthDate = new QLineEdit(this);
    m_birthDate->setObjectName(QStringLiteral("targetBirthDate"));
    m_birthDate->setReadOnly(true);
    m_birthDate->setFocusPolicy(Qt::ClickFocus); // derived, never typed: keep it out of the Tab path
    m_sex = new QLineEdit(this);
    m_sex->setObjectName(QStringLiteral("targetSex"));
    m_sex->setReadOnly(true);
    m_sex->setFocusPolicy(Qt::ClickFocus);
    m_sex->setFixedWidth(60);
    m_proofBox = new QWidget(this);
    m_proofLayout = new QHBoxLayout(m_proofBox);
    m_proofLayout->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addTargetButton"));

    m_relationshipFindings = new FindingLabel(this);
    m_idTypeFindings = new FindingLabel(this);
    m_nameFindings = new FindingLabel(this);
    m_idFindings = new FindingLabel(this);
    m_idFindings->setObjectName(QStringLiteral("targetIdFindings"));
    m_targetFindings = new FindingLabel(this);
    m_targetFindings->setObjectName(QStringLiteral("targetFindings"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("targetStatus"));
    m_status->setWordWrap(true);

    auto *entry = new QGroupBox(tr("New target"), this);
    auto *grid = new QGridLayout(entry);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    // Fields keep a readable width; the space to their right is for the findings they cause.
    for (QWidget *field : std::initializer_list<QWidget *>{m_relationship, m_idType, m_name, m_idNumber})
        field->setFixedWidth(380);
    auto *derived = new QHBoxLayout;
    derived->addWidget(m_birthDate, 1);
    derived->addSpacing(12);
    derived->addWidget(fieldLabel(tr("Se&x:"), m_sex, this));
    derived->addWidget(m_sex);
    auto *derivedBox = new QWidget(this);
    derivedBox->setLayout(derived);
    derived->setContentsMargins(0, 0, 0, 0);
    derivedBox->setFixedWidth(380);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addWidget(m_targetFindings, 1);
    addRow->addStretch(0);

    int row = 0;
    auto addField = [&](const QString &label, QWidget *field, QWidget *buddy, FindingLabel *findings) {
        grid->addWidget(fieldLabel(label, buddy, this), row, 0, Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(field, row, 1);
        if (findings)
            grid->addWidget(findings, row, 2);
        ++row;
    };
    addField(tr("&Relationship:"), m_relationship, m_relationship, m_relationshipFindings);
    addField(tr("ID &type:"), m_idType, m_idType, m_idTypeFindings);
    addField(tr("Na&me:"), m_name, m_name, m_nameFindings);
    addField(tr("&ID number:"), m_idNumber, m_idNumber, m_idFindings);
    addField(tr("Birth dat&e:"), derivedBox, m_birthDate, nullptr);
    grid->addWidget(new QLabel(tr("Proofs seen:"), this), row, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_proofBox, row++, 1, 1, 2);
    grid->addLayout(addRow, row++, 1, 1, 2);
    grid->addWidget(m_status, row++, 1, 1, 2);
    grid->setColumnStretch(2, 1);

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
    auto *tableLabel = fieldLabel(tr("Tar&gets in this filing:"), m_table, this);
    m_remove = new QPushButton(tr("&Delete selected (Del)"), this);
    m_remove->setObjectName(QStringLiteral("removeTargetButton"));
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &TargetsPage::removeSelected);

    auto *listHeader = new QHBoxLayout;
    listHeader->addWidget(tableLabel);
    listHeader->addStretch(1);
    listHeader->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(entry);
    layout->addLayout(listHeader);
    layout->addWidget(m_table, 1);

    setTabOrder(m_relationship, m_idType);
    setTabOrder(m_idType, m_name);
    setTabOrder(m_name, m_idNumber);
    setTabOrder(m_idNumber, m_add);
    setTabOrder(m_add, m_table);
    setTabOrder(m_table, m_remove);

    connect(m_add, &QPushButton::clicked, this, &TargetsPage::addTarget);
    connect(m_remove, &QPushButton::clicked, this, &TargetsPage::removeSelected);
    connect(m_idNumber, &IdNumberEdit::submitted, this, [this] {
        // An empty number after the last entry means "done adding": go on like Enter elsewhere.
        if (m_idNumber->text().isEmpty() && m_name->text().trimmed().isEmpty() && isComplete())
            m_wizard->next();
        else
            addTarget();
    });
    connect(m_idNumber, &QLineEdit::textChanged, this, &TargetsPage::updateDerived);
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this] {
        m_idNumber->setIdType(currentIdType());
        updateDerived();
    });
    connect(m_relationship, &QComboBox::currentIndexChanged, this, &TargetsPage::rebuildProofs);
    connect(m_wizard->targetsModel(), &QAbstractItemModel::modelReset, this, [this] {
        m_remove->setEnabled(m_wizard->targetsModel()->rowCount() > 0);
        emit completeChanged();
    });
    m_remove->setEnabled(false);
}

void TargetsPage::initializePage()
{
    // The lists follow the rule set in force for this authorizer; keep the clerk's choices.
    const QString relationship = currentRelationship();
    const QString idType = currentIdType();
    const auto &ruleSet = m_wizard->authorizer().ruleSet;
    m_relationships->setKeywords(ruleSet ? ruleSet->relationships : QStringList());
    m_idTypes->setCodes(ruleSet ? ruleSet->idTypes : QStringList());
    m_relationship->setCurrentIndex(qMax(0, m_relationships->rowOf(relationship)));
    const int typeRow = m_idTypes->rowOf(idType.isEmpty() ? IdType::ResidentId : idType);
    m_idType->setCurrentIndex(qMax(0, typeRow));
    rebuildProofs();
    m_relationship->setFocus();
}

bool TargetsPage::isComplete() const
{
    return !m_wizard->draft().targets.isEmpty();
}

bool TargetsPage::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in an entry field moves on to the next field, like Tab: while a target is being
    // typed it must not jump to the next page. The number field's Enter adds (IdNumberEdit).
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            if (watched == m_relationship || watched == m_idType || watched == m_name) {
                focusNextChild();
                return true;
            }
            if (qobject_cast<QCheckBox *>(watched) && m_proofChecks.contains(static_cast<QCheckBox *>(watched))) {
                m_add->setFocus();
                return true;
            }
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

bool TargetsPage::hasInput() const
{
    return !m_name->text().trimmed().isEmpty() || !m_idNumber->text().isEmpty();
}

void TargetsPage::resetPage()
{
    m_correctingRow = -1;
    clearEntry();
    m_relationship->setCurrentIndex(0);
    m_status->clear();
}

QString TargetsPage::currentRelationship() const
{
    return m_relationship->currentData(RelationshipListModel::KeywordRole).toString();
}

QString TargetsPage::currentIdType() const
{
    return m_idType->currentData(IdTypeListModel::CodeRole).toString();
}

QStringList TargetsPage::checkedProofs() const
{
    QStringList proofs;
    for (QCheckBox *check : m_proofChecks) {
        if (check->isChecked())
            proofs << check->property("proof").toString();
    }
    return proofs;
}

void TargetsPage::rebuildProofs()
{
    const QStringList previous = checkedProofs();
    qDeleteAll(m_proofChecks);
    m_proofChecks.clear();
    while (QLayoutItem *item = m_proofLayout->takeAt(0))
        delete item; // the trailing stretch of the previous list
    QWidget *before = m_idNumber;
    int n = 0;
    for (const QString &proof : Relationship::proofsFor(currentRelationship())) {
        // Digits as mnemonics: proof lists change with the relationship, letters would clash.
        auto *check = new QCheckBox(QStringLiteral("&%1 ").arg(++n) + Proof::label(proof), m_proofBox);
        check->setProperty("proof", proof);
        check->setChecked(previous.contains(proof));
        check->installEventFilter(this);
        m_proofLayout->addWidget(check);
        m_proofChecks << check;
        setTabOrder(before, check);
        before = check;
    }
    setTabOrder(before, m_add);
    m_proofLayout->addStretch(1);
}

void TargetsPage::updateDerived()
{
    const IdCheck check = IdNumber::check(currentIdType(), m_idNumber->text());
    if (check.isValid() && check.birthDate.isValid()) {
        m_birthDate->setText(check.birthDate.toString(Qt::ISODate));
        m_sex->setText(check.sex == QLatin1Char('M') ? tr("male") : check.sex == QLatin1Char('F') ? tr("female") : QString());
    } else {
        m_birthDate->clear();
        m_sex->clear();
    }
}

void TargetsPage::clearEntryFindings()
{
    for (FindingLabel *label : {m_relationshipFindings, m_idTypeFindings, m_nameFindings, m_idFindings, m_targetFindings})
        label->clearFindings();
}

void TargetsPage::showEntryFindings(const Findings &findings)
{
    Findings relationship, idType, name, id, other;
    for (const Finding &finding : findings) {
        switch (finding.field) {
        case Finding::Field::Relationship: relationship << finding; break;
        case Finding::Field::TargetIdType: idType << finding; break;
        case Finding::Field::TargetName: name << finding; break;
        case Finding::Field::TargetId: id << finding; break;
        default: other << finding; break;
        }
    }
    m_relationshipFindings->setFindings(relationship);
    m_idTypeFindings->setFindings(idType);
    m_nameFindings->setFindings(name);
    m_idFindings->setFindings(id);
    m_targetFindings->setFindings(other);
    // Put the cursor where the first problem is, so the clerk can correct it at once.
    if (!relationship.isEmpty()) m_relationship->setFocus();
    else if (!idType.isEmpty()) m_idType->setFocus();
    else if (!name.isEmpty()) m_name->setFocus();
    else m_idNumber->setFocus();
}

void TargetsPage::clearEntry()
{
    m_name->clear();
    m_idNumber->clear();
    for (QCheckBox *check : m_proofChecks)
        check->setChecked(false);
    clearEntryFindings();
}

void TargetsPage::setStatus(const QString &text, const char *color)
{
    m_status->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                              .arg(QLatin1String(color), text.toHtmlEscaped()));
}

void TargetsPage::addTarget()
{
    clearEntryFindings();
    // Input completeness only; every rule is the evaluator's.
    if (m_name->text().trimmed().isEmpty()) {
        m_nameFindings->setMessage(tr("Type the target's name as on the ID document."));
        m_name->setFocus();
        return;
    }
    if (m_idNumber->text().isEmpty()) {
        m_idFindings->setMessage(tr("Type or read the target's ID number."));
        m_idNumber->setFocus();
        return;
    }
    TargetEntry entry;
    entry.relationship = currentRelationship();
    entry.idType = currentIdType();
    entry.idNumber = m_idNumber->text();
    entry.name = m_name->text().trimmed();
    entry.proofs = checkedProofs();

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
    const TargetVerdict &verdict = m_wizard->verdict().targets.value(row);
    m_table->selectRow(row);
    if (verdict.refused()) {
        m_correctingRow = row;
        showEntryFindings(verdict.findings);
        setStatus(tr("Row %1 (%2) is refused. Correct the entry and add it again to replace the row, "
                     "or delete the row.").arg(row + 1).arg(entry.name), errorColor);
        return;
    }
    m_correctingRow = -1;
    clearEntry();
    if (verdict.hasWarnings()) {
        QStringList texts;
        for (const Finding &finding : verdict.findings)
            texts << finding.text();
        setStatus(tr("Row %1 (%2) added with a warning to confirm before submitting: %3")
                          .arg(row + 1).arg(entry.name, texts.join(QLatin1String("; "))), warnColor);
    } else {
        setStatus(tr("Row %1 (%2) added and accepted.").arg(row + 1).arg(entry.name), okColor);
    }
    m_relationship->setFocus();
}

void TargetsPage::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows()
                                                           : QModelIndexList();
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
        clearEntryFindings();
    } else if (row < m_correctingRow) {
        --m_correctingRow;
    }
    m_wizard->evaluate();
    setStatus(tr("%1 removed from the filing.").arg(name), okColor);
    if (!draft.targets.isEmpty())
        m_table->selectRow(qMin(row, int(draft.targets.size()) - 1));
}

} // namespace gongji
