#pragma once
#include <QWidget>
#include <optional>

#include "model/domain/KinshipRule.h"
#include "model/domain/Person.h"
#include "model/domain/Finding.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace gongji {

class FindingLabel;
class SummaryPrintActions;
class HouseholdBindingsModel;
class IdNumberEdit;
class IdTypeListModel;
class RelationshipListModel;

// 亲情账户: a holder binds a member (docs/domain.md §8). Deliberately unlike the mutual-aid wizard:
// an amber, dashed banner that says no money moves, one page, no commitment letter. The holder is
// looked up by ID; the member is typed; the checks are KinshipEvaluator's, shown beside the field
// that causes them, and KinshipSubmission stores the binding and gives its QQ… number.
class KinshipPage : public QWidget
{
    Q_OBJECT
public:
    KinshipPage(const QString &connection, const QString &clerk, QWidget *parent = nullptr);

    // Starts with this holder already looked up (from the household screen).
    void setHolder(const Person &holder);
    void lookUpHolder();
    // Checks and, when nothing is refused, stores; returns the binding number or empty.
    QString submit();
    void startNext();
    bool hasUnsavedData() const;

signals:
    void kinshipStored(const QString &number, qint64 holderId);
    // A holder was looked up and found (for the citizen's screen).
    void holderShown(const Person &holder);

private:
    QString holderType() const;
    QString memberType() const;
    QGroupBox *createHolderBox();
    QGroupBox *createMemberBox();
    QHBoxLayout *createActions();
    QTableView *createMemberList();
    void setUpKeyboard();
    void connectFields();
    // The kinship rule of today, or none (then the hints that depend on it are left out).
    std::optional<KinshipRule> ruleInForce() const;
    void showHolder();
    void updateMemberAge();
    void clearFindings();
    void showFindings(const Findings &findings);

    QString m_connection;
    QString m_clerk;
    IdTypeListModel *m_holderTypes;
    IdTypeListModel *m_memberTypes;
    RelationshipListModel *m_relationships;
    QComboBox *m_holderType;
    IdNumberEdit *m_holderId;
    QLabel *m_holderCard;
    FindingLabel *m_holderFindings;
    QComboBox *m_relationship;
    QComboBox *m_memberType;
    QLineEdit *m_memberName;
    IdNumberEdit *m_memberId;
    QLabel *m_memberAge;
    QCheckBox *m_faceVerified;
    QCheckBox *m_registerSeen;
    FindingLabel *m_relationshipFindings;
    FindingLabel *m_nameFindings;
    FindingLabel *m_memberFindings;
    FindingLabel *m_checkFindings;
    QPushButton *m_lookUp;
    QPushButton *m_submit;
    QPushButton *m_next;
    SummaryPrintActions *m_print = nullptr;
    QPushButton *m_printButton = nullptr;
    QLabel *m_result;
    HouseholdBindingsModel *m_members; // the holder's current members, as on the household screen
    QTableView *m_memberList;
    std::optional<Person> m_holder;
};

} // namespace gongji
