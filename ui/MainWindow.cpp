#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include "model/accounts/CounterSession.h"
#include "ui/accounts/IdleLockDialog.h"
#include "ui/accounts/LockScreen.h"
#include "ui/accounts/SessionLock.h"
#include "ui/administration/AuditLogDialog.h"
#include "ui/administration/StatisticsDialog.h"
#include "ui/administration/ClerkAccountsDialog.h"
#include "ui/administration/RegistryImportDialog.h"
#include "ui/administration/RulesWindow.h"
#include "ui/filing/FilingWizard.h"
#include "model/citizen/CitizenView.h"
#include "model/citizen/ServiceRating.h"
#include "model/office/OfficeSettings.h"
#include "ui/citizen/CitizenScreenDialog.h"
#include "ui/citizen/CitizenScreenPlacement.h"
#include "ui/citizen/CitizenWindow.h"
#include "ui/DeskPages.h"
#include "ui/kinship/KinshipPage.h"
#include "ui/printing/OfficeSettingsDialog.h"
#include "ui/settings/DatabaseSettingsDialog.h"
#include "ui/widgets/StepList.h"

namespace gongji {

MainWindow::MainWindow(const QString &connection, const QString &databasePath, const ClerkAccount &account,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_wizard(new FilingWizard(connection, account.login))
    , m_steps(new StepList)
    , m_clerk(account)
{
    const QString clerk = account.login; // the actor of every mutation from this window
    setWindowTitle(tr("Gongji Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gongji-desk.png")));

    // The wizard is a dialog class; as a plain child it becomes the working area.
    m_wizard->setWindowFlags(Qt::Widget);
    QStringList titles;
    for (int id : m_wizard->pageIds())
        titles << m_wizard->page(id)->title();
    m_steps->setSteps(titles);
    connect(m_wizard, &QWizard::currentIdChanged, this,
            [this](int id) { m_steps->setCurrentStep(int(m_wizard->pageIds().indexOf(id))); });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // The side names the business: mutual aid (共济), never to be confused with the kinship account.
    auto *side = new QWidget(central);
    side->setObjectName(QStringLiteral("sidePanel"));
    side->setAttribute(Qt::WA_StyledBackground);
    side->setStyleSheet(QStringLiteral("#sidePanel { background: #f0f3f7; }"));
    auto *business = new QLabel(tr("Family mutual-aid filing"), side);
    business->setObjectName(QStringLiteral("businessTitle"));
    business->setWordWrap(true);
    business->setStyleSheet(QStringLiteral("color: #0b4f8a; font-weight: bold; padding: 14px 12px 0 12px;"));
    auto *businessNote = new QLabel(tr("Personal account pays for close relatives (not the kinship account)"), side);
    businessNote->setWordWrap(true);
    businessNote->setStyleSheet(QStringLiteral("color: #6b7785; padding: 2px 12px 0 12px;"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    sideLayout->addWidget(business);
    sideLayout->addWidget(businessNote);
    sideLayout->addWidget(m_steps, 1);
    layout->addWidget(side);
    layout->addWidget(m_wizard, 1);
    setCentralWidget(central);

    createActions();
    // The filing area becomes the first of the desk's pages: 共济备案 / 家庭查询 / 亲情账户 (Ctrl+1..3).
    m_pages = new DeskPages(connection, clerk, takeCentralWidget(), this);
    // The pages and the lock screen share the window (SessionLock sets the central widget).
    m_sessionLock = new SessionLock(connection, account, this, m_pages);
    connect(m_sessionLock, &SessionLock::signOutRequested, this, &MainWindow::signOut);
    if (QAction *quit = findChild<QAction *>(QStringLiteral("actionQuit"))) {
        if (auto *filing = qobject_cast<QMenu *>(quit->parent()))
            filing->insertAction(quit, m_sessionLock->lockAction()); // 文件 → 锁定 (Ctrl+L)
    }
    // The citizen's screen: a window of its own (no parent: it must not close or minimise with
    // this one on another screen), deleted with this window.
    m_wizard->citizenView()->setOffice(OfficeSettings::load().name);
    m_citizenWindow = new CitizenWindow(m_wizard->citizenView());
    m_citizenWindow->setAttribute(Qt::WA_QuitOnClose, false); // quitting is the clerk's window's
    m_citizenPlacement = new CitizenScreenPlacement(m_citizenWindow, this);
    m_pages->setCitizenView(m_wizard->citizenView());
    // The citizen's rating of what was just done, under this clerk; a refusal (rated already)
    // goes to the status bar, it never stops the next citizen.
    connect(m_wizard->citizenView(), &CitizenView::ratingGiven, this,
            [this, connection](const QString &service, const QString &reference, int level, const QString &reason,
                               const QString &detail) {
                ServiceRatingEntry rating;
                rating.service = service;
                rating.reference = reference;
                rating.clerk = m_clerk.login;
                rating.level = level;
                rating.reason = reason;
                rating.detail = detail;
                const QString error = ServiceRating(connection).record(rating);
                statusBar()->showMessage(
                    error.isEmpty() ? tr("The citizen rated %1: %2.").arg(reference, RatingLevel::label(level)) : error,
                    10000);
            });
    createAdministrationMenu(connection, clerk);
    createSettingsMenu();

    auto *database = new QLabel(tr("Database: %1").arg(databasePath), this);
    database->setObjectName(QStringLiteral("statusDatabase"));
    database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *clerkLabel = new QLabel(tr("Signed in: %1").arg(LockScreen::describe(account)), this);
    clerkLabel->setObjectName(QStringLiteral("statusClerk"));
    statusBar()->addWidget(database, 1);
    statusBar()->addPermanentWidget(clerkLabel);
    connect(m_wizard, &FilingWizard::filingStored, this,
            [this](const QString &number) { statusBar()->showMessage(tr("Filing %1 stored.").arg(number), 10000); });
    resize(1180, 760);

    // 管理 is for supervisors (the model refuses clerks anyway): hidden, and its shortcuts off.
    if (!account.isSupervisor()) {
        if (auto *administration = findChild<QMenu *>(QStringLiteral("administrationMenu"))) {
            administration->menuAction()->setVisible(false);
            for (QAction *action : administration->actions())
                action->setEnabled(false);
        }
    }
}

MainWindow::~MainWindow()
{
    delete m_citizenWindow; // a top-level window of its own, showing this window's wizard
}

void MainWindow::createActions()
{
    QMenu *filing = menuBar()->addMenu(tr("&Filing"));
    QAction *newFiling = filing->addAction(tr("&New filing"));
    newFiling->setObjectName(QStringLiteral("actionNewFiling"));
    newFiling->setShortcut(QKeySequence::New);
    connect(newFiling, &QAction::triggered, this, [this] { m_wizard->startNewFiling(true); });
    filing->addSeparator();
    QAction *quit = filing->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Gongji Desk"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createAdministrationMenu(const QString &connection, const QString &actor)
{
    // Before Help, which createActions() added last.
    const QList<QAction *> menus = menuBar()->actions();
    QMenu *administration = new QMenu(tr("Administrati&on"), menuBar());
    administration->setObjectName(QStringLiteral("administrationMenu"));
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), administration);
    QAction *rules = administration->addAction(tr("&Rule sets…"));
    rules->setObjectName(QStringLiteral("actionRuleSets"));
    connect(rules, &QAction::triggered, this, [this, connection, actor] {
        // One editor at a time; closing it deletes it, so the next one reads the rules afresh.
        RulesWindow *window = findChild<RulesWindow *>();
        if (!window) {
            window = new RulesWindow(connection, actor, this);
            window->setAttribute(Qt::WA_DeleteOnClose);
        }
        window->show();
        window->raise();
        window->activateWindow();
    });
    QAction *registry = administration->addAction(tr("&Import registry…"));
    registry->setObjectName(QStringLiteral("actionImportRegistry"));
    connect(registry, &QAction::triggered, this, [this, connection, actor] {
        RegistryImportDialog dialog(connection, actor, this);
        dialog.exec();
    });
    administration->addSeparator();
    QAction *accounts = administration->addAction(tr("&Clerk accounts…"));
    accounts->setObjectName(QStringLiteral("actionClerkAccounts"));
    connect(accounts, &QAction::triggered, this, [this, connection, actor] {
        ClerkAccountsDialog dialog(connection, actor, this);
        dialog.exec();
    });
    QAction *audit = administration->addAction(tr("&Audit log…"));
    audit->setObjectName(QStringLiteral("actionAuditLog"));
    connect(audit, &QAction::triggered, this, [this, connection, actor] {
        AuditLogDialog dialog(connection, actor, this);
        dialog.exec();
    });
    QAction *statistics = administration->addAction(tr("&Statistics…"));
    statistics->setObjectName(QStringLiteral("actionStatistics"));
    connect(statistics, &QAction::triggered, this, [this, connection, actor] {
        StatisticsDialog dialog(connection, actor, this);
        dialog.exec();
    });
}

void MainWindow::createSettingsMenu()
{
    // Before Help, which createActions() added last.
    const QList<QAction *> menus = menuBar()->actions();
    QMenu *settings = new QMenu(tr("&Settings"), menuBar());
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), settings);
    QAction *office = settings->addAction(tr("&Office details…"));
    office->setObjectName(QStringLiteral("actionOfficeSettings"));
    connect(office, &QAction::triggered, this, [this] {
        OfficeSettingsDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            m_wizard->citizenView()->setOffice(OfficeSettings::load().name);
    });
    QAction *idleLock = settings->addAction(tr("Automatic &lock…"));
    idleLock->setObjectName(QStringLiteral("actionIdleLock"));
    connect(idleLock, &QAction::triggered, this, [this] {
        IdleLockDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            m_sessionLock->readIdleSetting();
    });
    QAction *citizen = settings->addAction(tr("&Citizen's screen…"));
    citizen->setObjectName(QStringLiteral("actionCitizenScreen"));
    connect(citizen, &QAction::triggered, this, [this] {
        CitizenScreenDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            m_citizenPlacement->place();
    });
    QAction *database = settings->addAction(tr("&Database…"));
    database->setObjectName(QStringLiteral("actionDatabaseSettings"));
    connect(database, &QAction::triggered, this, [this] {
        DatabaseSettingsDialog dialog(this);
        dialog.exec();
    });
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gongji Desk"),
                       tr("<h3>Gongji Desk %1</h3>"
                          "<p>Counter application for family mutual-aid filings of "
                          "medical-insurance personal accounts.</p>")
                           .arg(QApplication::applicationVersion()));
}

