#include "model/kinship/KinshipEvaluator.h"

#include <QCoreApplication>
#include <algorithm>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KinshipEvaluator)
};

// Looks one side up; adds the ID and registry findings for it.
std::optional<Person> lookUp(const QString &connection, const QString &type, const QString &number, const QString &name,
                             Finding::Field idField, Finding::Field nameField, Findings &findings)
{
    const IdCheck id = IdNumber::check(type, number);
    if (!id.isValid()) {
        findings.append(Finding{id.error, idField, id.detail});
        return std::nullopt;
    }
    std::optional<Person> person = PersonStore(connection).findByDocument(id.type, id.number);
    if (!person) {
        findings.append(Finding{RefusalCode::PersonNotFound, idField, {}});
        return std::nullopt;
    }
    if (!name.trimmed().isEmpty() && name.trimmed() != person->name)
        findings.append(Finding{RefusalCode::NameMismatch, nameField, {}});
    return person;
}

} // namespace

KinshipEvaluator::KinshipEvaluator(const QString &connection) : m_connection(connection) {}

KinshipVerdict KinshipEvaluator::evaluate(const KinshipDraft &draft, const QList<PendingKinship> &pending) const
{
    KinshipVerdict verdict;
    Findings &findings = verdict.findings;
    // Fields: the holder plays the authorizer's part on screen, the member the target's.
    verdict.holder = lookUp(m_connection, draft.holderIdType, draft.holderIdNumber, draft.holderName,
                            Finding::Field::AuthorizerId, Finding::Field::AuthorizerName, findings);
    verdict.member = lookUp(m_connection, draft.memberIdType, draft.memberIdNumber, draft.memberName,
                            Finding::Field::TargetId, Finding::Field::TargetName, findings);
    if (!Relationship::isKnown(draft.relationship))
        findings.append(Finding{RefusalCode::RelationshipNotAllowed, Finding::Field::Relationship, draft.relationship});

    const std::optional<KinshipRule> rule = KinshipStore(m_connection).ruleOn(draft.filedOn);
    if (verdict.member && rule) {
        const Person &member = *verdict.member;
        const bool adult = rule->needsFaceVerification(member.birthDate, draft.filedOn);
        if (adult && !draft.faceVerified)
            findings.append(Finding{RefusalCode::FaceVerificationRequired, Finding::Field::Target,
                                    Text::tr("member aged %1 or over").arg(rule->faceVerificationAge)});
        if (!adult && !draft.householdRegisterSeen)
            findings.append(Finding{RefusalCode::HouseholdRegisterRequired, Finding::Field::Target,
                                    Text::tr("member under %1").arg(rule->faceVerificationAge)});
    }
    if (!verdict.holder || !verdict.member || !rule)
        return verdict;

    const qint64 holderId = verdict.holder->id;
    const qint64 memberId = verdict.member->id;
    if (holderId == memberId) {
        findings.append(Finding{RefusalCode::SelfBinding, Finding::Field::TargetId, {}});
        return verdict;
    }
    KinshipStore store(m_connection);
    const bool pendingPair = std::any_of(pending.begin(), pending.end(), [&](const PendingKinship &p) {
        return p.holderId == holderId && p.memberId == memberId;
    });
    if (store.activePairExists(holderId, memberId) || pendingPair) {
        findings.append(Finding{RefusalCode::AlreadyBound, Finding::Field::TargetId, {}});
        return verdict;
    }
    const qint64 members = store.activeByHolder(holderId).size()
        + std::count_if(pending.begin(), pending.end(),
                        [&](const PendingKinship &p) { return p.holderId == holderId; });
    if (members >= rule->maxMembersPerHolder)
        findings.append(Finding{RefusalCode::HolderMemberLimit, Finding::Field::Target,
                                Text::tr("%1 of at most %2 members").arg(members).arg(rule->maxMembersPerHolder)});
    return verdict;
}

} // namespace gongji
