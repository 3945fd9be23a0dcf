#pragma once
#include <QDateTime>
#include <QString>
#include <optional>

#include "model/domain/BindingStatus.h"
#include "model/domain/EndRequester.h"

namespace gongji {

// A kinship-account binding (亲情账户): the holder may show the member's e-voucher. No money moves.
struct KinshipBinding
{
    qint64 id = 0;
    QString number; // QQ20261122-0001
    qint64 holderId = 0;
    qint64 memberId = 0;
    QString relationship; // what the member is to the holder
    bool faceVerified = false;
    bool householdRegisterSeen = false;
    QString clerk;
    QString channel; // "counter" / "batch"
    BindingStatus status = BindingStatus::Active;
    QDateTime startedAt;
    QDateTime endedAt;
    QString endedBy;
    std::optional<EndRequester> endRequestedBy; // Holder, Member or System; empty while active
    QString endReason;
};

} // namespace gongji
