#pragma once
#include <QAbstractTableModel>

#include "model/storage/AuditEntry.h"

namespace gongji {

// The audit log for the supervisor's viewer, newest first, a page at a time by keyset as the view
// scrolls, so a million-row log opens as fast as a small one. Only a supervisor sees rows: for
// anyone else the model stays empty and refusal() says why (checked here, in the model, not
// only by hiding the menu item).
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ClerkColumn, ActionColumn, SubjectColumn, DetailColumn, ColumnCount };
    enum Roles { EntryIdRole = Qt::UserRole + 1, RawActionRole };
    static constexpr int pageSize = 200;

    AuditLogModel(const QString &connection, const QString &actor, QObject *parent = nullptr);

    // Reads the first page of the entries `filter` selects. False (and the model empty) when the
    // actor may not read the log or the database fails: error() says why.
    bool setFilter(const AuditFilter &filter);
    bool reload() { return setFilter(m_filter); }
    AuditFilter filter() const { return m_filter; }
    QString error() const { return m_error; }
    const AuditEntry &entryAt(int row) const { return m_rows.at(row); }

    // A readable name of a known action in the UI language; the raw name otherwise.
    static QString actionLabel(const QString &action);
    // "key: value; …" of the detail, nested values as compact JSON.
    static QString detailText(const QJsonObject &detail);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // Reading a further page failed (the database); the rows read so far stay.
    void failed(const QString &message);

private:
    QString m_connection;
    QString m_actor;
    AuditFilter m_filter;
    QString m_error;
    QList<AuditEntry> m_rows;
    bool m_exhausted = true;
    bool m_fetching = false;
};

} // namespace gongji
