#pragma once
#include <QStackedWidget>

class QAction;
class QMainWindow;

namespace gongji {

class CitizenView;
class HouseholdScreen;
class KinshipPage;

// The main window's working area as three pages the clerk switches between with Ctrl+1..3:
// 共济备案 (the filing wizard, as the main window built it), 家庭查询 (household review) and
// 亲情账户 (kinship binding). Adds its menu and tool bar to the window and reports stored
// bindings and revocations in the status bar, so the main window only hands its filing area over.
// The household and kinship pages are built when first shown or asked for (≈ 40 M instructions,
// a tenth of the desk's start-up), so that start-up does not wait for pages nobody sees yet.
class DeskPages : public QStackedWidget
{
    Q_OBJECT
public:
    enum Page { FilingPage, HouseholdPage, KinshipBindingPage };

    DeskPages(const QString &connection, const QString &clerk, QWidget *filingArea, QMainWindow *window);

    HouseholdScreen *household();
    KinshipPage *kinship();
    void showPage(Page page);
    // The citizen's screen follows kinship bindings and revocations too (set before the pages
    // are built).
    void setCitizenView(CitizenView *view) { m_citizen = view; }

private:
    void createActions(QMainWindow *window);
    void buildPages();

    QString m_connection;
    QString m_clerk;
    QMainWindow *m_window;
    HouseholdScreen *m_household = nullptr;
    KinshipPage *m_kinship = nullptr;
    CitizenView *m_citizen = nullptr;
    QList<QAction *> m_pageActions;
};

} // namespace gongji
