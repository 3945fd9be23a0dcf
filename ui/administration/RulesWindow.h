#pragma once
#include <QWidget>

#include "model/domain/RuleSet.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace gongji {

class RuleSetForm;
class RuleSetListModel;

// The rules editor: every stored rule set, filterable by region, and the form of the
// selected one. Every change goes through RuleSetChange after the impact report was shown; a set
// that filings refer to is read-only and can only be followed by a new version.
class RulesWindow : public QWidget
{
    Q_OBJECT
public:
    RulesWindow(const QString &connection, const QString &actor, QWidget *parent = nullptr);

    RuleSetListModel *model() const { return m_model; }
    // Selects the set in the list and shows it; false when it is not listed.
    bool selectRuleSet(qint64 id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class Mode { Nothing, Existing, Creating, Versioning };

    QWidget *createListPanel();
    QWidget *createFormPanel();
    void currentRowChanged();
    void showExisting(qint64 id);
    void showNothing();
    void newRuleSet();
    void newVersion();
    void save();
    void removeSelected();
    void revert();
    bool confirmDiscard();
    bool confirmImpact(const RuleSet &candidate);
    void showProblems(const QStringList &problems);
    void setMode(Mode mode, const QString &heading);
    void updateActions();
    qint64 selectedId() const;

    QString m_connection;
    QString m_actor;
    RuleSetListModel *m_model;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_versionButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_readOnlyNotice = nullptr;
    RuleSetForm *m_form = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_saveButton = nullptr;

    Mode m_mode = Mode::Nothing;
    qint64 m_shownId = 0; // the set shown (Existing) or versioned (Versioning)
    bool m_dirty = false;
    bool m_restoring = false; // selection changes made by the window itself
};

} // namespace gongji
