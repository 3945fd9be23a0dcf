#include "ui/widgets/PersonCard.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>

#include "model/accounts/IdReveal.h"
#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"

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
    m_form->addRow(tr("ID document:"), createDocumentRow());
    m_insurance = addRow(tr("Insurance:"));
    m_region = addRow(tr("Pooling region:"));
    m_status = addRow(tr("Status:"));
    m_balance = addRow(tr("Account balance:"));
    m_ruleSet = addRow(tr("Rules in force:"));
    m_ruleSet->setWordWrap(true);
    clearPerson();
}

QWidget *PersonCard::createDocumentRow()
{
    auto *row = new QWidget(this);
    m_document = new QLabel(row);
    m_document->setObjectName(QStringLiteral("cardDocument"));
    m_document->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reveal = new QPushButton(tr("Show full number"), row);
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setToolTip(tr("Show the full ID number on this card; the reveal is recorded in the audit log"));
    m_reveal->setAutoDefault(false);
    m_reveal->setVisible(false);
    m_revealMessage = new QLabel(row);
    m_revealMessage->setObjectName(QStringLiteral("revealMessage"));
    m_revealMessage->setWordWrap(true);
    m_revealMessage->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_revealMessage->setVisible(false);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_document);
    layout->addWidget(m_reveal);
    layout->addWidget(m_revealMessage, 1);
    layout->addStretch(0);
    connect(m_reveal, &QPushButton::clicked, this, &PersonCard::askAndReveal);
    return row;
}

void PersonCard::enableReveal(const QString &connection, const QString &clerk)
{
    m_connection = connection;
    m_clerk = clerk;
    m_reveal->setVisible(isEnabled() && m_person.id > 0);
}

QString PersonCard::documentText() const { return m_document->text(); }

void PersonCard::showDocument(const QString &number)
{
    m_document->setText(IdType::label(m_person.idType) + QStringLiteral("  ") + number);
}

void PersonCard::askAndReveal()
{
    bool ok = false;
    const QStringList purposes{tr("Compare with the ID card shown at the counter"),
                               tr("The citizen asks to confirm the number on record")};
    const QString purpose = QInputDialog::getItem(this, tr("Show the full ID number"),
                                                  tr("Why is the full number needed? (recorded in the audit log)"),
                                                  purposes, 0, true, &ok);
    if (ok)
        reveal(purpose);
}

bool PersonCard::reveal(const QString &purpose)
{
    if (m_connection.isEmpty() || m_person.id <= 0)
        return false;
    const IdReveal::Result result = IdReveal(m_connection).reveal(m_clerk, m_person.id, purpose);
    m_revealMessage->setText(result.error);
    m_revealMessage->setVisible(!result.ok);
    if (!result.ok)
        return false;
    showDocument(result.idNumber);
    m_revealed = true;
    m_reveal->setVisible(false);
    return true;
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
    // Masked like every list: the full number only in the entry field, or after an audited reveal.
    m_person = person;
    m_revealed = false;
    showDocument(IdNumber::mask(person.idNumber));
    m_revealMessage->setVisible(false);
    m_reveal->setVisible(!m_connection.isEmpty() && person.id > 0);
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
    m_person = Person();
    m_revealed = false;
    m_reveal->setVisible(false);
    m_revealMessage->setVisible(false);
    setEnabled(false);
}

} // namespace gongji
