#include "model/domain/RefusalCode.h"

#include <QCoreApplication>

namespace gongji {

namespace {

struct CodeInfo
{
    RefusalCode code;
    const char *name;
    const char *message;
};

// The one table of codes: name for machines, message for people.
const CodeInfo kCodes[] = {
    {RefusalCode::IdFormatInvalid, "ID_FORMAT_INVALID",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The ID number does not have the format of this document type. Check the document type and "
                       "re-type the number.")},
    {RefusalCode::IdChecksumInvalid, "ID_CHECKSUM_INVALID",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The ID number's check character is wrong. Re-type the number from the document.")},
    {RefusalCode::IdTypeNotAccepted, "ID_TYPE_NOT_ACCEPTED",
     QT_TRANSLATE_NOOP("RefusalCode", "This document type is not accepted by the rule set in force.")},
    {RefusalCode::PersonNotFound, "PERSON_NOT_FOUND",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "No insured person with this document is in the registry. Check the number, or ask the person "
                       "to register with the insurance first.")},
    {RefusalCode::NameMismatch, "NAME_MISMATCH",
     QT_TRANSLATE_NOOP("RefusalCode", "The name does not match the registry for this ID number.")},
    {RefusalCode::AuthorizerNotEmployee, "AUTHORIZER_NOT_EMPLOYEE",
     QT_TRANSLATE_NOOP("RefusalCode", "Only employee medical insurance (310) holders may authorize mutual aid.")},
    {RefusalCode::AuthorizerNotActive, "AUTHORIZER_NOT_ACTIVE",
     QT_TRANSLATE_NOOP("RefusalCode", "The authorizer's insurance status is not normal (active).")},
    {RefusalCode::TargetNotActive, "TARGET_NOT_ACTIVE",
     QT_TRANSLATE_NOOP("RefusalCode", "The target's insurance status is not normal (active).")},
    {RefusalCode::PublicMedicalExcluded, "PUBLIC_MEDICAL_EXCLUDED",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "Public medical care (公费医疗) personnel are excluded from mutual aid in this region.")},
    {RefusalCode::RelationshipNotAllowed, "RELATIONSHIP_NOT_ALLOWED",
     QT_TRANSLATE_NOOP("RefusalCode", "This relationship is not allowed by the rule set in force.")},
    {RefusalCode::ScopeMismatch, "SCOPE_MISMATCH",
     QT_TRANSLATE_NOOP("RefusalCode", "The target is insured outside the territorial scope the rule set allows.")},
    {RefusalCode::SelfBinding, "SELF_BINDING",
     QT_TRANSLATE_NOOP("RefusalCode", "A person cannot be bound to himself or herself.")},
    {RefusalCode::AlreadyBound, "ALREADY_BOUND",
     QT_TRANSLATE_NOOP("RefusalCode", "This authorizer and target are already bound.")},
    {RefusalCode::TargetBoundElsewhere, "TARGET_BOUND_ELSEWHERE",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The target already has the most authorizers the rule set allows; the current binding must be "
                       "revoked first.")},
    {RefusalCode::TargetLimitReached, "TARGET_LIMIT_REACHED",
     QT_TRANSLATE_NOOP("RefusalCode", "The authorizer already has the most targets the rule set allows.")},
    {RefusalCode::MutualNotAllowed, "MUTUAL_NOT_ALLOWED",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The target already authorizes this authorizer, and mutual binding is not allowed here.")},
    {RefusalCode::CooldownActive, "COOLDOWN_ACTIVE",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "This pair was revoked recently; it may be bound again only after the waiting period.")},
    {RefusalCode::SpouseAlreadyBound, "SPOUSE_ALREADY_BOUND",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "One of the two already has a spouse in an active binding with someone else; a person has one "
                       "spouse. Check the marriage certificate; revoke the other binding first if it is wrong.")},
    {RefusalCode::RelationshipConflict, "RELATIONSHIP_CONFLICT",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The relationship contradicts the active binding between the same two people in the other "
                       "direction (e.g. parent there, parent here). Correct the relationship.")},
    {RefusalCode::PeriodInvalid, "PERIOD_INVALID",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The authorization period must end after the filing date and be no longer than the rule set "
                       "allows. Correct the date or leave it empty.")},
    {RefusalCode::CommitmentMissing, "COMMITMENT_MISSING",
     QT_TRANSLATE_NOOP("RefusalCode", "The commitment letter has not been acknowledged and signed.")},
    {RefusalCode::NoRuleInEffect, "NO_RULE_IN_EFFECT",
     QT_TRANSLATE_NOOP("RefusalCode", "No mutual-aid rule set is in effect for this region on the filing date.")},
    {RefusalCode::HolderMemberLimit, "HOLDER_MEMBER_LIMIT",
     QT_TRANSLATE_NOOP("RefusalCode", "The kinship account holder already has the maximum of 5 members.")},
    {RefusalCode::FaceVerificationRequired, "FACE_VERIFICATION_REQUIRED",
     QT_TRANSLATE_NOOP("RefusalCode", "A member aged 16 or over must pass face verification first.")},
    {RefusalCode::HouseholdRegisterRequired, "HOUSEHOLD_REGISTER_REQUIRED",
     QT_TRANSLATE_NOOP("RefusalCode", "For a member under 16 the household register (户口本) must be seen.")},
    {RefusalCode::QuotaRequired, "QUOTA_REQUIRED",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The target is insured in another province: the rule set in force needs a quota (共济额度) in "
                       "yuan, more than 0. Enter the amount to set aside.")},
    {RefusalCode::QuotaExceedsBalance, "QUOTA_EXCEEDS_BALANCE",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The quotas would set aside more than the authorizer's balance above the reserve floor. Lower "
                       "the quota to what is still free.")},
    {RefusalCode::QuotaNotAllowed, "QUOTA_NOT_ALLOWED",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The rule set in force does not set money aside as a quota (共济额度). Leave the quota empty.")},
    {RefusalCode::AgeImplausible, "AGE_IMPLAUSIBLE",
     QT_TRANSLATE_NOOP("RefusalCode", "The ages do not fit the relationship. Check the documents and confirm.")},
    {RefusalCode::RelationshipUnusual, "RELATIONSHIP_UNUSUAL",
     QT_TRANSLATE_NOOP("RefusalCode",
                       "The authorizer would have two parents of the same sex, or more than two parents (a step-parent "
                       "is possible). Check the documents and confirm.")},
};

const CodeInfo *infoOf(RefusalCode code)
{
    for (const CodeInfo &info : kCodes) {
        if (info.code == code)
            return &info;
    }
    return nullptr;
}

} // namespace

QString RefusalCodes::name(RefusalCode code)
{
    const CodeInfo *info = infoOf(code);
    return info ? QString::fromLatin1(info->name) : QString();
}

RefusalCode RefusalCodes::fromName(const QString &name)
{
    for (const CodeInfo &info : kCodes) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    return RefusalCode::None;
}

bool RefusalCodes::isWarning(RefusalCode code)
{
    return code == RefusalCode::AgeImplausible || code == RefusalCode::RelationshipUnusual;
}

QString RefusalCodes::message(RefusalCode code)
{
    const CodeInfo *info = infoOf(code);
    return info ? QCoreApplication::translate("RefusalCode", info->message) : QString();
}

QList<RefusalCode> RefusalCodes::all()
{
    QList<RefusalCode> codes;
    for (const CodeInfo &info : kCodes)
        codes.append(info.code);
    return codes;
}

} // namespace gongji
