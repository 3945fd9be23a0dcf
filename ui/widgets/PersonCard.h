#pragma once
#include <QGroupBox>
#include <optional>

#include "model/domain/Person.h"
#include "model/domain/RuleSet.h"

class QFormLayout;
class QLabel;
class QPushButton;

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

    // The ID number is shown masked. With a connection and the signed-in clerk, a button
    // (显示完整号码) asks why and reveals the full number through IdReveal (audited) on this
    // card until another person is shown or the card is cleared.
    void enableReveal(const QString &connection, const QString &clerk);
    // Reveals with `purpose` (what the button does after asking); false and the refusal shown otherwise.
    bool reveal(const QString &purpose);
    bool isRevealed() const { return m_revealed; }
    QString documentText() const;

private:
    QLabel *addRow(const QString &label);
    QWidget *createDocumentRow();
    void askAndReveal();
    void showDocument(const QString &number);
    QLabel *m_name;
    QLabel *m_document;
    QLabel *m_insurance;
    QLabel *m_region;
    QLabel *m_status;
    QLabel *m_balance;
    QLabel *m_ruleSet;
    QFormLayout *m_form;
    QPushButton *m_reveal = nullptr;
    QLabel *m_revealMessage = nullptr;
    QString m_connection;
    QString m_clerk;
    Person m_person;
    bool m_revealed = false;
};

} // namespace gongji
