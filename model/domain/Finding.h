#pragma once
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "model/domain/ConflictingBinding.h"
#include "model/domain/RefusalCode.h"

namespace gongji {

// One refusal or warning, tied to the field that causes it so the UI can show it there.
struct Finding
{
    enum class Field {
        None,
        AuthorizerId,
        AuthorizerName,
        Commitment,
        Relationship,
        TargetIdType,
        TargetId,
        TargetName,
        Target,
        ValidUntil,
        Quota
    };

    RefusalCode code = RefusalCode::None;
    Field field = Field::None;
    QString detail; // specifics, e.g. the current authorizer's name for TARGET_BOUND_ELSEWHERE
    std::optional<ConflictingBinding> conflict; // the binding that disagrees (relationship codes)

    bool isWarning() const { return RefusalCodes::isWarning(code); }
    // "CODE: message (detail)" in the UI language.
    QString text() const;
};

using Findings = QList<Finding>;

bool hasRefusal(const Findings &findings);
bool hasWarning(const Findings &findings);
QStringList refusalNames(const Findings &findings); // sorted by code order, unique
QStringList warningNames(const Findings &findings);

} // namespace gongji
