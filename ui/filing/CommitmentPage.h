#pragma once
#include <QWizardPage>

#include <QDateTime>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace gongji {

class FilingWizard;

// Step 2: the commitment letter (承诺书). Nothing can be added before the authorizer has
// acknowledged it: by ticking the pledge on the citizen's screen (recorded as citizen_screen with
// that time), or on the paper copy, which the clerk confirms here (recorded as paper). The draft
// records version, time and how.
class CommitmentPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CommitmentPage(FilingWizard *wizard);

    void initializePage() override;

protected:
    void showEvent(QShowEvent *event) override;

public:
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;
    void resetPage();

private:
    void showCitizenTick(const QDateTime &at);

    FilingWizard *m_wizard;
    QTextBrowser *m_letter;
    QCheckBox *m_pledge;
    QCheckBox *m_paperSigned;
    QLabel *m_citizenTick;
    QDateTime m_citizenTickAt; // when the authorizer ticked on the citizen's screen; invalid: not
};

} // namespace gongji
