#include "ui/DeskPages.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QPainter>
#include <QRegularExpression>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include "model/citizen/CitizenView.h"
#include "ui/household/HouseholdScreen.h"
#include "ui/household/KindStyle.h"
#include "ui/kinship/KinshipPage.h"

namespace gongji {

namespace {
// A small square in the kind's colour for the tool bar: solid for 共济, outlined dashes for 亲情.
QIcon kindIcon(HouseholdBinding::Kind kind, bool review)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = KindStyle::color(kind);
    QPen pen(color, 3, KindStyle::penStyle(kind));
    painter.setPen(pen);
    painter.setBrush(kind == HouseholdBinding::Kind::MutualAid && !review ? QBrush(KindStyle::tint(kind))
                                                                          : Qt::NoBrush);
    painter.drawRoundedRect(QRectF(4, 4, 24, 24), 5, 5);
    if (review) { // two linked boxes: the household
        painter.setPen(QPen(color, 2.5));
        painter.drawLine(QPointF(11, 12), QPointF(21, 20));
        painter.setBrush(color);
        painter.drawEllipse(QPointF(11, 12), 3.5, 3.5);
        painter.drawEllipse(QPointF(21, 20), 3.5, 3.5);
    }
    return QIcon(pixmap);
}
} // namespace

DeskPages::DeskPages(const QString &connection, const QString &clerk, QWidget *filingArea, QMainWindow *window)
    : QStackedWidget(window)
    , m_connection(connection)
    , m_clerk(clerk)
    , m_window(window)
{
    setObjectName(QStringLiteral("deskPages"));
    addWidget(filingArea);
    createActions(window);
}

HouseholdScreen *DeskPages::household()
{
    buildPages();
    return m_household;
}

KinshipPage *DeskPages::kinship()
{
    buildPages();
    return m_kinship;
}

void DeskPages::buildPages()
{
    if (m_household)
        return;
    m_household = new HouseholdScreen(m_connection, m_clerk, this);
    m_kinship = new KinshipPage(m_connection, m_clerk, this);
    addWidget(m_household);
    addWidget(m_kinship);
    QMainWindow *window = m_window;
    connect(m_household, &HouseholdScreen::kinshipRequested, this, [this](const Person &holder) {
        showPage(KinshipBindingPage);
        m_kinship->setHolder(holder);
    });
    for (auto signal : {&HouseholdScreen::bindingRevoked, &HouseholdScreen::quotaChanged}) {
        connect(m_household, signal, window,
                [window](const QString &message) { window->statusBar()->showMessage(message, 10000); });
    }
    connect(m_kinship, &KinshipPage::kinshipStored, window, [this, window](const QString &number, qint64) {
        window->statusBar()->showMessage(tr("Kinship binding %1 stored.").arg(number), 10000);
        m_household->reload(); // if that household is open, it shows the new member at once
    });
    if (CitizenView *citizen = m_citizen) {
        connect(m_kinship, &KinshipPage::holderShown, citizen, [citizen](const Person &holder) {
            citizen->showPerson(CitizenView::Service::Kinship, holder, QStringLiteral("持有人"), false);
        });
        connect(m_kinship, &KinshipPage::kinshipStored, citizen,
                [citizen](const QString &number, qint64) { citizen->showDone(CitizenView::Service::Kinship, number); });
        // A revocation ends with its binding's number and the rating; the person shown is not
        // necessarily the one at the window, so nobody's details go on the citizen's screen.
        connect(m_household, &HouseholdScreen::revoked, citizen, [citizen](HouseholdBinding::Kind kind, qint64 id) {
            citizen->showDone(
                CitizenView::Service::Revocation,
                (kind == HouseholdBinding::Kind::MutualAid ? QStringLiteral("GJB-") : QStringLiteral("QQB-"))
                    + QString::number(id));
        });
    }
}

void DeskPages::createActions(QMainWindow *window)
{
    using Kind = HouseholdBinding::Kind;
    struct Entry
    {
        QString text;
        QString name;
        QIcon icon;
        Qt::Key key;
    };
    const Entry entries[] = {
        {tr("Mutual-aid &filing (共济备案)"), QStringLiteral("actionFilingPage"), kindIcon(Kind::MutualAid, false),
         Qt::Key_1},
        {tr("&Household review (家庭查询)"), QStringLiteral("actionHouseholdPage"), kindIcon(Kind::MutualAid, true),
         Qt::Key_2},
        {tr("&Kinship account (亲情账户)"), QStringLiteral("actionKinshipPage"), kindIcon(Kind::Kinship, false),
         Qt::Key_3},
    };
    auto *group = new QActionGroup(this);
    QMenu *menu = new QMenu(tr("&Work"), window);
    menu->setObjectName(QStringLiteral("workMenu"));
    QToolBar *bar = new QToolBar(tr("Work"), window);
    bar->setObjectName(QStringLiteral("workToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (int page = 0; page < 3; ++page) {
        const Entry &entry = entries[page];
        auto *action = new QAction(entry.icon, entry.text, this);
        action->setObjectName(entry.name);
        action->setShortcut(QKeySequence(Qt::CTRL | entry.key));
        action->setShortcutContext(Qt::WindowShortcut);
        // The tool bar shows the words without the menu's mnemonic, "(&F)" included.
        QString plain = entry.text;
        plain.remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove(QLatin1Char('&'));
        action->setIconText(plain);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(plain, action->shortcut().toString(QKeySequence::NativeText)));
        action->setCheckable(true);
        action->setChecked(page == FilingPage);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, page] { showPage(Page(page)); });
        menu->addAction(action);
        bar->addAction(action);
        m_pageActions.append(action);
    }
    // Before Help, the last menu by convention.
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    window->addToolBar(Qt::TopToolBarArea, bar);
}

void DeskPages::showPage(Page page)
{
    buildPages();
    setCurrentIndex(page);
    m_pageActions.at(page)->setChecked(true);
    if (page == HouseholdPage) {
        // A filing or kinship binding stored on another page may have changed this household.
        m_household->reload();
        m_household->focusLookup();
    } else if (QWidget *last = currentWidget()->focusWidget()) {
        last->setFocus(); // back where the clerk left off
    } else {
        currentWidget()->setFocus();
    }
}

} // namespace gongji
