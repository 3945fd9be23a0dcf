#pragma once
#include <QList>
#include <QString>

namespace gongji {

// Stable codes: the same text in the UI, the CLI, the logs and the tests (docs/domain.md §6, §8).
enum class RefusalCode {
    None,
    IdFormatInvalid,
    IdChecksumInvalid,
    IdTypeNotAccepted,
    PersonNotFound,
    NameMismatch,
    AuthorizerNotEmployee,
    AuthorizerNotActive,
    TargetNotActive,
    PublicMedicalExcluded,
    RelationshipNotAllowed,
    ScopeMismatch,
    SelfBinding,
    AlreadyBound,
    TargetBoundElsewhere,
    TargetLimitReached,
    MutualNotAllowed,
    CooldownActive,
    SpouseAlreadyBound,
    RelationshipConflict,
    PeriodInvalid,
    CommitmentMissing,
    NoRuleInEffect,
    HolderMemberLimit,
    FaceVerificationRequired,
    HouseholdRegisterRequired,
    QuotaRequired,
    QuotaExceedsBalance,
    QuotaNotAllowed,
    // Warnings: the clerk must confirm them, they never refuse on their own.
    AgeImplausible,
    RelationshipUnusual,
};

class RefusalCodes
{
public:
    // "ID_FORMAT_INVALID" …; empty for None.
    static QString name(RefusalCode code);
    // RefusalCode::None for an unknown name.
    static RefusalCode fromName(const QString &name);
    static bool isWarning(RefusalCode code);
    // One sentence in the UI language: what is wrong and what the clerk can do.
    static QString message(RefusalCode code);
    // Every code except None, in declaration order.
    static QList<RefusalCode> all();
};

} // namespace gongji
