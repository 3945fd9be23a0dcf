#pragma once
#include <QStackedWidget>

class QAction;
class QMainWindow;

namespace gongji {

class HouseholdScreen;
class KinshipPage;

// The main window's working area as three pages the clerk switches between with Ctrl+1..3:
// 共济备案 (the filing wizard, as the main window built it), 家庭查询 (household review) and
// 亲情账户 (kinship binding). Adds its menu and tool bar to the window and reports stored
// bindings and revocations in the status bar, so the main window only hands its filing area over.
class DeskPages : public QStackedWidget
{
    Q_OBJECT
public:
    enum Page { FilingPage, HouseholdPage, KinshipBindingPage };

    DeskPages(const QString &connection, const QString &clerk, QWidget *filingArea, QMainWindow *window);

    HouseholdScreen *household() const { return m_household; }
    KinshipPage *kinship() const { return m_kinship; }
    void showPage(Page page);

private:
    void createActions(QMainWindow *window);

    HouseholdScreen *m_household;
    KinshipPage *m_kinship;
    QList<QAction *> m_pageActions;
};

} // namespace gongji
