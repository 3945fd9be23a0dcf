#include "ui/filing/TargetEntryForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"
#include "model/domain/Relationship.h"
#include "model/itemmodels/IdTypeListModel.h"
#include "model/itemmodels/RelationshipListModel.h"
#include "ui/widgets/FindingLabel.h"
#include "ui/widgets/IdNumberEdit.h"
#include "ui/widgets/ShorthandComboBox.h"

namespace gongji {

namespace {
QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}
} // namespace

TargetEntryForm::TargetEntryForm(QWidget *parent)
    : QGroupBox(tr("New target"), parent)
    , m_relationships(new RelationshipListModel(this))
    , m_idTypes(new IdTypeListModel(this))
{
    auto *relationship = new ShorthandComboBox(RelationshipListModel::ShorthandsRole, this);
    m_relationship = relationship;
    m_relationship->setObjectName(QStringLiteral("targetRelationship"));
    m_relationship->setModel(m_relationships);
    auto *idType = new ShorthandComboBox(IdTypeListModel::ShorthandsRole, this);
    m_idType = idType;
    m_idType->setObjectName(QStringLiteral("targetIdType"));
    m_idType->setModel(m_idTypes);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("targetName"));
    m_name->setMaxLength(50);
    m_validUntil = new QLineEdit(this);
    m_validUntil->setObjectName(QStringLiteral("targetValidUntil"));
    m_validUntil->setMaxLength(10);
    m_validUntil->setPlaceholderText(tr("YYYY-MM-DD, empty: open-ended"));
    m_quota = new QLineEdit(this);
    m_quota->setObjectName(QStringLiteral("targetQuota"));
    m_quota->setMaxLength(18);
    m_quota->setPlaceholderText(tr("yuan, e.g. 1500.50; empty: none"));
    m_idNumber = new IdNumberEdit(this);
    m_idNumber->setObjectName(QStringLiteral("targetId"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_relationship, m_idType, m_name, m_validUntil, m_quota}) {
        field->installEventFilter(this);
        field->setFixedWidth(380);
    }
    // Fields keep a readable width; the space to their right is for the findings they cause.
    m_idNumber->setFixedWidth(380);

    m_birthDate = new QLineEdit(this);
    m_birthDate->setObjectName(QStringLiteral("targetBirthDate"));
    m_sex = new QLineEdit(this);
    m_sex->setObjectName(QStringLiteral("targetSex"));
    m_sex->setFixedWidth(60);
    for (QLineEdit *derived : {m_birthDate, m_sex}) {
        derived->setReadOnly(true);
        derived->setFocusPolicy(Qt::ClickFocus); // derived, never typed: out of the Tab path
    }
    m_proofBox = new QWidget(this);
    m_proofLayout = new QHBoxLayout(m_proofBox);
    m_proofLayout->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addTargetButton"));
    m_add->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    m_relationshipFindings = new FindingLabel(this);
    m_relationshipFindings->setObjectName(QStringLiteral("targetRelationshipFindings"));
    m_idTypeFindings = new FindingLabel(this);
    m_nameFindings = new FindingLabel(this);
    m_validUntilFindings = new FindingLabel(this);
    m_validUntilFindings->setObjectName(QStringLiteral("targetValidUntilFindings"));
    m_quotaFindings = new FindingLabel(this);
    m_quotaFindings->setObjectName(QStringLiteral("targetQuotaFindings"));
    m_idFindings = new FindingLabel(this);
    m_idFindings->setObjectName(QStringLiteral("targetIdFindings"));
    m_targetFindings = new FindingLabel(this);
    m_targetFindings->setObjectName(QStringLiteral("targetFindings"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("targetStatus"));
    m_status->setWordWrap(true);

    auto *derivedBox = new QWidget(this);
    auto *derived = new QHBoxLayout(derivedBox);
    derived->setContentsMargins(0, 0, 0, 0);
    derived->addWidget(m_birthDate, 1);
    derived->addSpacing(12);
    derived->addWidget(fieldLabel(tr("Se&x:"), m_sex, this));
    derived->addWidget(m_sex);
    derivedBox->setFixedWidth(380);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add, 0, Qt::AlignLeft);
    addRow->addWidget(m_targetFindings, 1);

    auto *grid = new QGridLayout(this);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
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
    addField(tr("Valid &until:"), m_validUntil, m_validUntil, m_validUntilFindings);
    // Before the number: Enter in the number adds the entry, so everything else comes first.
    m_quotaLabel = fieldLabel(tr("&Quota (yuan):"), m_quota, this);
    grid->addWidget(m_quotaLabel, row, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_quota, row, 1);
    grid->addWidget(m_quotaFindings, row++, 2);
    addField(tr("&ID number:"), m_idNumber, m_idNumber, m_idFindings);
    addField(tr("Birth dat&e:"), derivedBox, m_birthDate, nullptr);
    grid->addWidget(new QLabel(tr("Proofs seen:"), this), row, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_proofBox, row++, 1, 1, 2);
    grid->addLayout(addRow, row++, 1, 1, 2);
    grid->addWidget(m_status, row++, 1, 1, 2);
    grid->setColumnStretch(2, 1);

    setTabOrder(m_relationship, m_idType);
    setTabOrder(m_idType, m_name);
    setTabOrder(m_name, m_validUntil);
    setTabOrder(m_validUntil, m_quota);
    setTabOrder(m_quota, m_idNumber);
    setTabOrder(m_idNumber, m_add);

    // A typed relationship code goes on to the name: most relatives carry the resident ID card
    // the ID type already shows (Shift+Tab or Alt+T reaches it). A typed ID-type code goes on.
    connect(relationship, &ShorthandComboBox::shorthandCompleted, m_name, [this] { m_name->setFocus(); });
    connect(idType, &ShorthandComboBox::shorthandCompleted, m_name, [this] { m_name->setFocus(); });
    connect(m_add, &QPushButton::clicked, this, &TargetEntryForm::addRequested);
    connect(m_idNumber, &IdNumberEdit::submitted, this, [this] {
        if (hasInput())
            emit addRequested();
        else
            emit finishRequested();
    });
    connect(m_idNumber, &QLineEdit::textChanged, this, &TargetEntryForm::updateDerived);
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this] {
        m_idNumber->setIdType(currentIdType());
        updateDerived();
    });
    connect(m_relationship, &QComboBox::currentIndexChanged, this, &TargetEntryForm::rebuildProofs);
}

