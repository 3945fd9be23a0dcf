#include "model/itemmodels/RuleSetListModel.h"

#include "model/storage/RuleSetStore.h"

namespace gongji {

RuleSetListModel::RuleSetListModel(const QString &connection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
{
    reload();
}

void RuleSetListModel::reload()
{
    beginResetModel();
    RuleSetStore store(m_connection);
    m_all = store.all();
    m_referenced.clear();
    for (const RuleSet &set : std::as_const(m_all)) {
        if (store.isReferenced(set.id))
            m_referenced.insert(set.id);
    }
    applyFilter();
    endResetModel();
}

void RuleSetListModel::setRegionFilter(const QString &prefix)
{
    const QString trimmed = prefix.trimmed();
    if (trimmed == m_filter)
        return;
    beginResetModel();
    m_filter = trimmed;
    applyFilter();
    endResetModel();
}

void RuleSetListModel::applyFilter()
{
    m_rows.clear();
    for (const RuleSet &set : std::as_const(m_all)) {
        if (set.region.startsWith(m_filter))
            m_rows.append(set);
    }
}

int RuleSetListModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int RuleSetListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int RuleSetListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RuleSetListModel::periodText(const RuleSet &set)
{
    return set.effectiveFrom.toString(Qt::ISODate) + QStringLiteral(" – ")
        + (set.effectiveTo.isValid() ? set.effectiveTo.toString(Qt::ISODate) : tr("open"));
}

QVariant RuleSetListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RuleSet &set = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RegionColumn:
            return set.region;
        case TitleColumn:
            return set.title;
        case PeriodColumn:
            return periodText(set);
        case SourceColumn:
            return set.sourceNote.simplified(); // one line in the list
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn)
            return set.sourceNote;
        return m_referenced.contains(set.id) ? tr("Filings were checked against this rule set: read-only.")
                                             : QVariant();
    case IdRole:
        return set.id;
    case RegionRole:
        return set.region;
    case ReferencedRole:
        return m_referenced.contains(set.id);
    }
    return {};
}

QVariant RuleSetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RegionColumn:
        return tr("Region");
    case TitleColumn:
        return tr("Title");
    case PeriodColumn:
        return tr("Period");
    case SourceColumn:
        return tr("Source note");
    }
    return {};
}

} // namespace gongji
