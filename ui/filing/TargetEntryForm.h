#pragma once
#include <QGroupBox>

#include "model/filing/FilingDraft.h"
#include "model/domain/Finding.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gongji {

class FindingLabel;
class IdNumberEdit;
class IdTypeListModel;
class RelationshipListModel;

// The form for one target (添加共济对象): relationship, ID type, name, authorization period (an
// end date, empty = open-ended), quota where the rules set money aside, ID number, proofs seen,
// birth date and sex derived from the number; findings are shown beside the field they concern.
// Enter moves from field to field; Enter in the number asks to add the entry.
class TargetEntryForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit TargetEntryForm(QWidget *parent = nullptr);

    // The lists allowed by the rule set in force; the clerk's current choices are kept.
    void setRuleLists(const QStringList &relationships, const QStringList &idTypes);
    // The quota field (共济额度) is there only where the rule set in force sets money aside.
    void setQuotaShown(bool shown);
    TargetEntry entry() const;
    bool hasInput() const;
    // False, with a message beside the field, until name and number are filled in and the
    // period's end is empty or a date.
    bool checkFilledIn();
    void showFindings(const Findings &findings);
    void clearFindings();
    void clearEntry();
    void reset();
    void setStatus(const QString &text, const QString &color);
    void focusFirstField();

    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void addRequested();
    // Enter on an empty form: the clerk is done adding targets.
    void finishRequested();

private:
    QString currentRelationship() const;
    QString currentIdType() const;
    QStringList checkedProofs() const;
    void rebuildProofs();
    void updateDerived();

    RelationshipListModel *m_relationships;
    IdTypeListModel *m_idTypes;
    QComboBox *m_relationship;
    QComboBox *m_idType;
    QLineEdit *m_name;
    QLineEdit *m_validUntil; // YYYY-MM-DD or empty: a line, so the keyboard can leave it empty
    QLineEdit *m_quota;
    QLabel *m_quotaLabel;
    IdNumberEdit *m_idNumber;
    QLineEdit *m_birthDate;
    QLineEdit *m_sex;
    QWidget *m_proofBox;
    QHBoxLayout *m_proofLayout;
    QList<QCheckBox *> m_proofChecks;
    QPushButton *m_add;
    FindingLabel *m_relationshipFindings;
    FindingLabel *m_idTypeFindings;
    FindingLabel *m_nameFindings;
    FindingLabel *m_validUntilFindings;
    FindingLabel *m_quotaFindings;
    FindingLabel *m_idFindings;
    FindingLabel *m_targetFindings;
    QLabel *m_status;
};

} // namespace gongji
