#pragma once
#include <QWizardPage>

#include "rules/Finding.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace gongji {

class FilingWizard;
class FindingLabel;
class IdNumberEdit;
class IdTypeListModel;
class RelationshipListModel;

// Step 4: add the targets (添加共济对象). Every added entry is checked at once with the whole
// draft; its findings appear beside the field that causes them. A refused entry stays in the
// form and in the list: correcting it and adding again replaces that row.
class TargetsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TargetsPage(FilingWizard *wizard);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    bool hasInput() const;
    void resetPage();
    // Checks the entry in the form and puts it into the draft.
    void addTarget();
    void removeSelected();

private:
    QString currentRelationship() const;
    QString currentIdType() const;
    QStringList checkedProofs() const;
    void rebuildProofs();
    void updateDerived();
    void clearEntryFindings();
    void showEntryFindings(const Findings &findings);
    void clearEntry();
    void setStatus(const QString &text, const char *color);

    FilingWizard *m_wizard;
    RelationshipListModel *m_relationships;
    IdTypeListModel *m_idTypes;
    QComboBox *m_relationship;
    QComboBox *m_idType;
    QLineEdit *m_name;
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
    FindingLabel *m_idFindings;
    FindingLabel *m_targetFindings;
    QLabel *m_status;
    QTableView *m_table;
    QPushButton *m_remove;
    int m_correctingRow = -1; // the refused row the form still holds
};

} // namespace gongji
