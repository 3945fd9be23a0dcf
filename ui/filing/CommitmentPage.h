#pragma once
#include <QWizardPage>

class QCheckBox;
class QTextBrowser;

namespace gongji {

class FilingWizard;

// Step 2: the commitment letter (承诺书). Nothing can be added before the authorizer's pledge
// is ticked and the clerk confirms the signed paper copy; the draft records version and time.
class CommitmentPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CommitmentPage(FilingWizard *wizard);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;
    void resetPage();

private:
    FilingWizard *m_wizard;
    QTextBrowser *m_letter;
    QCheckBox *m_pledge;
    QCheckBox *m_paperSigned;
};

} // namespace gongji