bool MainWindow::signOut()
{
    // What the next clerk must not inherit: a half-typed filing or kinship binding.
    const bool unfinished = m_wizard->hasUnsavedData() || m_pages->kinship()->hasUnsavedData();
    if (unfinished) {
        const auto answer = QMessageBox::question(
            this, tr("Sign out?"),
            tr("The filing or kinship binding being entered has not been submitted and will be lost "
               "when you sign out. Sign out anyway?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
    }
    const QString error = CounterSession(m_wizard->connection(), m_clerk.login).signOut(unfinished);
    if (!error.isEmpty())
        statusBar()->showMessage(error, 10000);
    m_signedOut = true;
    emit signedOut();
    close();
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_citizenPlacement->place();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_signedOut) {
        m_citizenWindow->hide();
        event->accept();
        return;
    }
    if (m_sessionLock->isLocked()) {
        // Quitting would throw away the locked clerk's work: unlock or sign out first.
        m_sessionLock->screen()->showError(tr("The counter is locked: unlock it or sign out first."));
        event->ignore();
        return;
    }
    if (m_wizard->hasUnsavedData()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit Gongji Desk?"),
            tr("The filing being entered has not been submitted and will be lost. Quit anyway?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    m_citizenWindow->hide();
    event->accept();
}

} // namespace gongji
