#pragma once
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gongji {

class CitizenView;

// 好差评 on the citizen's screen: five large buttons; the two lowest ask for a reason (one of the
// list, plus the citizen's own words if they like) before 提交评价; 跳过 leaves it unrated.
class RatingPanel : public QWidget
{
    Q_OBJECT
public:
    RatingPanel(CitizenView *view, QWidget *parent = nullptr);

    // Follows the view's rating state (open, given, skipped).
    void refresh();

private:
    void choose(int level);

    CitizenView *m_view;
    QWidget *m_levels;
    QWidget *m_reasonBox;
    QButtonGroup *m_reasons;
    QLineEdit *m_detail;
    QPushButton *m_submit;
    QLabel *m_thanks;
    int m_level = 0;
};

} // namespace gongji
