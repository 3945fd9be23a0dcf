#pragma once
#include <QDialog>

class QLabel;
class QLineEdit;

namespace gongji {

// Shown right after a sign-in whose password is older than the password policy allows: the
// account works only once it has a new one (ClerkAccounts::changeOwnPassword, audited, checked
// against the policy and the account's last passwords). Cancel leaves the clerk signed out.
class ExpiredPasswordDialog : public QDialog
{
    Q_OBJECT
public:
    // `currentPassword`: the one just typed at the sign-in.
    ExpiredPasswordDialog(const QString &connection, const QString &login, const QString &currentPassword,
                          QWidget *parent = nullptr);
    ~ExpiredPasswordDialog() override;

public slots:
    void accept() override;

private:
    QString m_connection;
    QString m_login;
    QString m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
};

} // namespace gongji
