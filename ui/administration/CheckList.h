#pragma once
#include <QListWidget>
#include <QStringList>

namespace gongji {

// A list of keywords shown by label, each with a check box: the editor's allowed relationships,
// accepted ID types and payable items. The keywords keep the order they were given in.
class CheckList : public QListWidget
{
    Q_OBJECT
public:
    explicit CheckList(QWidget *parent = nullptr);

    void addOption(const QString &keyword, const QString &label);
    void setChecked(const QStringList &keywords);
    QStringList checked() const;
    void setChecked(const QString &keyword, bool on);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void checkedChanged();
};

} // namespace gongji
