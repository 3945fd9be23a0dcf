#pragma once
#include <QDialog>

class QLabel;
class QLineEdit;

namespace gongji {

// The very first start on a database without any account: creates the first supervisor
// (ClerkAccounts::createFirstSupervisor, audited), who then adds the clerks. The password is
// typed twice; a mismatch or a refusal by the model keeps the dialog open with the reason.
class FirstSupervisorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstSupervisorDialog(const QString &connection, QWidget *parent = nullptr);

    // The created login, once accepted (the sign-in dialog starts with it).
    QString login() const;
    QString error() const;

public slots:
    void accept() override;

private:
    void showError(const QString &message);

    QString m_connection;
    QLineEdit *m_login;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
};

} // namespace gongji
