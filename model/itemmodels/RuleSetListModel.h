#pragma once
#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>

#include "model/domain/RuleSet.h"

namespace gongji {

// Every stored rule set (RuleSetStore::all()) for the rules editor: region, title, period and
// source note, with a region filter of its own. Filtering and reloading reset the model: views
// keep their place with rowOfId().
class RuleSetListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RegionColumn, TitleColumn, PeriodColumn, SourceColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, RegionRole, ReferencedRole };

    explicit RuleSetListModel(const QString &connection, QObject *parent = nullptr);

    // Reads the sets again (after a change).
    void reload();
    // Shows only sets whose region code starts with `prefix` ("33" = 浙江 and its pooling regions);
    // empty shows all.
    void setRegionFilter(const QString &prefix);
    QString regionFilter() const { return m_filter; }

    const RuleSet &ruleSetAt(int row) const { return m_rows.at(row); }
    // True when filings or bindings were checked against the set: it is read-only then.
    bool isReferenced(qint64 id) const { return m_referenced.contains(id); }
    int rowOfId(qint64 id) const; // -1 when filtered out or gone
    // Every stored set, filter or not (for impact reports).
    QList<RuleSet> allSets() const { return m_all; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString periodText(const RuleSet &set);

private:
    void applyFilter();

    QString m_connection;
    QString m_filter;
    QList<RuleSet> m_all;
    QList<RuleSet> m_rows;
    QSet<qint64> m_referenced;
};

} // namespace gongji
