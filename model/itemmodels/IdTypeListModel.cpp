#include "model/itemmodels/IdTypeListModel.h"

#include "model/domain/IdType.h"

namespace gongji {

IdTypeListModel::IdTypeListModel(QObject *parent) : QAbstractListModel(parent) { setCodes({}); }

void IdTypeListModel::setCodes(const QStringList &codes)
{
    beginResetModel();
    // An empty list means the rule set does not restrict the documents.
    m_codes = codes.isEmpty() ? QStringList(IdType::allCodes()) : codes;
    endResetModel();
}

int IdTypeListModel::rowOf(const QString &code) const { return int(m_codes.indexOf(code)); }

int IdTypeListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_codes.size()); }

QVariant IdTypeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_codes.size())
        return {};
    const QString &code = m_codes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(code + QLatin1Char(' ') + IdType::label(code));
    case Qt::ToolTipRole:
        return IdType::label(code);
    case CodeRole:
        return code;
    case ShorthandsRole:
        return IdType::shorthands(code);
    default:
        return {};
    }
}

} // namespace gongji
