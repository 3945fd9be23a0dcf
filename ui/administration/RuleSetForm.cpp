#include "ui/administration/RuleSetForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "ui/administration/CheckList.h"
#include "model/domain/IdType.h"
#include "model/domain/Relationship.h"

namespace gongji {

namespace {

QDateEdit *dateEdit(const char *name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setMaximumDate(QDate(2099, 12, 31));
    return edit;
}

// 0 on a limit spin box shows "unlimited" and means no limit (an empty JSON value).
QSpinBox *limitBox(const char *name, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, 99);
    box->setSpecialValueText(RuleSetForm::tr("unlimited"));
    return box;
}

} // namespace

RuleSetForm::RuleSetForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(12);
    layout->setVerticalSpacing(10);
    layout->addWidget(createGeneral(), 0, 0, 1, 2);
    layout->addWidget(createWhoMayBeBound(), 1, 0, 1, 2);
    layout->addWidget(createLimits(), 2, 0);
    layout->addWidget(createPayable(), 2, 1);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);
    layout->setRowStretch(3, 1);
    watchForEdits();
}

QWidget *RuleSetForm::createGeneral()
{
    auto *box = new QGroupBox(tr("Rule set"), this);
    auto *form = new QFormLayout(box);
    form->setLabelAlignment(Qt::AlignRight);
    m_region = new QLineEdit(box);
    m_region->setObjectName(QStringLiteral("ruleRegion"));
    m_region->setMaxLength(12);
    m_region->setFixedWidth(110);
    m_region->setPlaceholderText(QStringLiteral("330000"));
    m_region->setToolTip(tr("000000 national, XX0000 a province, or a 6-digit pooling region"));
    m_title = new QLineEdit(box);
    m_title->setObjectName(QStringLiteral("ruleTitle"));
    m_from = dateEdit("ruleFrom", box);
    m_hasEnd = new QCheckBox(tr("ends on"), box);
    m_hasEnd->setObjectName(QStringLiteral("ruleHasEnd"));
    m_to = dateEdit("ruleTo", box);
    m_to->setEnabled(false);
    connect(m_hasEnd, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addSpacing(16);
    period->addWidget(m_hasEnd);
    period->addWidget(m_to);
    period->addStretch(1);
    m_source = new QPlainTextEdit(box);
    m_source->setObjectName(QStringLiteral("ruleSource"));
    m_source->setTabChangesFocus(true);
    m_source->setFixedHeight(m_source->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(tr("Re&gion code:"), m_region);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("In effect &from:"), period);
    form->addRow(tr("S&ource note:"), m_source);
    m_fields << m_region << m_title << m_from << m_hasEnd << m_to << m_source;
    return box;
}

QWidget *RuleSetForm::createWhoMayBeBound()
{
    auto *box = new QGroupBox(tr("Who may be bound"), this);
    auto *grid = new QGridLayout(box);
    m_relationships = new CheckList(box);
    m_relationships->setObjectName(QStringLiteral("ruleRelationships"));
    for (const QString &keyword : Relationship::allKeywords()) {
        const QString code = Relationship::gbCode(keyword);
        m_relationships->addOption(keyword,
                                   code.isEmpty() ? Relationship::label(keyword)
                                                  : QStringLiteral("%1 (%2)").arg(Relationship::label(keyword), code));
    }
    m_idTypes = new CheckList(box);
    m_idTypes->setObjectName(QStringLiteral("ruleIdTypes"));
    for (const QString &code : IdType::allCodes())
        m_idTypes->addOption(code, QStringLiteral("%1  %2").arg(code, IdType::label(code)));
    m_scope = new QComboBox(box);
    m_scope->setObjectName(QStringLiteral("ruleScope"));
    for (const QString &scope : RuleSet::scopes())
        m_scope->addItem(RuleSet::scopeLabel(scope), scope);
    auto *scopeRow = new QFormLayout;
    scopeRow->addRow(tr("Target insured in the s&cope:"), m_scope);
    grid->addWidget(new QLabel(tr("Allowed relationships (target to authorizer):"), box), 0, 0);
    grid->addWidget(new QLabel(tr("Accepted ID documents:"), box), 0, 1);
    grid->addWidget(m_relationships, 1, 0);
    grid->addWidget(m_idTypes, 1, 1);
    grid->addLayout(scopeRow, 2, 0, 1, 2);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    m_fields << m_relationships << m_idTypes << m_scope;
    return box;
}

QWidget *RuleSetForm::createLimits()
{
    auto *box = new QGroupBox(tr("Limits and payment"), this);
    auto *form = new QFormLayout(box);
    form->setLabelAlignment(Qt::AlignRight);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_maxAuthorizers = limitBox("ruleMaxAuthorizers", box);
    m_maxTargets = limitBox("ruleMaxTargets", box);
    m_allowMutual = new QCheckBox(tr("A may authorize B while B authorizes A"), box);
    m_allowMutual->setObjectName(QStringLiteral("ruleAllowMutual"));
    m_excludePublicMedical = new QCheckBox(tr("Public medical care personnel may not take part"), box);
    m_excludePublicMedical->setObjectName(QStringLiteral("ruleExcludePublicMedical"));
    m_reserveFloor = new QDoubleSpinBox(box);
    m_reserveFloor->setObjectName(QStringLiteral("ruleReserveFloor"));
    m_reserveFloor->setDecimals(2);
    m_reserveFloor->setRange(0, 1000000);
    m_reserveFloor->setSingleStep(100);
    m_reserveFloor->setSuffix(tr(" yuan"));
    m_reserveFloor->setToolTip(tr("Part of the authorizer's balance that targets may not use"));
    m_paymentOrder = new QComboBox(box);
    m_paymentOrder->setObjectName(QStringLiteral("rulePaymentOrder"));
    for (const QString &order : RuleSet::paymentOrders())
        m_paymentOrder->addItem(paymentOrderLabel(order), order);
    m_cooldown = new QSpinBox(box);
    m_cooldown->setObjectName(QStringLiteral("ruleCooldown"));
    m_cooldown->setRange(0, 3650);
    m_cooldown->setSuffix(tr(" days"));
    m_cooldown->setSpecialValueText(tr("none"));
    m_cooldown->setToolTip(tr("Days after a revocation before the same pair may be bound again"));
    m_maxPeriod = limitBox("ruleMaxPeriod", box);
    m_maxPeriod->setRange(0, 1200);
    m_maxPeriod->setSuffix(tr(" months"));
    m_maxPeriod->setToolTip(tr("Longest authorization period (授权期限) a target may be bound for"));
    m_quotaBeyond = new QComboBox(box);
    m_quotaBeyond->setObjectName(QStringLiteral("ruleQuotaRequiredBeyond"));
    for (const QString &boundary : RuleSet::quotaBoundaries())
        m_quotaBeyond->addItem(quotaBoundaryLabel(boundary), boundary);
    m_quotaBeyond->setToolTip(tr("Where a target needs money set aside as a quota (共济额度); "
                                 "where this is not \"none\", any target may carry one"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_maxAuthorizers, m_maxTargets, m_reserveFloor, m_cooldown,
                                                           m_paymentOrder, m_maxPeriod, m_quotaBeyond})
        field->setMinimumWidth(150);
    form->addRow(tr("Authorizers per target at most:"), m_maxAuthorizers);
    form->addRow(tr("Targets per authorizer at most:"), m_maxTargets);
    form->addRow(tr("Mutual binding:"), m_allowMutual);
    form->addRow(tr("Public medical care:"), m_excludePublicMedical);
    form->addRow(tr("Reserve floor:"), m_reserveFloor);
    form->addRow(tr("Payment order:"), m_paymentOrder);
    form->addRow(tr("Cooldown after revocation:"), m_cooldown);
    form->addRow(tr("Authorization period at most:"), m_maxPeriod);
    form->addRow(tr("Quota required:"), m_quotaBeyond);
    m_fields << m_maxAuthorizers << m_maxTargets << m_allowMutual << m_excludePublicMedical << m_reserveFloor
             << m_paymentOrder << m_cooldown << m_maxPeriod << m_quotaBeyond;
    return box;
}

QWidget *RuleSetForm::createPayable()
{
    auto *box = new QGroupBox(tr("The account may pay for"), this);
    auto *layout = new QVBoxLayout(box);
    m_payable = new CheckList(box);
    m_payable->setObjectName(QStringLiteral("rulePayable"));
    for (const QString &item : RuleSet::payableItems())
        m_payable->addOption(item, payableLabel(item));
    layout->addWidget(m_payable);
    layout->addStretch(1);
    m_fields << m_payable;
    return box;
}

void RuleSetForm::watchForEdits()
{
    auto changed = [this] {
        if (!m_loading)
            emit edited();
    };
    for (QLineEdit *edit : {m_region, m_title})
        connect(edit, &QLineEdit::textEdited, this, changed);
    connect(m_source, &QPlainTextEdit::textChanged, this, changed);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, changed);
    for (QCheckBox *check : {m_hasEnd, m_allowMutual, m_excludePublicMedical})
        connect(check, &QCheckBox::toggled, this, changed);
    for (CheckList *list : {m_relationships, m_idTypes, m_payable})
        connect(list, &CheckList::checkedChanged, this, changed);
    for (QComboBox *combo : {m_scope, m_paymentOrder, m_quotaBeyond})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox *box : {m_maxAuthorizers, m_maxTargets, m_cooldown, m_maxPeriod})
        connect(box, &QSpinBox::valueChanged, this, changed);
    connect(m_reserveFloor, &QDoubleSpinBox::valueChanged, this, changed);
}

