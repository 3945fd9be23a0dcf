#include "model/itemmodels/PersonSearchModel.h"

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/storage/PersonStore.h"

namespace gongji {

PersonSearchModel::PersonSearchModel(const QString &connection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
{}

void PersonSearchModel::search(const QString &namePrefix)
{
    beginResetModel();
    m_fetching = true; // views fetch from their modelReset handlers: not before the reset is done
    m_prefix = namePrefix.trimmed();
    m_rows.clear();
    // The first page comes with the reset; later pages when the view scrolls (fetchMore).
    if (!m_prefix.isEmpty())
        m_rows = PersonStore(m_connection).findByNamePrefix(m_prefix, pageSize);
    m_exhausted = m_rows.size() < pageSize;
    endResetModel();
    m_fetching = false;
}

bool PersonSearchModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && !m_exhausted; }

void PersonSearchModel::fetchMore(const QModelIndex &parent)
{
    // Views may ask again while rows are being inserted (signal handlers): one fetch at a time.
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    m_fetching = true;
    const QList<Person> page
        = PersonStore(m_connection).findByNamePrefix(m_prefix, pageSize, m_rows.isEmpty() ? nullptr : &m_rows.last());
    m_exhausted = page.size() < pageSize;
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
        m_rows += page;
        endInsertRows();
    }
    m_fetching = false;
}

int PersonSearchModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int PersonSearchModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PersonSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Person &p = m_rows.at(index.row());
    if (role == PersonIdRole)
        return p.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case IdTypeColumn:
        return IdType::label(p.idType);
    case IdNumberColumn:
        return IdNumber::mask(p.idNumber);
    case RegionColumn:
        return p.poolingRegion;
    case InsuranceColumn:
        return Person::insuranceLabel(p.insuranceType);
    case StatusColumn:
        return Person::statusLabel(p.status);
    }
    return {};
}

QVariant PersonSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdTypeColumn:
        return tr("ID type");
    case IdNumberColumn:
        return tr("ID number");
    case RegionColumn:
        return tr("Pooling region");
    case InsuranceColumn:
        return tr("Insurance");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace gongji
