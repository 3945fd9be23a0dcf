#pragma once
#include <QDialog>

#include "model/storage/AuditEntry.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace gongji {

class AuditLogModel;

// The supervisor's audit viewer (管理 → 审计日志): filter by clerk, action and date range, newest
// first, more rows as the table scrolls; Export CSV… writes what the filter selects. The model
// refuses anyone but a supervisor; this dialog shows that refusal instead of rows.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    AuditLogDialog(const QString &connection, const QString &actor, QWidget *parent = nullptr);

    AuditFilter filter() const;
    AuditLogModel *model() const { return m_model; }
    // Writes the filtered log to `path` through AuditCsv; false (message shown) when refused or failed.
    bool exportTo(const QString &path);

private:
    void loadChoices();
    void applyFilter();
    void chooseExportFile();
    void showStatus(const QString &text, bool good);

    QString m_connection;
    QString m_actor;
    AuditLogModel *m_model;
    QComboBox *m_clerk;
    QComboBox *m_action;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_export;
    QPushButton *m_close;
};

} // namespace gongji
