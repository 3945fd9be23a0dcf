#pragma once
#include <QWizardPage>

class QLabel;

namespace gongji {

class FilingWizard;
class SummaryPrintActions;

// Step 6: the stored filing's number, large and selectable, and the confirmation summary to
// print, preview or save as PDF (Ctrl+P, Ctrl+Shift+P, Ctrl+Shift+S). Enter starts the next filing.
class DonePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DonePage(FilingWizard *wizard);

    void initializePage() override;
    SummaryPrintActions *printActions() const { return m_print; }

private:
    FilingWizard *m_wizard;
    QLabel *m_number;
    QLabel *m_summary;
    SummaryPrintActions *m_print;
    QLabel *m_printStatus;
};

} // namespace gongji
