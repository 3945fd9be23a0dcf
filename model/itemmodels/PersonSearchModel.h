#pragma once
#include <QAbstractTableModel>

#include "model/domain/Person.h"

namespace gongji {

// Persons whose name starts with a prefix, for the household lookup's pick list. Fetches a page
// at a time by keyset (name, id) as the view scrolls, so a common surname never loads the registry.
class PersonSearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdTypeColumn, IdNumberColumn, RegionColumn, InsuranceColumn, StatusColumn, ColumnCount };
    enum Roles { PersonIdRole = Qt::UserRole + 1 };
    static constexpr int pageSize = 50;

    explicit PersonSearchModel(const QString &connection, QObject *parent = nullptr);

    void search(const QString &namePrefix);
    const Person &personAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QString m_connection;
    QString m_prefix;
    QList<Person> m_rows;
    bool m_exhausted = true;
    bool m_fetching = false;
};

} // namespace gongji
