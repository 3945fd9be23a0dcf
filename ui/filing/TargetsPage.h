#pragma once
#include <QWizardPage>

class QPushButton;
class QTableView;

namespace gongji {

class FilingWizard;
class TargetEntryForm;

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

    bool hasInput() const;
    void resetPage();
    // Checks the entry in the form and puts it into the draft.
    void addTarget();
    void removeSelected();

private:
    FilingWizard *m_wizard;
    TargetEntryForm *m_form;
    QTableView *m_table;
    QPushButton *m_remove;
    int m_correctingRow = -1; // the refused row the form still holds
};

} // namespace gongji
