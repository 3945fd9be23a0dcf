#include "model/printing/SummaryPrintJob.h"

#include "model/printing/KinshipSummary.h"
#include "model/printing/QuotaChangeSummary.h"
#include "model/printing/RevocationSummary.h"
#include "model/printing/SummaryDocument.h"
#include "model/printing/SummaryPainter.h"
#include "model/printing/SummaryPdf.h"

namespace gongji {

SummaryPrintJob::SummaryPrintJob(const QString &connection, const OfficeInfo &office, const QString &language,
                                 const QString &clerk)
    : m_connection(connection)
    , m_office(office)
    , m_language(language)
    , m_clerk(clerk)
{}

SummaryPrintJob::Result SummaryPrintJob::filingToPdf(const QString &filingNumber, const QString &pdfPath) const
{
    return run(PrintRecord::Document::Filing, filingNumber.trimmed(), pdfPath, nullptr);
}

SummaryPrintJob::Result SummaryPrintJob::revocationToPdf(qint64 bindingId, const QString &pdfPath) const
{
    return run(PrintRecord::Document::Revocation, QString::number(bindingId), pdfPath, nullptr);
}

SummaryPrintJob::Result SummaryPrintJob::kinshipToPdf(const QString &kinshipNumber, const QString &pdfPath) const
{
    return run(PrintRecord::Document::Kinship, kinshipNumber.trimmed(), pdfPath, nullptr);
}

SummaryPrintJob::Result SummaryPrintJob::filingToDevice(const QString &filingNumber, QPagedPaintDevice *device) const
{
    return run(PrintRecord::Document::Filing, filingNumber.trimmed(), {}, device);
}

SummaryPrintJob::Result SummaryPrintJob::revocationToDevice(qint64 bindingId, QPagedPaintDevice *device) const
{
    return run(PrintRecord::Document::Revocation, QString::number(bindingId), {}, device);
}

SummaryPrintJob::Result SummaryPrintJob::kinshipToDevice(const QString &kinshipNumber, QPagedPaintDevice *device) const
{
    return run(PrintRecord::Document::Kinship, kinshipNumber.trimmed(), {}, device);
}

SummaryPrintJob::Result SummaryPrintJob::toPdf(PrintRecord::Document document, const QString &key,
                                               const QString &pdfPath) const
{
    return run(document, key.trimmed(), pdfPath, nullptr);
}

SummaryPrintJob::Result SummaryPrintJob::toDevice(PrintRecord::Document document, const QString &key,
                                                  QPagedPaintDevice *device) const
{
    return run(document, key.trimmed(), {}, device);
}

PrintableSummary SummaryPrintJob::build(PrintRecord::Document document, const QString &key,
                                        const PrintStamp &stamp) const
{
    switch (document) {
    case PrintRecord::Document::Filing:
        break;
    case PrintRecord::Document::Revocation:
        return RevocationSummary(m_connection, m_office, m_language).build(key.toLongLong(), stamp);
    case PrintRecord::Document::Kinship:
        return KinshipSummary(m_connection, m_office, m_language).build(key, stamp);
    case PrintRecord::Document::QuotaChange:
        return QuotaChangeSummary(m_connection, m_office, m_language).build(key.toLongLong(), stamp);
    }
    return SummaryDocument(m_connection, m_office, m_language).build(key, stamp);
}

SummaryPrintJob::Result SummaryPrintJob::run(PrintRecord::Document document, const QString &key, const QString &pdfPath,
                                             QPagedPaintDevice *device) const
{
    Result result;
    if (const PrintableSummary check = build(document, key); !check.isValid()) {
        result.error = check.error();
        return result;
    }
    result.stamp = PrintRecord(m_connection)
                       .record(document, key, m_clerk, device ? QStringLiteral("printer") : QStringLiteral("pdf"),
                               &result.error);
    if (!result.stamp.isRecorded())
        return result;
    const PrintableSummary summary = build(document, key, result.stamp);
    result.ok = device ? SummaryPainter::paint(summary, device, &result.error)
                       : SummaryPdf::write(summary, pdfPath, &result.error);
    return result;
}

} // namespace gongji
