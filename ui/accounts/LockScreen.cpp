#include "ui/accounts/LockScreen.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gongji {

LockScreen::LockScreen(const ClerkAccount &account, QWidget *parent)
    : QWidget(parent)
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#lockScreen { background: #e9eef4; }"
                                 "#lockCard { background: white; border: 1px solid #c5cfdb; border-radius: 6px; }"));

    auto *card = new QWidget(this);
    card->setObjectName(QStringLiteral("lockCard"));
    card->setAttribute(Qt::WA_StyledBackground);
    card->setFixedWidth(420);

    auto *icon = new QLabel(card);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/gongji-desk.png")).pixmap(40, 40));
    auto *title = new QLabel(tr("This counter is locked"), card);
    title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold; color: #0b4f8a;"));
    auto *heading = new QHBoxLayout;
    heading->addWidget(icon);
    heading->addWidget(title, 1);

    auto *who = new QLabel(tr("Signed in: %1").arg(describe(account)), card);
    who->setObjectName(QStringLiteral("lockClerk"));
    who->setWordWrap(true);
    auto *hint = new QLabel(tr("The work in progress is kept. Type the password of this login to go on, "
                               "or sign out to let another clerk sign in."),
                            card);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #6b7785;"));

    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setMaxLength(256);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *unlock = new QPushButton(tr("&Unlock"), card);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    unlock->setDefault(true);
    auto *signOut = new QPushButton(tr("Sign &out"), card);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(signOut);
    buttons->addStretch(1);
    buttons->addWidget(unlock);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 20, 24, 20);
    cardLayout->setSpacing(12);
    cardLayout->addLayout(heading);
    cardLayout->addWidget(who);
    cardLayout->addWidget(hint);
    cardLayout->addWidget(m_password);
    cardLayout->addWidget(m_error);
    cardLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    const auto requestUnlock = [this] { emit unlockRequested(m_password->text()); };
    connect(m_password, &QLineEdit::returnPressed, this, requestUnlock);
    connect(unlock, &QPushButton::clicked, this, requestUnlock);
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
    setFocusProxy(m_password);
}

QString LockScreen::describe(const ClerkAccount &account)
{
    const QString role = ClerkRoles::label(account.role);
    return tr("%1 (%2), %3")
        .arg(account.displayName.isEmpty() ? account.login : account.displayName, account.login, role);
}

void LockScreen::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString LockScreen::error() const { return m_error->isVisibleTo(this) ? m_error->text() : QString(); }

void LockScreen::reset()
{
    m_password->clear();
    showError(QString());
    m_password->setFocus();
}

} // namespace gongji
