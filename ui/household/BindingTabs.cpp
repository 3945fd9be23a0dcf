#include "ui/household/BindingTabs.h"

#include <QHeaderView>
#include <QShortcut>
#include <QTabBar>
#include <QTableView>

#include "ui/household/BindingKindDelegate.h"
#include "ui/household/KindStyle.h"

namespace gongji {

namespace {
const char *sectionNames[]
    = {"authorizesList", "authorizedByList", "kinshipHoldersList", "kinshipMembersList", "historyList"};
}

QList<BindingTabs::Section> BindingTabs::sections()
{
    return {Section::Authorizes, Section::AuthorizedBy, Section::KinshipHolders, Section::KinshipMembers,
            Section::History};
}

BindingTabs::BindingTabs(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("bindingTabs"));
    setDocumentMode(false);
    for (Section section : sections()) {
        auto *model = new HouseholdBindingsModel(section, this);
        auto *view = new QTableView(this);
        view->setObjectName(QLatin1String(sectionNames[int(section)]));
        view->setModel(model);
        view->setItemDelegate(new BindingKindDelegate(view));
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setAlternatingRowColors(true);
        view->setTabKeyNavigation(false);
        view->setWordWrap(false);
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setHighlightSections(false);
        // Enter or a double click on a row opens the person at its other end.
        connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
            const qint64 id = index.data(HouseholdBindingsModel::PersonIdRole).toLongLong();
            if (id)
                emit counterpartActivated(id);
        });
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BindingTabs::selectionChanged);
        if (section != Section::History) {
            auto *del = new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut);
            connect(del, &QShortcut::activated, this, &BindingTabs::revokeRequested);
        }
        m_models.append(model);
        m_views.append(view);
        addTab(view, QString());
    }
    connect(this, &QTabWidget::currentChanged, this, &BindingTabs::selectionChanged);
    updateTitles();
}

QTableView *BindingTabs::view(Section section) const { return m_views.at(int(section)); }

HouseholdBindingsModel *BindingTabs::model(Section section) const { return m_models.at(int(section)); }

BindingTabs::Section BindingTabs::currentSection() const { return Section(qMax(0, currentIndex())); }

void BindingTabs::setCurrentSection(Section section) { setCurrentIndex(int(section)); }

void BindingTabs::updateTitles()
{
    using Kind = HouseholdBinding::Kind;
    const QString mutualAid = tr("Mutual aid");
    const QString kinship = tr("Kinship");
    const QString sep = QStringLiteral("·");
    const QStringList titles = {
        mutualAid + sep + tr("Authorizes"),
        mutualAid + sep + tr("Authorized by"),
        kinship + sep + tr("Holders"),
        kinship + sep + tr("Members"),
        tr("Ended bindings"),
    };
    for (int i = 0; i < m_models.size(); ++i) {
        setTabText(i, QStringLiteral("%1 (%2)").arg(titles.at(i)).arg(m_models.at(i)->rowCount()));
        const QColor color = i < 2 ? KindStyle::color(Kind::MutualAid)
            : i < 4                ? KindStyle::color(Kind::Kinship)
                                   : KindStyle::endedColor().darker(140);
        tabBar()->setTabTextColor(i, color);
    }
}

BindingTabs::Place BindingTabs::placeOf(Section section) const
{
    Place place;
    const QModelIndex current = view(section)->currentIndex();
    if (!current.isValid())
        return place;
    place.row = current.row();
    const HouseholdBinding &b = model(section)->bindingAt(current.row());
    place.binding = qMakePair(b.kind, b.bindingId);
    return place;
}

void BindingTabs::restore(Section section, const Place &place)
{
    const int rows = model(section)->rowCount();
    int row = -1;
    if (place.binding)
        row = model(section)->rowOf(place.binding->first, place.binding->second);
    // The binding left this list (revoked): the one that moved up into its row takes its place.
    if (row < 0 && place.row >= 0 && rows > 0)
        row = qMin(place.row, rows - 1);
    if (row < 0 && rows > 0 && !place.binding)
        row = 0;
    if (row >= 0)
        view(section)->selectRow(row);
}

void BindingTabs::setHousehold(const Household &household, bool samePerson)
{
    QList<Place> places;
    for (Section section : sections())
        places.append(samePerson ? placeOf(section) : Place());
    const bool hadFocus = currentWidget() && currentWidget()->hasFocus();
    for (Section section : sections()) {
        model(section)->setHousehold(household);
        restore(section, places.at(int(section)));
    }
    updateTitles();
    if (!samePerson) {
        for (Section section : sections()) {
            if (model(section)->rowCount() > 0) {
                setCurrentSection(section);
                break;
            }
        }
    }
    if (hadFocus && currentWidget())
        currentWidget()->setFocus();
    emit selectionChanged();
}

void BindingTabs::clearHousehold() { setHousehold(Household(), false); }

std::optional<HouseholdBinding> BindingTabs::selectedBinding() const
{
    const Section section = currentSection();
    const QModelIndex current = view(section)->currentIndex();
    if (!current.isValid() || !view(section)->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return model(section)->bindingAt(current.row());
}

std::optional<HouseholdBinding> BindingTabs::selectedActiveBinding() const
{
    const std::optional<HouseholdBinding> b = selectedBinding();
    if (!b || !b->isActive())
        return std::nullopt;
    return b;
}

} // namespace gongji
