#pragma once
#include <QWizardPage>

class QLabel;

namespace gongji {

class FilingWizard;

// Step 6: the stored filing's number, large and selectable. Enter starts the next filing.
class DonePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DonePage(FilingWizard *wizard);

    void initializePage() override;

private:
    FilingWizard *m_wizard;
    QLabel *m_number;
    QLabel *m_summary;
};

} // namespace gongji
