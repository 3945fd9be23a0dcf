#include "model/printing/PrintableSummary.h"

#include <QTextDocument>

#include "model/printing/SummaryHtml.h"

namespace gongji {

PrintableSummary::PrintableSummary() = default;

PrintableSummary::PrintableSummary(HtmlSource html, const QImage &qrCode, const QString &title,
                                   const QString &reference, const QString &language, const QString &fontFamily)
    : m_html(std::move(html))
    , m_qrCode(qrCode)
    , m_title(title)
    , m_reference(reference)
    , m_language(language)
    , m_fontFamily(fontFamily)
{
    m_body = createDocument({});
}

PrintableSummary::PrintableSummary(PrintableSummary &&) noexcept = default;
PrintableSummary &PrintableSummary::operator=(PrintableSummary &&) noexcept = default;
PrintableSummary::~PrintableSummary() = default;

PrintableSummary PrintableSummary::failure(const QString &error)
{
    PrintableSummary summary;
    summary.m_error = error;
    return summary;
}

std::unique_ptr<QTextDocument> PrintableSummary::createDocument(const QList<int> &rowBreaks) const
{
    if (!m_html)
        return nullptr;
    return SummaryHtml::makeDocument(m_html(rowBreaks), m_fontFamily, m_qrCode, m_title);
}

} // namespace gongji
