#pragma once
#include <QAbstractListModel>
#include <QStringList>

namespace gongji {

// The ID types accepted by the rule set in force, for combo boxes.
// DisplayRole: "01 居民身份证（户口簿）"; CodeRole: "01".
class IdTypeListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // ShorthandsRole: what may be typed to pick the row (QStringList, see ShorthandComboBox).
    enum Roles { CodeRole = Qt::UserRole + 1, ShorthandsRole };
    explicit IdTypeListModel(QObject *parent = nullptr);

    // Empty list: every known type.
    void setCodes(const QStringList &codes);
    QStringList codes() const { return m_codes; }
    int rowOf(const QString &code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList m_codes;
};

} // namespace gongji
