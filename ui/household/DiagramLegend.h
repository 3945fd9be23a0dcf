#pragma once
#include <QWidget>

namespace gongji {

// The key under the household diagram: solid teal arrow = 共济 (authorizer → target), dashed amber
// arrow = 亲情 (holder → member), grey = ended. Drawn with the diagram's own pens.
class DiagramLegend : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList texts() const;
};

} // namespace gongji
