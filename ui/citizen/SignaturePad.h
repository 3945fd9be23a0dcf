#pragma once
#include <QList>
#include <QPolygonF>
#include <QWidget>

namespace gongji {

// Where the authorizer signs on the citizen's screen: a finger (a touch arrives as a mouse), a
// pen (QTabletEvent, so a signature tablet's pen is taken as drawn) or the mouse. The strokes
// are kept in the pad's own 0–1 coordinates and reported when a stroke ends.
class SignaturePad : public QWidget
{
    Q_OBJECT
public:
    explicit SignaturePad(QWidget *parent = nullptr);

    QList<QPolygonF> strokes() const { return m_strokes; }
    double aspect() const;
    void setStrokes(const QList<QPolygonF> &strokes);
    void clear();

signals:
    void strokeFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;

private:
    void begin(const QPointF &at);
    void extend(const QPointF &at);
    void end();
    QPointF normalised(const QPointF &at) const;

    QList<QPolygonF> m_strokes;
    bool m_drawing = false;
};

} // namespace gongji