void TargetEntryForm::setRuleLists(const QStringList &relationships, const QStringList &idTypes)
{
    const QString relationship = currentRelationship();
    const QString idType = currentIdType();
    m_relationships->setKeywords(relationships);
    m_idTypes->setCodes(idTypes);
    m_relationship->setCurrentIndex(qMax(0, m_relationships->rowOf(relationship)));
    m_idType->setCurrentIndex(qMax(0, m_idTypes->rowOf(idType.isEmpty() ? IdType::ResidentId : idType)));
    rebuildProofs();
}

void TargetEntryForm::setQuotaShown(bool shown)
{
    for (QWidget *widget : std::initializer_list<QWidget *>{m_quotaLabel, m_quota, m_quotaFindings})
        widget->setVisible(shown);
    if (!shown)
        m_quota->clear();
}

TargetEntry TargetEntryForm::entry() const
{
    TargetEntry entry;
    entry.relationship = currentRelationship();
    entry.idType = currentIdType();
    entry.idNumber = m_idNumber->text();
    entry.name = m_name->text().trimmed();
    entry.proofs = checkedProofs();
    entry.validUntil = QDate::fromString(m_validUntil->text().trimmed(), Qt::ISODate);
    if (!m_quota->isHidden() && !m_quota->text().trimmed().isEmpty())
        entry.quotaFen = Money::parseYuan(m_quota->text().trimmed());
    return entry;
}

bool TargetEntryForm::hasInput() const { return !m_name->text().trimmed().isEmpty() || !m_idNumber->text().isEmpty(); }

bool TargetEntryForm::checkFilledIn()
{
    clearFindings();
    // Input completeness only; every rule is the evaluator's.
    if (m_name->text().trimmed().isEmpty()) {
        m_nameFindings->setMessage(tr("Type the target's name as on the ID document."));
        m_name->setFocus();
        return false;
    }
    const QString until = m_validUntil->text().trimmed();
    if (!until.isEmpty() && (until.size() != 10 || !QDate::fromString(until, Qt::ISODate).isValid())) {
        m_validUntilFindings->setMessage(tr("Type the last day of the authorization period as YYYY-MM-DD, "
                                            "or leave it empty for no end."));
        m_validUntil->setFocus();
        return false;
    }
    if (m_idNumber->text().isEmpty()) {
        m_idFindings->setMessage(tr("Type or read the target's ID number."));
        m_idNumber->setFocus();
        return false;
    }
    const QString quota = m_quota->text().trimmed();
    if (!m_quota->isHidden() && !quota.isEmpty() && !Money::parseYuan(quota)) {
        m_quotaFindings->setMessage(tr("Type the quota in yuan with at most 2 decimals and a \".\", e.g. 1500.50, "
                                       "or leave it empty."));
        m_quota->setFocus();
        return false;
    }
    return true;
}

