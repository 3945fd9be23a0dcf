#pragma once
#include <QMainWindow>

#include "model/storage/ClerkStore.h"

namespace gongji {

class CitizenScreenPlacement;
class CitizenWindow;
class DeskPages;
class FilingWizard;
class SessionLock;
class StepList;

// The counter's window for one signed-in clerk: the filing wizard is the working area; the
// status bar names the database and the clerk (name, role) so a wrong file or login is seen at
// once. Ctrl+L or the idle time locks it (SessionLock); signing out closes it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `clerk` is the account SignIn returned; its login is the actor of every mutation.
    MainWindow(const QString &connection, const QString &databasePath, const ClerkAccount &clerk,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    FilingWizard *wizard() const { return m_wizard; }
    DeskPages *pages() const { return m_pages; }
    SessionLock *sessionLock() const { return m_sessionLock; }
    // The citizen's screen (客户屏) of this counter, and where it goes.
    CitizenWindow *citizenWindow() const { return m_citizenWindow; }
    CitizenScreenPlacement *citizenPlacement() const { return m_citizenPlacement; }
    ClerkAccount clerk() const { return m_clerk; }
    // Whether the window closed because the clerk signed out (the sign-in comes again).
    bool isSignedOut() const { return m_signedOut; }

public slots:
    // From the lock screen: asks before throwing away an unfinished filing, records the
    // sign-out and closes the window. False when the clerk kept the filing.
    bool signOut();

signals:
    void signedOut();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    // 管理: the supervisor's rules editor and registry import.
    void createAdministrationMenu(const QString &connection, const QString &actor);
    // 设置: the office details printed on every confirmation summary.
    void createSettingsMenu();
    void showAbout();

    FilingWizard *m_wizard;
    StepList *m_steps;
    DeskPages *m_pages = nullptr;
    SessionLock *m_sessionLock = nullptr;
    CitizenWindow *m_citizenWindow = nullptr;
    CitizenScreenPlacement *m_citizenPlacement = nullptr;
    ClerkAccount m_clerk;
    bool m_signedOut = false;
};

} // namespace gongji
