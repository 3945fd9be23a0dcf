#pragma once
#include <QDialog>
#include <QList>

#include "model/storage/ClerkStore.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gongji {

// The supervisor's clerk accounts (管理 → 经办人员账户): the list (login, name, role, active, locked
// until), adding an account (password typed twice), disabling or enabling, unlocking and resetting
// the password of the selected one. Every change goes through ClerkAccounts, which checks the
// role and audits; each refusal's message is shown here as it comes.
class ClerkAccountsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { LoginColumn, NameColumn, RoleColumn, ActiveColumn, LockedColumn, ColumnCount };

    ClerkAccountsDialog(const QString &connection, const QString &actor, QWidget *parent = nullptr);

    // Reads the accounts again, keeping the selected login.
    void reload();
    // The login of the selected row; empty when none.
    QString selectedLogin() const;
    void selectLogin(const QString &login);
    void addAccount();
    void toggleActive();
    void unlockSelected();
    void resetSelectedPassword();

private:
    QWidget *createAddBox();
    void updateButtons();
    void showMessage(const QString &text, bool good);
    const ClerkAccount *selectedAccount() const;

    QString m_connection;
    QString m_actor;
    QList<ClerkAccount> m_accounts;
    QTableWidget *m_table;
    QPushButton *m_activeButton;
    QPushButton *m_unlockButton;
    QLineEdit *m_resetPassword;
    QLineEdit *m_resetRepeat;
    QPushButton *m_resetButton;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_addButton = nullptr;
    QLabel *m_message;
};

} // namespace gongji
