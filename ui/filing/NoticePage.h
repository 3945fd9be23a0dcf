#pragma once
#include <QWizardPage>

class QLabel;
class QTextBrowser;

namespace gongji {

class FilingWizard;

// Step 3: the operation notice (操作提示): what mutual aid is and is not, who pays first, how
// to revoke; with the parameters of the rule set that will judge this filing.
class NoticePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit NoticePage(FilingWizard *wizard);

    void initializePage() override;

private:
    FilingWizard *m_wizard;
    QTextBrowser *m_notice;
    QLabel *m_rules;
};

} // namespace gongji
