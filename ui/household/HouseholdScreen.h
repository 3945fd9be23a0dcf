#pragma once
#include <QWidget>
#include <optional>

#include "model/domain/HouseholdBinding.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace gongji {

class BindingTabs;
class FindingLabel;
class HouseholdDiagram;
class IdNumberEdit;
class IdTypeListModel;
class PersonCard;
class PersonSearchPanel;
class SummaryPrintActions;

// 家庭查询 (docs/domain.md §7): look a person up by ID document (typed or card reader, Enter) or by the
// start of the name, then see the person card, the five binding lists and the household diagram
// side by side. From here the clerk ends a binding (解除), previews the payment order, or starts
// a kinship binding with this person as holder. Every read goes through the model library.
class HouseholdScreen : public QWidget
{
    Q_OBJECT
public:
    HouseholdScreen(const QString &connection, const QString &clerk, QWidget *parent = nullptr);

    // Shows a person; false if they cannot be read. The person shown before goes on the Back list.
    bool openPerson(qint64 personId);
    // Reads the person shown again, keeping the clerk's place in the lists and the diagram.
    void reload();
    void lookUpByNumber();
    void searchByName();
    void goBack();
    // 解除 of the binding selected in the current list, through RevocationDialog.
    void revokeSelected();
    void changeQuotaOfSelected();
    void showPaymentPreview();
    void focusLookup();

    std::optional<Person> currentPerson() const;
    BindingTabs *lists() const { return m_lists; }
    HouseholdDiagram *diagram() const { return m_diagram; }
    PersonSearchPanel *searchPanel() const { return m_search; }
    SummaryPrintActions *printActions() const { return m_print; }

signals:
    void kinshipRequested(const Person &holder);
    void bindingRevoked(const QString &message);
    void quotaChanged(const QString &message);
    // For the confirmation summary (解除确认单): which binding was just ended.
    void revoked(HouseholdBinding::Kind kind, qint64 bindingId);

private:
    QWidget *createLookupBar();
    QWidget *createHouseholdPage();
    bool display(qint64 personId, bool samePerson);
    void refreshDiagram();
    void updateActions();
    void showError(const QString &message);

    QString m_connection;
    QString m_clerk;
    std::optional<Household> m_household;
    QList<qint64> m_back;
    IdTypeListModel *m_idTypes;
    QComboBox *m_idType = nullptr;
    IdNumberEdit *m_idNumber = nullptr;
    QLineEdit *m_name = nullptr;
    FindingLabel *m_lookupMessage = nullptr;
    QPushButton *m_backButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    PersonSearchPanel *m_search = nullptr;
    PersonCard *m_card = nullptr;
    BindingTabs *m_lists = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_quota = nullptr;
    QPushButton *m_payment = nullptr;
    QPushButton *m_kinship = nullptr;
    QPushButton *m_reprint = nullptr;
    SummaryPrintActions *m_print = nullptr; // the selected binding's summary
    QCheckBox *m_secondStep = nullptr;
    QCheckBox *m_showEnded = nullptr;
    HouseholdDiagram *m_diagram = nullptr;
    QLabel *m_diagramTitle = nullptr;
};

} // namespace gongji
