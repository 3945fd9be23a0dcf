#pragma once
#include <QWizardPage>

#include "model/filing/FilingEvaluator.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace gongji {

class FilingWizard;
class FindingLabel;
class IdNumberEdit;
class IdTypeListModel;
class PersonCard;

// Step 1: identify the authorizer by ID document and show who it is (docs/domain.md §6.1).
// Enter in the number field looks the person up; Enter again on the same number goes on.
class AuthorizerPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AuthorizerPage(FilingWizard *wizard);

    void initializePage() override;
    void cleanupPage() override {} // keep what was typed when the clerk comes back
    bool isComplete() const override;
    bool validatePage() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    bool hasInput() const;
    void resetPage();
    // Looks up what is in the fields now.
    void lookUp();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString currentType() const;
    void onSubmitted();
    void onInputChanged();

    FilingWizard *m_wizard;
    IdTypeListModel *m_idTypes;
    QComboBox *m_idType;
    IdNumberEdit *m_idNumber;
    QPushButton *m_lookUp;
    FindingLabel *m_findings;
    PersonCard *m_card;
    QLabel *m_hint;
    AuthorizerVerdict m_verdict;
    QString m_lookedUpType;
    QString m_lookedUpNumber;
};

} // namespace gongji
