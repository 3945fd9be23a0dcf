#pragma once
#include <QAbstractListModel>
#include <QStringList>

namespace gongji {

// The relationships allowed by the rule set in force, for combo boxes.
// DisplayRole: "配偶 (10)"; KeywordRole: "spouse".
class RelationshipListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // ShorthandsRole: what may be typed to pick the row (QStringList, see ShorthandComboBox).
    enum Roles { KeywordRole = Qt::UserRole + 1, ShorthandsRole };
    explicit RelationshipListModel(QObject *parent = nullptr);

    void setKeywords(const QStringList &keywords);
    QStringList keywords() const { return m_keywords; }
    int rowOf(const QString &keyword) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList m_keywords;
};

} // namespace gongji
