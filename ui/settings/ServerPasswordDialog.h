#pragma once
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace gongji {

// Asks for the office server's password at start when neither the address nor the password file
// (~/.pgpass) has one. The password is never saved in the settings; it may be kept in the
// system keyring when one is available.
class ServerPasswordDialog : public QDialog
{
    Q_OBJECT
public:
    // `address` without password; `problem`: why it is asked again (a wrong password), or empty.
    ServerPasswordDialog(const QString &address, const QString &problem, QWidget *parent = nullptr);

    QString password() const;
    bool keepInKeyring() const;

private:
    QLineEdit *m_password;
    QCheckBox *m_keep;
};

} // namespace gongji