void RuleSetForm::setRuleSet(const RuleSet &set)
{
    m_loading = true; // loading is not editing
    m_id = set.id;
    m_region->setText(set.region);
    m_title->setText(set.title);
    m_from->setDate(set.effectiveFrom.isValid() ? set.effectiveFrom : QDate::currentDate());
    m_hasEnd->setChecked(set.effectiveTo.isValid());
    m_to->setDate(set.effectiveTo.isValid() ? set.effectiveTo : m_from->date());
    m_source->setPlainText(set.sourceNote);
    m_relationships->setChecked(set.relationships);
    m_idTypes->setChecked(set.idTypes);
    m_scope->setCurrentIndex(m_scope->findData(set.scope));
    m_maxAuthorizers->setValue(set.maxAuthorizersPerTarget.value_or(0));
    m_maxTargets->setValue(set.maxTargetsPerAuthorizer.value_or(0));
    m_allowMutual->setChecked(set.allowMutual);
    m_excludePublicMedical->setChecked(set.excludePublicMedical);
    m_reserveFloor->setValue(double(set.reserveFloorFen) / 100.0);
    m_paymentOrder->setCurrentIndex(m_paymentOrder->findData(set.paymentOrder));
    m_cooldown->setValue(set.cooldownDays);
    m_maxPeriod->setValue(set.maxPeriodMonths.value_or(0));
    m_quotaBeyond->setCurrentIndex(m_quotaBeyond->findData(set.quotaRequiredBeyond));
    m_payable->setChecked(set.payable);
    m_loading = false;
}

