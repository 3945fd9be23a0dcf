#pragma once
#include <QGroupBox>
#include <optional>

#include "domain/Person.h"
#include "rules/RuleSet.h"

class QFormLayout;
class QLabel;

namespace gongji {

// What the clerk needs to see of a person looked up in the registry, with the rule set that
// will judge the filing.
class PersonCard : public QGroupBox
{
    Q_OBJECT
public:
    explicit PersonCard(QWidget *parent = nullptr);

    void setPerson(const Person &person, const std::optional<RuleSet> &ruleSet);
    void clearPerson();

private:
    QLabel *addRow(const QString &label);
    QLabel *m_name;
    QLabel *m_document;
    QLabel *m_insurance;
    QLabel *m_region;
    QLabel *m_status;
    QLabel *m_balance;
    QLabel *m_ruleSet;
    QFormLayout *m_form;
};

} // namespace gongji
