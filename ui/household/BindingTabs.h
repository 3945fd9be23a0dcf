#pragma once
#include <QTabWidget>
#include <optional>

#include "model/itemmodels/HouseholdBindingsModel.h"

class QTableView;

namespace gongji {

// The five lists of the household screen, one tab each and each a view on its own
// HouseholdBindingsModel section: whom the person authorizes, who authorizes them, their kinship
// holders, their kinship members, and the ended bindings. Tab titles name the kind and the count.
// A reload keeps the clerk's place: the same tab, the same binding selected (rowOf), or the row
// that took the place of one that left the list.
class BindingTabs : public QTabWidget
{
    Q_OBJECT
public:
    using Section = HouseholdBindingsModel::Section;

    explicit BindingTabs(QWidget *parent = nullptr);

    // `samePerson`: a reload of the person shown, so keep the place; otherwise start at the top
    // of the first list that has rows.
    void setHousehold(const Household &household, bool samePerson);
    void clearHousehold();

    QTableView *view(Section section) const;
    HouseholdBindingsModel *model(Section section) const;
    Section currentSection() const;
    void setCurrentSection(Section section);
    // The binding selected in the current list, active or ended (its summary can be reprinted).
    std::optional<HouseholdBinding> selectedBinding() const;
    // The binding selected in the current list, if it is still active (it can be revoked).
    std::optional<HouseholdBinding> selectedActiveBinding() const;

signals:
    void counterpartActivated(qint64 personId);
    void revokeRequested();
    void selectionChanged();

private:
    struct Place
    {
        std::optional<QPair<HouseholdBinding::Kind, qint64>> binding;
        int row = -1;
    };
    static QList<Section> sections();
    void updateTitles();
    Place placeOf(Section section) const;
    void restore(Section section, const Place &place);

    QList<HouseholdBindingsModel *> m_models;
    QList<QTableView *> m_views;
};

} // namespace gongji
