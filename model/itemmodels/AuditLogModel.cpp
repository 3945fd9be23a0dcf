#include "model/itemmodels/AuditLogModel.h"

#include "model/domain/AuditAction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "model/accounts/RoleCheck.h"
#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditLogModel)
};
} // namespace

AuditLogModel::AuditLogModel(const QString &connection, const QString &actor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
    , m_actor(actor)
{}

bool AuditLogModel::setFilter(const AuditFilter &filter)
{
    beginResetModel();
    m_fetching = true; // views fetch from their modelReset handlers: not before the reset is done
    m_filter = filter;
    m_rows.clear();
    m_exhausted = true;
    try {
        m_error = RoleCheck(m_connection).refusal(m_actor, ClerkRole::Supervisor);
        if (m_error.isEmpty()) {
            m_rows = AuditLog(m_connection).entries(m_filter, pageSize);
            m_exhausted = m_rows.size() < pageSize;
        }
    } catch (const StorageError &error) {
        m_error = error.userMessage();
    }
    endResetModel();
    m_fetching = false;
    return m_error.isEmpty();
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && !m_exhausted; }

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Views may ask again while rows are being inserted (signal handlers): one fetch at a time.
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    m_fetching = true;
    QList<AuditEntry> page;
    try {
        page = AuditLog(m_connection).entries(m_filter, pageSize, m_rows.isEmpty() ? nullptr : &m_rows.last());
        m_exhausted = page.size() < pageSize;
    } catch (const StorageError &error) {
        m_exhausted = true;
        m_error = error.userMessage();
        emit failed(m_error);
    }
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
        m_rows += page;
        endInsertRows();
    }
    m_fetching = false;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int AuditLogModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditEntry &entry = m_rows.at(index.row());
    if (role == EntryIdRole)
        return entry.id;
    if (role == RawActionRole)
        return entry.action;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ClerkColumn:
            return entry.actor;
        case ActionColumn:
            return actionLabel(entry.action);
        case SubjectColumn:
            return entry.subject;
        case DetailColumn:
            return detailText(entry.detail);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == ActionColumn)
            return entry.action;
        if (index.column() == DetailColumn && !entry.detail.isEmpty())
            return QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Indented)).trimmed();
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return Text::tr("Time");
    case ClerkColumn:
        return Text::tr("Clerk");
    case ActionColumn:
        return Text::tr("Action");
    case SubjectColumn:
        return Text::tr("Subject");
    case DetailColumn:
        return Text::tr("Detail");
    }
    return {};
}

QString AuditLogModel::actionLabel(const QString &action) { return AuditActions::label(action); }

QString AuditLogModel::detailText(const QJsonObject &detail)
{
    QStringList parts;
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 15);
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else if (value.isObject())
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        parts.append(it.key() + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace gongji
