#include "model/printing/SummaryPdf.h"

#include <QCoreApplication>
#include <QFile>
#include <QPdfWriter>

#include "model/printing/PrintableSummary.h"
#include "model/printing/SummaryPainter.h"

namespace gongji {

bool SummaryPdf::write(const PrintableSummary &summary, const QString &path, QString *error)
{
    if (!summary.isValid()) {
        if (error)
            *error = summary.error();
        return false;
    }
    {
        QFile probe(path); // a clear message for an unwritable path, instead of a failed QPainter
        if (!probe.open(QIODevice::WriteOnly)) {
            if (error)
                *error = QCoreApplication::translate("SummaryPdf", "Cannot write the PDF file %1: %2")
                             .arg(path, probe.errorString());
            return false;
        }
    }
    bool ok = false;
    {
        QPdfWriter writer(path); // writes when it is destroyed, at the end of this block
        writer.setResolution(600);
        writer.setTitle(summary.title() + QStringLiteral(" ") + summary.reference());
        writer.setCreator(QStringLiteral("Gongji Desk"));
        SummaryPainter::applyPageLayout(&writer);
        ok = SummaryPainter::paint(summary, &writer, error);
    }
    if (ok && QFile(path).size() == 0) {
        ok = false;
        if (error)
            *error = QCoreApplication::translate("SummaryPdf", "Cannot write the PDF file %1: %2")
                         .arg(path, QCoreApplication::translate("SummaryPdf", "nothing was written"));
    }
    return ok;
}

} // namespace gongji
