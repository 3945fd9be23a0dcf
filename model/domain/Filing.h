#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>

namespace gongji {

// One counter (or batch) filing: an authorizer, a commitment, one or more bindings.
struct Filing
{
    qint64 id = 0;
    QString number; // GJ20261122-0001
    qint64 authorizerId = 0;
    QString clerk;
    QString channel; // "counter" / "batch"
    QDateTime filedAt; // UTC
    QDate effectiveOn;
    qint64 ruleSetId = 0;
    QString commitmentVersion;
    QDateTime commitmentAt; // UTC
    // How the authorizer acknowledged it: "paper" (the clerk ticked the signed paper copy) or
    // "citizen_screen" (the authorizer ticked it on the citizen's screen at commitmentAt).
    QString commitmentMethod = QStringLiteral("paper");
};

} // namespace gongji
