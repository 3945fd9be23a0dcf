#pragma once
#include <QWidget>

#include "model/domain/RuleSet.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace gongji {

class CheckList;

// Every parameter of one rule set (docs/domain.md §5) as editable fields. It holds no rules: what the
// fields say is checked by RuleSet::validate() and RuleSetChange::check() when saving.
class RuleSetForm : public QWidget
{
    Q_OBJECT
public:
    explicit RuleSetForm(QWidget *parent = nullptr);

    // Shows `set`; ruleSet() returns it with the edits (its id kept).
    void setRuleSet(const RuleSet &set);
    RuleSet ruleSet() const;
    void setEditable(bool editable);
    // A new version keeps its region: the field is locked then.
    void setRegionEditable(bool editable);
    void focusFirstField();

    static QString paymentOrderLabel(const QString &order);
    static QString payableLabel(const QString &item);
    static QString quotaBoundaryLabel(const QString &boundary);

signals:
    void edited();

private:
    QWidget *createGeneral();
    QWidget *createWhoMayBeBound();
    QWidget *createLimits();
    QWidget *createPayable();
    void watchForEdits();

    qint64 m_id = 0;
    bool m_loading = false;
    bool m_regionEditable = true;
    QLineEdit *m_region;
    QLineEdit *m_title;
    QDateEdit *m_from;
    QCheckBox *m_hasEnd;
    QDateEdit *m_to;
    QPlainTextEdit *m_source;
    CheckList *m_relationships;
    CheckList *m_idTypes;
    QComboBox *m_scope;
    QSpinBox *m_maxAuthorizers;
    QSpinBox *m_maxTargets;
    QCheckBox *m_allowMutual;
    QCheckBox *m_excludePublicMedical;
    QDoubleSpinBox *m_reserveFloor;
    QComboBox *m_paymentOrder;
    QSpinBox *m_cooldown;
    QSpinBox *m_maxPeriod; // 0 = unlimited
    QComboBox *m_quotaBeyond;
    CheckList *m_payable;
    QList<QWidget *> m_fields;
};

} // namespace gongji
