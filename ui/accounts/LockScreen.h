#pragma once
#include <QWidget>

#include "model/storage/ClerkStore.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace gongji {

// What a locked counter shows instead of its work: who is signed in, a password field to
// unlock and a way to sign out. It only asks; SessionLock decides.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(const ClerkAccount &account, QWidget *parent = nullptr);

    // "王丽 (wangli), clerk" in the UI language.
    static QString describe(const ClerkAccount &account);

    void showError(const QString &message);
    QString error() const;
    // Empties the password and the message and puts the cursor into the field.
    void reset();
    QLineEdit *passwordField() const { return m_password; }

signals:
    void unlockRequested(const QString &password);
    void signOutRequested();

private:
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace gongji
