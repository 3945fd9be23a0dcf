#pragma once
#include <QString>

namespace gongji {

class PrintableSummary;

// Saves a summary as a PDF file: A4, the summary's own margins, searchable text.
class SummaryPdf
{
public:
    // False with *error set (in the UI language) when the summary is invalid or the file
    // cannot be written.
    static bool write(const PrintableSummary &summary, const QString &path, QString *error = nullptr);
};

} // namespace gongji
