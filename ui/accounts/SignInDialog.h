#pragma once
#include <QDialog>

#include "model/storage/ClerkStore.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace gongji {

// The counter's door: login and password, checked by SignIn (audited; five failures lock the
// login). A failure keeps the dialog open with the reason under the fields; Cancel quits.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(const QString &connection, QWidget *parent = nullptr);

    // Fills in the login (the previous clerk's or --clerk) and puts the cursor on the password.
    void setLogin(const QString &login);
    // Shows a message before the first attempt (e.g. why an automatic sign-in failed).
    void showError(const QString &message);
    // The signed-in account, once accepted.
    ClerkAccount account() const { return m_account; }
    QString error() const;

public slots:
    void accept() override;

private:
    QString m_connection;
    ClerkAccount m_account;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace gongji
