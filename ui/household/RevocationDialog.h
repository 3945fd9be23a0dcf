#pragma once
#include <QDialog>
#include <optional>

#include "model/domain/HouseholdBinding.h"

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace gongji {

// 解除: ends one active binding of the person shown, mutual aid or kinship account. The clerk
// says who asks (authorizer or target; holder or member) and why (a common reason or free text),
// then confirms; the dialog goes through BindingRevocation and stays open on an error.
class RevocationDialog : public QDialog
{
    Q_OBJECT
public:
    RevocationDialog(const QString &connection, const QString &clerk, const Person &shown,
                     const HouseholdBinding &binding, QWidget *parent = nullptr);

    // The reason as stored: the chosen common reason, with the free text after it.
    QString reason() const;
    // Who asks, as chosen; empty until the clerk picks one.
    std::optional<EndRequester> requestedBy() const;

public slots:
    void accept() override;

private:
    void updateButtons();

    QString m_connection;
    QString m_clerk;
    HouseholdBinding m_binding;
    QRadioButton *m_fromGiver; // authorizer / holder
    QRadioButton *m_fromReceiver; // target / member
    QButtonGroup *m_requesters;
    QComboBox *m_reasons;
    QLineEdit *m_details;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace gongji
