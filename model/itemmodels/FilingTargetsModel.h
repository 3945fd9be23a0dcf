#pragma once
#include <QAbstractTableModel>

#include "model/filing/FilingDraft.h"
#include "model/filing/FilingEvaluator.h"

namespace gongji {

// The targets of the draft being filed, with each one's verdict, for the wizard's table views.
// ID numbers are shown masked.
class FilingTargetsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RelationshipColumn,
        NameColumn,
        IdTypeColumn,
        IdNumberColumn,
        ValidUntilColumn,
        QuotaColumn,
        VerdictColumn,
        ColumnCount
    };
    enum Roles { RefusedRole = Qt::UserRole + 1, WarningRole, CodesRole };

    explicit FilingTargetsModel(QObject *parent = nullptr);

    // Replaces the rows: the draft's targets and the verdict from FilingEvaluator::evaluate().
    void setFiling(const FilingDraft &draft, const FilingVerdict &verdict);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    FilingDraft m_draft;
    FilingVerdict m_verdict;
};

} // namespace gongji
