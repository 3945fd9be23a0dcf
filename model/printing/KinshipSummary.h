#pragma once
#include <QString>

#include "model/office/OfficeInfo.h"
#include "model/printing/PrintRecord.h"
#include "model/printing/PrintableSummary.h"

namespace gongji {

// Builds the 医保亲情账户绑定确认单 of a stored kinship-account binding (docs/domain.md §8), by its
// QQ… number. Deliberately unlike the mutual-aid forms: its own title, and right under it the
// plain statement that a kinship account only shows the member's e-voucher and moves no money
// (亲情账户 ≠ 共济), because citizens confuse the two.
class KinshipSummary
{
public:
    // language: "zh_CN" (default) or "en".
    KinshipSummary(const QString &connection, const OfficeInfo &office,
                   const QString &language = QStringLiteral("zh_CN"));

    // An ended binding still prints (as bound, with its end time); invalid with an error when
    // there is no binding with that number.
    PrintableSummary build(const QString &kinshipNumber, const PrintStamp &stamp = {}) const;

private:
    QString m_connection;
    OfficeInfo m_office;
    QString m_language;
};

} // namespace gongji