RuleSet RuleSetForm::ruleSet() const
{
    RuleSet set;
    set.id = m_id;
    set.region = m_region->text().trimmed();
    set.title = m_title->text().trimmed();
    set.effectiveFrom = m_from->date();
    set.effectiveTo = m_hasEnd->isChecked() ? m_to->date() : QDate();
    set.sourceNote = m_source->toPlainText().trimmed();
    set.relationships = m_relationships->checked();
    set.idTypes = m_idTypes->checked();
    set.scope = m_scope->currentData().toString();
    set.maxAuthorizersPerTarget
        = m_maxAuthorizers->value() > 0 ? std::optional<int>(m_maxAuthorizers->value()) : std::nullopt;
    set.maxTargetsPerAuthorizer = m_maxTargets->value() > 0 ? std::optional<int>(m_maxTargets->value()) : std::nullopt;
    set.allowMutual = m_allowMutual->isChecked();
    set.excludePublicMedical = m_excludePublicMedical->isChecked();
    set.reserveFloorFen = std::llround(m_reserveFloor->value() * 100); // fen inside, yuan on screen
    set.paymentOrder = m_paymentOrder->currentData().toString();
    set.cooldownDays = m_cooldown->value();
    set.maxPeriodMonths = m_maxPeriod->value() > 0 ? std::optional<int>(m_maxPeriod->value()) : std::nullopt;
    set.quotaRequiredBeyond = m_quotaBeyond->currentData().toString();
    set.payable = m_payable->checked();
    return set;
}

void RuleSetForm::setEditable(bool editable)
{
    // Disabled, not hidden: a read-only set must still be readable in full.
    for (QWidget *field : std::as_const(m_fields))
        field->setEnabled(editable);
    m_to->setEnabled(editable && m_hasEnd->isChecked());
    m_region->setEnabled(editable && m_regionEditable);
}

void RuleSetForm::setRegionEditable(bool editable)
{
    m_regionEditable = editable;
    m_region->setEnabled(editable && m_title->isEnabled());
}

void RuleSetForm::focusFirstField()
{
    (m_region->isEnabled() ? static_cast<QWidget *>(m_region) : m_title)->setFocus();
}

QString RuleSetForm::paymentOrderLabel(const QString &order)
{
    if (order == QLatin1String("by_balance_desc"))
        return tr("largest balance pays first");
    if (order == QLatin1String("by_binding_order"))
        return tr("earliest binding pays first");
    return order;
}

QString RuleSetForm::quotaBoundaryLabel(const QString &boundary)
{
    if (boundary == QLatin1String("none"))
        return tr("none: the balance pays directly");
    if (boundary == QLatin1String("province"))
        return tr("for targets insured in another province");
    return boundary;
}

QString RuleSetForm::payableLabel(const QString &item)
{
    if (item == QLatin1String("medical_self_pay"))
        return tr("own share of medical costs");
    if (item == QLatin1String("pharmacy"))
        return tr("purchases at designated pharmacies");
    if (item == QLatin1String("resident_premium"))
        return tr("resident medical insurance premiums");
    if (item == QLatin1String("ltc_premium"))
        return tr("long-term care insurance premiums");
    if (item == QLatin1String("supplementary_insurance"))
        return tr("supplementary health insurance");
    return item;
}

} // namespace gongji
