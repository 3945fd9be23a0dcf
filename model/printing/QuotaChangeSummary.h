#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"

namespace gongji {

// Builds the 个人账户家庭共济额度调整确认单 of one stored quota change (调整额度): the two people,
// the quota before and after, when and by which clerk, from the database. Its QR code carries
// the filing number the binding belongs to, like the revocation form.
class QuotaChangeSummary
{
public:
    // language: "zh_CN" (default) or "en".
    QuotaChangeSummary(const QString &connection, const OfficeInfo &office,
                       const QString &language = QStringLiteral("zh_CN"));

    // Invalid with an error when there is no such change.
    PrintableSummary build(qint64 changeId, const PrintStamp &stamp = {}) const;

private:
    QString m_connection;
    OfficeInfo m_office;
    QString m_language;
};

} // namespace gongji
