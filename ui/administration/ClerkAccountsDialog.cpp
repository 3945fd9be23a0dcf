#include "ui/administration/ClerkAccountsDialog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "model/accounts/ClerkAccounts.h"

namespace gongji {

namespace {
QLineEdit *passwordEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(128);
    return edit;
}

} // namespace

ClerkAccountsDialog::ClerkAccountsDialog(const QString &connection, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_actor(actor)
{
    setWindowTitle(tr("Clerk accounts"));
    setObjectName(QStringLiteral("clerkAccountsDialog"));

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setHorizontalHeaderLabels({tr("Login"), tr("Name"), tr("Role"), tr("Active"), tr("Locked until")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column : {int(LoginColumn), int(NameColumn), int(RoleColumn), int(ActiveColumn)})
        m_table->horizontalHeader()->resizeSection(column, column == NameColumn ? 180 : 120);
    auto *tableLabel = new QLabel(tr("Acco&unts:"), this);
    tableLabel->setBuddy(m_table);

    m_activeButton = new QPushButton(tr("&Disable"), this);
    m_activeButton->setObjectName(QStringLiteral("accountActiveButton"));
    m_unlockButton = new QPushButton(tr("Un&lock"), this);
    m_unlockButton->setObjectName(QStringLiteral("accountUnlockButton"));
    m_unlockButton->setToolTip(tr("Lift the lock after failed sign-ins"));
    m_resetPassword = passwordEdit(this, QStringLiteral("resetPassword"));
    m_resetRepeat = passwordEdit(this, QStringLiteral("resetRepeat"));
    m_resetButton = new QPushButton(tr("&Reset password"), this);
    m_resetButton->setObjectName(QStringLiteral("resetPasswordButton"));
    m_resetButton->setToolTip(tr("Give the selected account this new password; tell it to the clerk in person"));
    auto *resetLabel = new QLabel(tr("&New password:"), this);
    resetLabel->setBuddy(m_resetPassword);
    auto *resetRepeatLabel = new QLabel(tr("Repeat:"), this);
    resetRepeatLabel->setBuddy(m_resetRepeat);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("accountsClose"));

    auto *selectedRow = new QHBoxLayout;
    selectedRow->addWidget(m_activeButton);
    selectedRow->addWidget(m_unlockButton);
    selectedRow->addSpacing(18);
    selectedRow->addWidget(resetLabel);
    selectedRow->addWidget(m_resetPassword);
    selectedRow->addWidget(resetRepeatLabel);
    selectedRow->addWidget(m_resetRepeat);
    selectedRow->addWidget(m_resetButton);
    selectedRow->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(selectedRow);
    layout->addWidget(createAddBox());
    layout->addLayout(bottom);

    for (QPushButton *button : {m_activeButton, m_unlockButton, m_resetButton, m_addButton, close})
        button->setAutoDefault(false);
    setTabOrder(m_table, m_activeButton);
    setTabOrder(m_activeButton, m_unlockButton);
    setTabOrder(m_unlockButton, m_resetPassword);
    setTabOrder(m_resetPassword, m_resetRepeat);
    setTabOrder(m_resetRepeat, m_resetButton);
    setTabOrder(m_resetButton, m_login);
    setTabOrder(m_login, m_name);
    setTabOrder(m_name, m_role);
    setTabOrder(m_role, m_password);
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_addButton);
    setTabOrder(m_addButton, close);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ClerkAccountsDialog::updateButtons);
    connect(m_activeButton, &QPushButton::clicked, this, &ClerkAccountsDialog::toggleActive);
    connect(m_unlockButton, &QPushButton::clicked, this, &ClerkAccountsDialog::unlockSelected);
    connect(m_resetButton, &QPushButton::clicked, this, &ClerkAccountsDialog::resetSelectedPassword);
    connect(m_resetRepeat, &QLineEdit::returnPressed, this, &ClerkAccountsDialog::resetSelectedPassword);
    connect(m_addButton, &QPushButton::clicked, this, &ClerkAccountsDialog::addAccount);
    connect(m_repeat, &QLineEdit::returnPressed, this, &ClerkAccountsDialog::addAccount);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    reload();
    m_table->setFocus();
    resize(920, 560);
}

QWidget *ClerkAccountsDialog::createAddBox()
{
    auto *box = new QGroupBox(tr("Add an account"), this);
    m_login = new QLineEdit(box);
    m_login->setObjectName(QStringLiteral("newLogin"));
    m_login->setMaxLength(32);
    m_login->setPlaceholderText(tr("e.g. wangfang"));
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("newName"));
    m_name->setMaxLength(50);
    m_role = new QComboBox(box);
    m_role->setObjectName(QStringLiteral("newRole"));
    for (const ClerkRole role : {ClerkRole::Clerk, ClerkRole::Supervisor})
        m_role->addItem(ClerkRoles::label(role), QVariant::fromValue(role));
    m_password = passwordEdit(box, QStringLiteral("newPassword"));
    m_password->setPlaceholderText(tr("at least %1 characters").arg(ClerkAccounts::minimumPasswordLength));
    m_repeat = passwordEdit(box, QStringLiteral("newRepeat"));
    m_addButton = new QPushButton(tr("&Add account"), box);
    m_addButton->setObjectName(QStringLiteral("addAccountButton"));

    auto *grid = new QGridLayout(box);
    auto addField = [&](int row, int column, const QString &text, QWidget *field) {
        auto *label = new QLabel(text, box);
        label->setBuddy(field);
        grid->addWidget(label, row, column * 2, Qt::AlignRight);
        grid->addWidget(field, row, column * 2 + 1);
    };
    addField(0, 0, tr("Lo&gin:"), m_login);
    addField(0, 1, tr("Na&me:"), m_name);
    addField(0, 2, tr("R&ole:"), m_role);
    addField(1, 0, tr("&Password:"), m_password);
    addField(1, 1, tr("Repea&t password:"), m_repeat);
    grid->addWidget(m_addButton, 1, 5);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    return box;
}

