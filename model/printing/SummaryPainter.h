#pragma once
#include <QString>

class QPagedPaintDevice;

namespace gongji {

class PrintableSummary;

// Lays a summary out on pages and paints it: the running header (title, reference, page x of
// y) at the top of every page, the body below. Works on any paged device: QPdfWriter, and the
// QPrinter of a print or preview dialog. Qt adds no page number or margin of its own here,
// because QTextDocument::print() is not used.
class SummaryPainter
{
public:
    // A4 portrait with the summary's margins; call before painting (and before a print
    // dialog, so the dialog shows them).
    static void applyPageLayout(QPagedPaintDevice *device);
    // Paints on the device's current page layout. False with *error set when it cannot paint.
    static bool paint(const PrintableSummary &summary, QPagedPaintDevice *device, QString *error = nullptr);
    // Pages the body takes on that device's layout.
    static int pageCount(const PrintableSummary &summary, QPagedPaintDevice *device);
};

} // namespace gongji
