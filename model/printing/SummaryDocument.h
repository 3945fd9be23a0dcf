#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"

namespace gongji {

// Builds the 个人账户家庭共济备案确认单 of a stored filing (docs/domain.md §9). Everything printed
// comes from the database by filing number, never from the wizard's state, so the desk, a
// reprint and `gongji-admin print` produce the same document.
class SummaryDocument
{
public:
    // language: "zh_CN" (the default: the form is Chinese) or "en".
    SummaryDocument(const QString &connection, const OfficeInfo &office,
                    const QString &language = QStringLiteral("zh_CN"));

    // stamp: this print as PrintRecord::record() wrote it (补打 when a reprint); an unrecorded
    // stamp prints neither print time nor 补打 (a preview before anything is printed).
    PrintableSummary build(const QString &filingNumber, const PrintStamp &stamp = {}) const;

private:
    QString m_connection;
    OfficeInfo m_office;
    QString m_language;
};

} // namespace gongji
