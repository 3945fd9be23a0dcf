#pragma once
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QTableView;

namespace gongji {

class FilingWizard;

// Step 5: every target with its verdict. Refused targets block the submission; age warnings
// need the clerk's explicit confirmation. Submitting re-checks everything in one transaction
// (another counter may have filed meanwhile) and stays here when that refuses.
class ConfirmPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConfirmPage(FilingWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void resetPage();

private:
    void refresh();
    void showSignature();
    QList<int> warnedRows() const;
    QList<int> refusedRows() const;

    FilingWizard *m_wizard;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_blocked;
    QCheckBox *m_warningsChecked;
    QLabel *m_result;
    QLabel *m_signature;
};

} // namespace gongji
