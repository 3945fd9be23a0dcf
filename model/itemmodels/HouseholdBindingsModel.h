#pragma once
#include <QAbstractTableModel>

#include "model/domain/HouseholdBinding.h"

namespace gongji {

// One list of the household review screen: whom the person authorizes, who authorizes them,
// their kinship holders, their kinship members, or the history of ended bindings. Every row names
// its kind (共济 / 亲情); ID numbers are masked.
class HouseholdBindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Section { Authorizes, AuthorizedBy, KinshipHolders, KinshipMembers, History };
    enum Column {
        KindColumn,
        NameColumn,
        IdNumberColumn,
        RelationshipColumn,
        StartedColumn,
        NumberColumn,
        ValidUntilColumn,
        QuotaColumn,
        AgreementColumn,
        HandoverColumn,
        EndedColumn,
        EndedByColumn,
        EndReasonColumn,
        ColumnCount
    };
    enum Roles { BindingIdRole = Qt::UserRole + 1, KindRole, PersonIdRole, ActiveRole, HandoverRole };

    explicit HouseholdBindingsModel(Section section, QObject *parent = nullptr);

    void setHousehold(const Household &household);
    Section section() const { return m_section; }
    const HouseholdBinding &bindingAt(int row) const { return m_rows.at(row); }
    // Row of a binding after a reload, so the view can keep the clerk's place; -1 if gone.
    int rowOf(HouseholdBinding::Kind kind, qint64 bindingId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Section m_section;
    QList<HouseholdBinding> m_rows;
};

} // namespace gongji