void ClerkAccountsDialog::reload()
{
    const QString keep = selectedLogin();
    QString error;
    m_accounts = ClerkAccounts(m_connection).list(m_actor, &error);
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const ClerkAccount &account = m_accounts.at(row);
        const QStringList texts{
            account.login,
            account.displayName,
            account.isSupervisor() ? tr("Supervisor") : tr("Clerk"),
            account.active ? tr("active") : tr("disabled"),
            account.isLockedAt(QDateTime::currentDateTimeUtc())
                ? account.lockedUntil.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : QString(),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            if (!account.active)
                item->setForeground(QColor(0x8a, 0x8f, 0x96));
            m_table->setItem(row, column, item);
        }
    }
    if (!error.isEmpty())
        showMessage(error, false);
    selectLogin(keep.isEmpty() && !m_accounts.isEmpty() ? m_accounts.first().login : keep);
    updateButtons();
}

QString ClerkAccountsDialog::selectedLogin() const
{
    const ClerkAccount *account = selectedAccount();
    return account ? account->login : QString();
}

const ClerkAccount *ClerkAccountsDialog::selectedAccount() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const int row = items.first()->row();
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

void ClerkAccountsDialog::selectLogin(const QString &login)
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).login == login) {
            m_table->selectRow(row);
            return;
        }
    }
    m_table->clearSelection();
}

void ClerkAccountsDialog::updateButtons()
{
    const ClerkAccount *account = selectedAccount();
    m_activeButton->setEnabled(account);
    m_activeButton->setText(account && !account->active ? tr("&Enable") : tr("&Disable"));
    m_unlockButton->setEnabled(
        account && (account->isLockedAt(QDateTime::currentDateTimeUtc()) || account->failedAttempts > 0));
    m_resetButton->setEnabled(account);
    m_resetPassword->setEnabled(account);
    m_resetRepeat->setEnabled(account);
}

void ClerkAccountsDialog::showMessage(const QString &text, bool good)
{
    m_message->setText(text);
    m_message->setStyleSheet(good ? QStringLiteral("color:#1b6e3a") : QStringLiteral("color:#b3261e"));
}

void ClerkAccountsDialog::addAccount()
{
    if (m_password->text() != m_repeat->text()) {
        showMessage(tr("The two passwords differ: type the same password twice."), false);
        m_password->clear();
        m_repeat->clear();
        m_password->setFocus();
        return;
    }
    const QString login = m_login->text().trimmed();
    const ClerkAccounts::Result result = ClerkAccounts(m_connection)
                                             .add(m_actor, login, m_name->text().trimmed(),
                                                  m_role->currentData().value<ClerkRole>(), m_password->text());
    m_password->clear();
    m_repeat->clear();
    if (!result.ok) {
        showMessage(result.error, false);
        m_login->setFocus();
        return;
    }
    m_login->clear();
    m_name->clear();
    m_role->setCurrentIndex(0);
    reload();
    selectLogin(login);
    showMessage(tr("The account %1 was added.").arg(login), true);
    m_login->setFocus();
}

void ClerkAccountsDialog::toggleActive()
{
    const ClerkAccount *account = selectedAccount();
    if (!account)
        return;
    const QString login = account->login;
    const bool enable = !account->active;
    const ClerkAccounts::Result result = ClerkAccounts(m_connection).setActive(m_actor, login, enable);
    if (!result.ok) {
        showMessage(result.error, false);
        return;
    }
    reload();
    showMessage(enable ? tr("The account %1 is enabled.").arg(login)
                       : tr("The account %1 is disabled: it can no longer sign in.").arg(login),
                true);
}

void ClerkAccountsDialog::unlockSelected()
{
    const ClerkAccount *account = selectedAccount();
    if (!account)
        return;
    const QString login = account->login;
    const ClerkAccounts::Result result = ClerkAccounts(m_connection).unlock(m_actor, login);
    if (!result.ok) {
        showMessage(result.error, false);
        return;
    }
    reload();
    showMessage(tr("The account %1 is unlocked.").arg(login), true);
}

void ClerkAccountsDialog::resetSelectedPassword()
{
    const ClerkAccount *account = selectedAccount();
    if (!account)
        return;
    const QString login = account->login;
    const bool same = m_resetPassword->text() == m_resetRepeat->text();
    const QString password = m_resetPassword->text();
    m_resetPassword->clear();
    m_resetRepeat->clear();
    if (!same) {
        showMessage(tr("The two passwords differ: type the same new password twice."), false);
        m_resetPassword->setFocus();
        return;
    }
    const ClerkAccounts::Result result = ClerkAccounts(m_connection).resetPassword(m_actor, login, password);
    if (!result.ok) {
        showMessage(result.error, false);
        m_resetPassword->setFocus();
        return;
    }
    reload();
    showMessage(tr("The password of %1 was reset; tell it to the clerk in person.").arg(login), true);
}

} // namespace gongji
