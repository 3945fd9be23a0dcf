#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"

namespace gongji {

// Builds the 个人账户家庭共济解除确认单 of an ended binding from the database: the two people,
// who asked, why, when and by which clerk it ended. Its QR code carries the filing number the
// binding belonged to, the key for looking the household up again.
class RevocationSummary
{
public:
    // language: "zh_CN" (default) or "en".
    RevocationSummary(const QString &connection, const OfficeInfo &office,
                      const QString &language = QStringLiteral("zh_CN"));

    // Invalid with an error when the binding does not exist or has not ended.
    PrintableSummary build(qint64 bindingId, const PrintStamp &stamp = {}) const;

private:
    QString m_connection;
    OfficeInfo m_office;
    QString m_language;
};

} // namespace gongji
