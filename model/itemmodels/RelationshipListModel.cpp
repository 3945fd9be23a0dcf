#include "model/itemmodels/RelationshipListModel.h"

#include "model/domain/Relationship.h"

namespace gongji {

RelationshipListModel::RelationshipListModel(QObject *parent) : QAbstractListModel(parent) {}

void RelationshipListModel::setKeywords(const QStringList &keywords)
{
    beginResetModel();
    m_keywords = keywords;
    endResetModel();
}

int RelationshipListModel::rowOf(const QString &keyword) const { return int(m_keywords.indexOf(keyword)); }

int RelationshipListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keywords.size());
}

QVariant RelationshipListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_keywords.size())
        return {};
    const QString &keyword = m_keywords.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // The GB/T 4761 code is printed beside the label so the clerk can match paper forms.
        const QString code = Relationship::gbCode(keyword);
        return code.isEmpty() ? Relationship::label(keyword)
                              : QString(Relationship::label(keyword) + QLatin1String(" (") + code + QLatin1Char(')'));
    }
    case KeywordRole:
        return keyword;
    case ShorthandsRole:
        return Relationship::shorthands(keyword);
    default:
        return {};
    }
}

} // namespace gongji
