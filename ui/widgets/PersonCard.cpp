#include "widgets/PersonCard.h"

#include <QFormLayout>
#include <QLabel>

#include "domain/IdType.h"
#include "domain/Money.h"

namespace gongji {

PersonCard::PersonCard(QWidget *parent)
    : QGroupBox(tr("Authorizer in the registry"), parent)
    , m_form(new QFormLayout(this))
{
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(8);
    m_name = addRow(tr("Name:"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setObjectName(QStringLiteral("cardName"));
    m_document = addRow(tr("ID document:"));
    m_insurance = addRow(tr("Insurance:"));
    m_region = addRow(tr("Pooling region:"));
    m_status = addRow(tr("Status:"));
    m_balance = addRow(tr("Account balance:"));
    m_ruleSet = addRow(tr("Rules in force:"));
    m_ruleSet->setWordWrap(true);
    clearPerson();
}

QLabel *PersonCard::addRow(const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void PersonCard::setPerson(const Person &person, const std::optional<RuleSet> &ruleSet)
{
    m_name->setText(person.name);
    m_document->setText(IdType::label(person.idType) + QStringLiteral("  ") + person.idNumber);
    QString insurance = Person::insuranceLabel(person.insuranceType);
    if (!person.employment.isEmpty())
        insurance += QStringLiteral(" · ") + Person::employmentLabel(person.employment);
    if (person.publicMedical)
        insurance += QStringLiteral(" · ") + tr("public medical care");
    m_insurance->setText(insurance);
    m_region->setText(person.poolingRegion);
    m_status->setText(Person::statusLabel(person.status));
    m_balance->setText(person.isEmployee() ? tr("%1 yuan").arg(Money::formatYuan(person.balanceFen))
                                           : tr("no personal account"));
    m_ruleSet->setText(ruleSet ? ruleSet->title : tr("none in force"));
    setEnabled(true);
}

void PersonCard::clearPerson()
{
    for (QLabel *label : {m_name, m_document, m_insurance, m_region, m_status, m_balance, m_ruleSet})
        label->setText(QStringLiteral("—"));
    setEnabled(false);
}

} // namespace gongji
