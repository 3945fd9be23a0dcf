#include "ui/citizen/SignaturePad.h"

#include <QMouseEvent>
#include <QPainter>
#include <QTabletEvent>

namespace gongji {

SignaturePad::SignaturePad(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signaturePad"));
    setMinimumSize(600, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(220);
    setAttribute(Qt::WA_StaticContents);
    setCursor(Qt::CrossCursor);
}

double SignaturePad::aspect() const { return height() > 0 ? double(width()) / height() : 3.0; }

void SignaturePad::setStrokes(const QList<QPolygonF> &strokes)
{
    m_strokes = strokes;
    update();
}

void SignaturePad::clear()
{
    m_strokes.clear();
    m_drawing = false;
    update();
}

QPointF SignaturePad::normalised(const QPointF &at) const
{
    return QPointF(qBound(0.0, at.x() / qMax(1, width()), 1.0), qBound(0.0, at.y() / qMax(1, height()), 1.0));
}

void SignaturePad::begin(const QPointF &at)
{
    m_drawing = true;
    m_strokes.append(QPolygonF{normalised(at)});
    update();
}

void SignaturePad::extend(const QPointF &at)
{
    if (!m_drawing || m_strokes.isEmpty())
        return;
    m_strokes.last() << normalised(at);
    update();
}

void SignaturePad::end()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    emit strokeFinished();
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        begin(event->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event) { extend(event->position()); }

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    extend(event->position());
    end();
}

void SignaturePad::tabletEvent(QTabletEvent *event)
{
    // Taken here, so Qt does not also turn the pen into a mouse.
    switch (event->type()) {
    case QEvent::TabletPress:
        begin(event->position());
        break;
    case QEvent::TabletMove:
        extend(event->position());
        break;
    case QEvent::TabletRelease:
        extend(event->position());
        end();
        break;
    default:
        break;
    }
    event->accept();
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    painter.setPen(QPen(QColor(0x9a, 0xa5, 0xb1), 1, Qt::DashLine));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    painter.drawLine(QPointF(width() * 0.05, height() * 0.8), QPointF(width() * 0.95, height() * 0.8));
    if (m_strokes.isEmpty()) {
        painter.setPen(QColor(0x9a, 0xa5, 0xb1));
        painter.drawText(rect(), Qt::AlignCenter, QStringLiteral("请在此处签名"));
    }
    painter.setPen(QPen(Qt::black, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF &stroke : std::as_const(m_strokes)) {
        QPolygonF points;
        for (const QPointF &point : stroke)
            points << QPointF(point.x() * width(), point.y() * height());
        if (points.size() == 1)
            painter.drawPoint(points.first());
        else
            painter.drawPolyline(points);
    }
}

} // namespace gongji
