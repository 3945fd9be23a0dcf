#pragma once
#include <QList>
#include <QPoint>
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
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QStringList texts() const;
    int itemWidth(int index) const;
    // Where each key starts when the legend is `width` wide: on the next line when it would not fit.
    QList<QPoint> placesFor(int width) const;
};

} // namespace gongji