void TargetEntryForm::showFindings(const Findings &findings)
{
    Findings relationship, idType, name, validUntil, quota, id, other;
    for (const Finding &finding : findings) {
        switch (finding.field) {
        case Finding::Field::Relationship:
            relationship << finding;
            break;
        case Finding::Field::TargetIdType:
            idType << finding;
            break;
        case Finding::Field::TargetName:
            name << finding;
            break;
        case Finding::Field::ValidUntil:
            validUntil << finding;
            break;
        case Finding::Field::Quota:
            quota << finding;
            break;
        case Finding::Field::TargetId:
            id << finding;
            break;
        default:
            other << finding;
            break;
        }
    }
    m_relationshipFindings->setFindings(relationship);
    m_idTypeFindings->setFindings(idType);
    m_nameFindings->setFindings(name);
    m_validUntilFindings->setFindings(validUntil);
    m_quotaFindings->setFindings(quota);
    m_idFindings->setFindings(id);
    m_targetFindings->setFindings(other);
    // The cursor goes where the first problem is, so the clerk can correct it at once.
    if (!relationship.isEmpty())
        m_relationship->setFocus();
    else if (!idType.isEmpty())
        m_idType->setFocus();
    else if (!name.isEmpty())
        m_name->setFocus();
    else if (!validUntil.isEmpty())
        m_validUntil->setFocus();
    else if (!quota.isEmpty() && !m_quota->isHidden())
        m_quota->setFocus();
    else
        m_idNumber->setFocus();
}

void TargetEntryForm::clearFindings()
{
    for (FindingLabel *label : {m_relationshipFindings, m_idTypeFindings, m_nameFindings, m_validUntilFindings,
                                m_quotaFindings, m_idFindings, m_targetFindings})
        label->clearFindings();
}

void TargetEntryForm::clearEntry()
{
    m_name->clear();
    m_validUntil->clear();
    m_quota->clear();
    m_idNumber->clear();
    for (QCheckBox *check : m_proofChecks)
        check->setChecked(false);
    clearFindings();
}

void TargetEntryForm::reset()
{
    clearEntry();
    m_relationship->setCurrentIndex(0);
    m_status->clear();
}

void TargetEntryForm::setStatus(const QString &text, const QString &color)
{
    m_status->setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color, text.toHtmlEscaped()));
}

void TargetEntryForm::focusFirstField() { m_relationship->setFocus(); }

bool TargetEntryForm::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in an entry field moves on to the next field, like Tab: while a target is being
    // typed it must not jump to the next page. From the name Enter skips the period (optional:
    // Tab or Alt+U) to the quota where the rule set takes one, else to the number, whose Enter adds.
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            if ((watched == m_name || watched == m_validUntil) && !m_quota->isHidden()) {
                m_quota->setFocus();
                return true;
            }
            if (watched == m_name || watched == m_validUntil || watched == m_quota) {
                m_idNumber->setFocus();
                return true;
            }
            if (watched == m_relationship || watched == m_idType) {
                focusNextChild();
                return true;
            }
            if (m_proofChecks.contains(qobject_cast<QCheckBox *>(watched))) {
                m_add->setFocus();
                return true;
            }
        }
    }
    return QGroupBox::eventFilter(watched, event);
}

QString TargetEntryForm::currentRelationship() const
{
    return m_relationship->currentData(RelationshipListModel::KeywordRole).toString();
}

QString TargetEntryForm::currentIdType() const { return m_idType->currentData(IdTypeListModel::CodeRole).toString(); }

QStringList TargetEntryForm::checkedProofs() const
{
    QStringList proofs;
    for (QCheckBox *check : m_proofChecks) {
        if (check->isChecked())
            proofs << check->property("proof").toString();
    }
    return proofs;
}

void TargetEntryForm::rebuildProofs()
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

void TargetEntryForm::updateDerived()
{
    const IdCheck check = IdNumber::check(currentIdType(), m_idNumber->text());
    if (check.isValid() && check.birthDate.isValid()) {
        m_birthDate->setText(check.birthDate.toString(Qt::ISODate));
        m_sex->setText(check.sex == QLatin1Char('M')       ? tr("male")
                           : check.sex == QLatin1Char('F') ? tr("female")
                                                           : QString());
    } else {
        m_birthDate->clear();
        m_sex->clear();
    }
}

} // namespace gongji
