#include "model/printing/SummaryPainter.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>
#include <QTextTable>
#include <algorithm>
#include <limits>
#include <memory>

#include "model/printing/PrintableSummary.h"
#include "model/printing/SummaryStyle.h"
#include "model/printing/SummaryText.h"

namespace gongji {

namespace {

constexpr qreal headerBandMm = 11; // running header and the gap below it

qreal mmToDevice(qreal mm, const QPagedPaintDevice *device) { return mm * device->logicalDpiY() / 25.4; }

// The body laid out for this device: the paint rect minus the running header, as page size.
std::unique_ptr<QTextDocument> layOut(const PrintableSummary &summary, QPagedPaintDevice *device,
                                      const QList<int> &rowBreaks)
{
    std::unique_ptr<QTextDocument> body = summary.createDocument(rowBreaks);
    body->documentLayout()->setPaintDevice(device);
    body->setPageSize(QSizeF(device->width(), device->height() - mmToDevice(headerBandMm, device)));
    return body;
}

// The first body row of a table with repeating header rows that a page break cuts in two,
// counted over all such tables (they are the pieces of one split table); -1 if none.
int firstCutRow(QTextDocument &body)
{
    const qreal pageHeight = body.pageSize().height();
    QAbstractTextDocumentLayout *layout = body.documentLayout();
    int index = 0;
    const QList<QTextFrame *> frames = body.rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table || table->format().headerRowCount() == 0)
            continue;
        for (int row = table->format().headerRowCount(); row < table->rows(); ++row, ++index) {
            qreal top = std::numeric_limits<qreal>::max();
            qreal bottom = 0;
            for (int column = 0; column < table->columns(); ++column) {
                const QTextTableCell cell = table->cellAt(row, column);
                top = std::min(top, layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
                bottom = std::max(bottom, layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
            }
            if (int(top / pageHeight) != int((bottom - 1) / pageHeight))
                return index;
        }
    }
    return -1;
}

// Lays the body out, moving every row that a page break would cut onto the next page.
std::unique_ptr<QTextDocument> paginate(const PrintableSummary &summary, QPagedPaintDevice *device)
{
    QList<int> rowBreaks;
    std::unique_ptr<QTextDocument> body = layOut(summary, device, rowBreaks);
    for (int row = firstCutRow(*body); row > 0 && !rowBreaks.contains(row); row = firstCutRow(*body)) {
        rowBreaks.append(row);
        body = layOut(summary, device, rowBreaks);
    }
    return body;
}

void paintHeader(QPainter &painter, const PrintableSummary &summary, QPagedPaintDevice *device, int page, int pages)
{
    const qreal width = device->width();
    const qreal lineY = mmToDevice(6.5, device);
    painter.save();
    painter.setFont(SummaryStyle::font(summary.fontFamily(), 8));
    painter.setPen(Qt::black);
    const QRectF textRect(0, 0, width, lineY - mmToDevice(1, device));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, summary.title());
    painter.drawText(textRect, Qt::AlignRight | Qt::AlignBottom,
                     summary.reference() + QStringLiteral("    ")
                         + SummaryText::text(SummaryText::Key::PageOf, summary.language())
                               .arg(QString::number(page), QString::number(pages)));
    painter.setPen(QPen(Qt::black, mmToDevice(0.2, device)));
    painter.drawLine(QPointF(0, lineY), QPointF(width, lineY));
    painter.restore();
}

} // namespace

void SummaryPainter::applyPageLayout(QPagedPaintDevice *device)
{
    device->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 12, 18, 14),
                                      QPageLayout::Millimeter));
}

int SummaryPainter::pageCount(const PrintableSummary &summary, QPagedPaintDevice *device)
{
    return summary.isValid() ? paginate(summary, device)->pageCount() : 0;
}

bool SummaryPainter::paint(const PrintableSummary &summary, QPagedPaintDevice *device, QString *error)
{
    if (!summary.isValid()) {
        if (error)
            *error = summary.error();
        return false;
    }
    const std::unique_ptr<QTextDocument> body = paginate(summary, device);
    const QSizeF page = body->pageSize();
    const int pages = body->pageCount();
    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = QCoreApplication::translate("SummaryPainter", "Cannot start painting on the printer or file.");
        return false;
    }
    const qreal top = mmToDevice(headerBandMm, device);
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !device->newPage()) {
            if (error)
                *error = QCoreApplication::translate("SummaryPainter", "Cannot start a new page.");
            return false;
        }
        paintHeader(painter, summary, device, i + 1, pages);
        painter.save();
        painter.translate(0, top - i * page.height());
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        body->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    return painter.end();
}

} // namespace gongji
