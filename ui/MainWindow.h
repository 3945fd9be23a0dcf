#pragma once
#include <QMainWindow>

namespace gongji {

class DeskPages;
class FilingWizard;
class StepList;

// The counter's window: the filing wizard is the working area; the status bar names the
// database and the clerk so a wrong file or login is seen at once.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QString &connection, const QString &databasePath, const QString &clerk,
               QWidget *parent = nullptr);

    FilingWizard *wizard() const { return m_wizard; }
    DeskPages *pages() const { return m_pages; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // 管理: the supervisor's rules editor and registry import (issue 6).
    void createAdministrationMenu(const QString &connection, const QString &actor);
    // 设置: the office details printed on every confirmation summary.
    void createSettingsMenu();
    void showAbout();

    FilingWizard *m_wizard;
    StepList *m_steps;
    DeskPages *m_pages = nullptr;
};

} // namespace gongji
