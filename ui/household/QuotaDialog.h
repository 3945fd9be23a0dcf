#pragma once
#include <QDialog>

#include "model/domain/HouseholdBinding.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gongji {

class FindingLabel;

// 调整额度: changes the quota (共济额度) of one active mutual-aid binding of the person shown.
// The clerk types the new amount in yuan (0 or empty: none); the dialog goes through QuotaChange
// and stays open with the refusal beside the field. changeId() names the stored change for its
// printed summary.
class QuotaDialog : public QDialog
{
    Q_OBJECT
public:
    QuotaDialog(const QString &connection, const QString &clerk, const Person &shown, const HouseholdBinding &binding,
                QWidget *parent = nullptr);

    qint64 changeId() const { return m_changeId; }

public slots:
    void accept() override;

private:
    QString m_connection;
    QString m_clerk;
    HouseholdBinding m_binding;
    QLineEdit *m_quota;
    FindingLabel *m_findings;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    qint64 m_changeId = 0;
};

} // namespace gongji
