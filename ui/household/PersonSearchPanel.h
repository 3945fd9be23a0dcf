#pragma once
#include <QWidget>

class QLabel;
class QTableView;

namespace gongji {

class PersonSearchModel;

// The pick list when a name prefix matches several people: a lazily fetched PersonSearchModel
// (pages load as the list scrolls), Enter or a double click opens the person, Esc goes back.
class PersonSearchPanel : public QWidget
{
    Q_OBJECT
public:
    PersonSearchPanel(const QString &connection, QWidget *parent = nullptr);

    // Runs the search; returns how many rows the first page brought (0, 1 or more).
    int search(const QString &prefix);
    qint64 personIdAt(int row) const;
    QTableView *view() const { return m_view; }

signals:
    void personChosen(qint64 personId);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    PersonSearchModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
};

} // namespace gongji
