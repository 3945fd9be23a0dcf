#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"

class QPagedPaintDevice;

namespace gongji {

// One print of a summary, in the right order for the desk and `gongji-admin print`: build it
// once unstamped (a filing or binding that cannot be printed leaves no audit entry), write the
// "print" audit entry, build it again with that stamp (补打 on a reprint), paint it.
// A preview that repaints must not use this: it would record every repaint.
class SummaryPrintJob
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // in the UI language
        PrintStamp stamp; // recorded when the document could be built
    };

    SummaryPrintJob(const QString &connection, const OfficeInfo &office, const QString &language, const QString &clerk);

    Result filingToPdf(const QString &filingNumber, const QString &pdfPath) const;
    Result revocationToPdf(qint64 bindingId, const QString &pdfPath) const;
    Result kinshipToPdf(const QString &kinshipNumber, const QString &pdfPath) const;
    // device: a QPrinter from the print dialog (the caller applies SummaryPainter::applyPageLayout).
    Result filingToDevice(const QString &filingNumber, QPagedPaintDevice *device) const;
    Result revocationToDevice(qint64 bindingId, QPagedPaintDevice *device) const;
    Result kinshipToDevice(const QString &kinshipNumber, QPagedPaintDevice *device) const;
    // The same for any kind of document; `key` as PrintRecord takes it (filing number, binding
    // id, kinship number).
    Result toPdf(PrintRecord::Document document, const QString &key, const QString &pdfPath) const;
    Result toDevice(PrintRecord::Document document, const QString &key, QPagedPaintDevice *device) const;

    // The document built without recording a print: for a preview, or to check it can be built.
    PrintableSummary build(PrintRecord::Document document, const QString &key, const PrintStamp &stamp = {}) const;

private:
    Result run(PrintRecord::Document document, const QString &key, const QString &pdfPath,
               QPagedPaintDevice *device) const;

    QString m_connection;
    OfficeInfo m_office;
    QString m_language;
    QString m_clerk;
};

} // namespace gongji
