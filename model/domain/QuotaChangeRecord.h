#pragma once
#include <QDateTime>
#include <QString>
#include <optional>

namespace gongji {

// One change of the quota (调整额度) of an active mutual-aid binding: who changed it, when, from
// what to what. Empty = no quota.
struct QuotaChangeRecord
{
    qint64 id = 0;
    qint64 bindingId = 0;
    QDateTime changedAt; // UTC
    QString clerk;
    std::optional<qint64> beforeFen;
    std::optional<qint64> afterFen;
};

} // namespace gongji
