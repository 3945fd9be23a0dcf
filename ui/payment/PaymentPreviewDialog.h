#pragma once
#include <QDialog>

#include "model/domain/Person.h"

class QLabel;
class QLineEdit;
class QTableWidget;

namespace gongji {

// "Who pays what" for an own-share cost of the person shown (docs/domain.md §7): the target's own
// account, then each authorizer in the rule set's payment order above the reserve floor, then
// cash. A 共济 screen: this is where money moves. The numbers come from PaymentPreview.
class PaymentPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    PaymentPreviewDialog(const QString &connection, const Person &target, QWidget *parent = nullptr);

    // Computes for the amount in the field; false (with the reason shown) when it cannot.
    bool calculate();
    QTableWidget *table() const { return m_table; }

private:
    void showError(const QString &message);

    QString m_connection;
    Person m_target;
    QLineEdit *m_amount;
    QLabel *m_order;
    QLabel *m_error;
    QTableWidget *m_table;
};

} // namespace gongji
