#pragma once
#include <QString>

namespace gongji {

// A binding accepted earlier in the same draft or batch but not stored yet: the checks must
// count it as if it were (limits, same pair twice, mutual).
struct PendingBinding
{
    qint64 authorizerId = 0;
    qint64 targetId = 0;
    QString relationship; // for the relationships that must agree
    int batchRow = 0; // > 0: the row of a filings file it comes from; 0: the same filing
    qint64 quotaFen = 0; // set aside by it (共济额度), counted against the authorizer's balance
};

} // namespace gongji
