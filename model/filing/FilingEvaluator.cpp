#include "model/filing/FilingEvaluator.h"

#include <QCoreApplication>
#include <algorithm>

#include "model/domain/IdNumber.h"
#include "model/domain/Relationship.h"
#include "model/filing/QuotaCheck.h"
#include "model/filing/RelationshipAgreement.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FilingEvaluator)
};

void add(Findings &findings, RefusalCode code, Finding::Field field, const QString &detail = {})
{
    findings.append(Finding{code, field, detail});
}

bool pendingHas(const QList<PendingBinding> &pending, qint64 authorizerId, qint64 targetId)
{
    return std::any_of(pending.begin(), pending.end(), [&](const PendingBinding &p) {
        return p.authorizerId == authorizerId && p.targetId == targetId;
    });
}

// A parent at least 14 years older, a grandchild at least 28 younger … (docs/domain.md §4).
bool agePlausible(const QString &relationship, const Person &authorizer, const Person &target)
{
    const int gap = Relationship::minimumAgeGap(relationship);
    if (gap == 0 || !authorizer.birthDate.isValid() || !target.birthDate.isValid())
        return true;
    if (gap > 0)
        return target.birthDate.addYears(gap) <= authorizer.birthDate;
    return authorizer.birthDate.addYears(-gap) <= target.birthDate;
}

} // namespace

Findings FilingVerdict::findingsFor(int targetIndex) const
{
    Findings all = authorizer.findings;
    if (targetIndex >= 0 && targetIndex < targets.size())
        all += targets.at(targetIndex).findings;
    return all;
}

bool FilingVerdict::targetAccepted(int targetIndex, bool warningsConfirmed) const
{
    if (authorizer.refused() || targetIndex < 0 || targetIndex >= targets.size())
        return false;
    const TargetVerdict &target = targets.at(targetIndex);
    return !target.refused() && (warningsConfirmed || !target.hasWarnings());
}

FilingEvaluator::FilingEvaluator(const QString &connection) : m_connection(connection) {}

NeighbourhoodStore::Request FilingEvaluator::readsFor(const FilingDraft &draft)
{
    NeighbourhoodStore::Request request;
    request.on = draft.filedOn;
    if (const IdCheck id = IdNumber::check(draft.authorizerIdType, draft.authorizerIdNumber); id.isValid())
        request.authorizer = NeighbourhoodStore::Document{id.type, id.number};
    for (const TargetEntry &target : draft.targets) {
        if (const IdCheck id = IdNumber::check(target.idType, target.idNumber); id.isValid())
            request.targets << NeighbourhoodStore::Document{id.type, id.number};
    }
    return request;
}

FilingNeighbourhood FilingEvaluator::read(const FilingDraft &draft, const QList<PendingBinding> &pending) const
{
    NeighbourhoodStore::Request request = readsFor(draft);
    for (const PendingBinding &p : pending)
        request.alsoNamed << p.authorizerId << p.targetId;
    return NeighbourhoodStore(m_connection).load(request);
}

AuthorizerVerdict FilingEvaluator::checkAuthorizer(const FilingDraft &draft) const
{
    return checkAuthorizer(draft, read(draft));
}

FilingVerdict FilingEvaluator::evaluate(const FilingDraft &draft, const QList<PendingBinding> &earlier) const
{
    return evaluate(draft, read(draft, earlier), earlier);
}

AuthorizerVerdict FilingEvaluator::checkAuthorizer(const FilingDraft &draft, const FilingNeighbourhood &around)
{
    AuthorizerVerdict verdict;
    if (!draft.commitmentAcknowledged)
        add(verdict.findings, RefusalCode::CommitmentMissing, Finding::Field::Commitment);

    const IdCheck id = IdNumber::check(draft.authorizerIdType, draft.authorizerIdNumber);
    if (!id.isValid()) {
        add(verdict.findings, id.error, Finding::Field::AuthorizerId, id.detail);
        return verdict;
    }
    verdict.person = around.byDocument(id.type, id.number);
    if (!verdict.person) {
        add(verdict.findings, RefusalCode::PersonNotFound, Finding::Field::AuthorizerId);
        return verdict;
    }
    const Person &person = *verdict.person;
    if (!draft.authorizerName.trimmed().isEmpty() && draft.authorizerName.trimmed() != person.name)
        add(verdict.findings, RefusalCode::NameMismatch, Finding::Field::AuthorizerName);
    if (!person.isEmployee())
        add(verdict.findings, RefusalCode::AuthorizerNotEmployee, Finding::Field::AuthorizerId,
            Person::insuranceLabel(person.insuranceType));
    if (!person.isActive())
        add(verdict.findings, RefusalCode::AuthorizerNotActive, Finding::Field::AuthorizerId,
            Person::statusLabel(person.status));

    verdict.ruleSet = around.ruleSet;
    if (!verdict.ruleSet) {
        add(verdict.findings, RefusalCode::NoRuleInEffect, Finding::Field::AuthorizerId,
            Text::tr("region %1, date %2").arg(person.poolingRegion, draft.filedOn.toString(Qt::ISODate)));
        return verdict;
    }
    if (!verdict.ruleSet->idTypes.contains(id.type))
        add(verdict.findings, RefusalCode::IdTypeNotAccepted, Finding::Field::AuthorizerId);
    if (verdict.ruleSet->excludePublicMedical && person.publicMedical)
        add(verdict.findings, RefusalCode::PublicMedicalExcluded, Finding::Field::AuthorizerId);
    return verdict;
}

TargetVerdict FilingEvaluator::checkTarget(const AuthorizerVerdict &authorizer, const TargetEntry &target,
                                           const QDate &filedOn, const QList<PendingBinding> &pending,
                                           const FilingNeighbourhood &around)
{
    TargetVerdict verdict;
    Findings &findings = verdict.findings;
    const std::optional<RuleSet> &rules = authorizer.ruleSet;

    if (rules && !rules->relationships.contains(target.relationship))
        add(findings, RefusalCode::RelationshipNotAllowed, Finding::Field::Relationship,
            Relationship::isKnown(target.relationship) ? Relationship::label(target.relationship)
                                                       : target.relationship);

    if (target.validUntil.isValid()) {
        if (target.validUntil <= filedOn)
            add(findings, RefusalCode::PeriodInvalid, Finding::Field::ValidUntil,
                Text::tr("%1 is not after the filing date %2")
                    .arg(target.validUntil.toString(Qt::ISODate), filedOn.toString(Qt::ISODate)));
        else if (rules && rules->maxPeriodMonths && target.validUntil > filedOn.addMonths(*rules->maxPeriodMonths))
            add(findings, RefusalCode::PeriodInvalid, Finding::Field::ValidUntil,
                Text::tr("at most %1 months: until %2 at the latest")
                    .arg(*rules->maxPeriodMonths)
                    .arg(filedOn.addMonths(*rules->maxPeriodMonths).toString(Qt::ISODate)));
    }

    const IdCheck id = IdNumber::check(target.idType, target.idNumber);
    if (!id.isValid()) {
        add(findings, id.error,
            id.error == RefusalCode::IdTypeNotAccepted ? Finding::Field::TargetIdType : Finding::Field::TargetId,
            id.detail);
        return verdict;
    }
    if (rules && !rules->idTypes.contains(id.type))
        add(findings, RefusalCode::IdTypeNotAccepted, Finding::Field::TargetIdType);

    verdict.person = around.byDocument(id.type, id.number);
    if (!verdict.person) {
        add(findings, RefusalCode::PersonNotFound, Finding::Field::TargetId);
        return verdict;
    }
    const Person &person = *verdict.person;
    if (!target.name.trimmed().isEmpty() && target.name.trimmed() != person.name)
        add(findings, RefusalCode::NameMismatch, Finding::Field::TargetName);
    if (authorizer.person && authorizer.person->id == person.id) {
        add(findings, RefusalCode::SelfBinding, Finding::Field::TargetId);
        return verdict; // binding oneself: the pair checks below would only repeat it
    }
    if (!person.isActive())
        add(findings, RefusalCode::TargetNotActive, Finding::Field::Target, Person::statusLabel(person.status));
    if (rules && rules->excludePublicMedical && person.publicMedical)
        add(findings, RefusalCode::PublicMedicalExcluded, Finding::Field::Target);
    if (!authorizer.person || !rules)
        return verdict;

    const Person &auth = *authorizer.person;
    if (!rules->scopeCovers(auth, person))
        add(findings, RefusalCode::ScopeMismatch, Finding::Field::Target,
            Text::tr("target insured in %1, authorizer in %2; rule: %3")
                .arg(person.poolingRegion, auth.poolingRegion, RuleSet::scopeLabel(rules->scope)));

    qint64 setAsideFen = around.quotaSetAside(auth.id);
    for (const PendingBinding &p : pending) {
        if (p.authorizerId == auth.id)
            setAsideFen += p.quotaFen;
    }
    findings += QuotaCheck::check(*rules, auth, person, target.quotaFen, setAsideFen);
    if (around.pairActive(auth.id, person.id) || pendingHas(pending, auth.id, person.id)) {
        add(findings, RefusalCode::AlreadyBound, Finding::Field::TargetId);
    } else {
        if (rules->maxAuthorizersPerTarget) {
            QStringList current;
            for (const MutualAidBinding &b : around.byTarget(person.id)) {
                if (const std::optional<Person> other = around.byId(b.authorizerId))
                    current << other->name;
            }
            for (const PendingBinding &p : pending) {
                if (p.targetId == person.id && p.authorizerId != auth.id) {
                    if (const std::optional<Person> other = around.byId(p.authorizerId))
                        current << other->name;
                }
            }
            if (current.size() >= *rules->maxAuthorizersPerTarget)
                add(findings, RefusalCode::TargetBoundElsewhere, Finding::Field::TargetId,
                    Text::tr("current authorizer: %1").arg(current.join(QStringLiteral(", "))));
        }
        if (rules->maxTargetsPerAuthorizer) {
            qint64 count = around.byAuthorizer(auth.id).size();
            count += std::count_if(pending.begin(), pending.end(), [&](const PendingBinding &p) {
                return p.authorizerId == auth.id && p.targetId != person.id;
            });
            if (count >= *rules->maxTargetsPerAuthorizer)
                add(findings, RefusalCode::TargetLimitReached, Finding::Field::Target,
                    Text::tr("%1 of at most %2 targets already bound").arg(count).arg(*rules->maxTargetsPerAuthorizer));
        }
    }
    if (!rules->allowMutual && (around.pairActive(person.id, auth.id) || pendingHas(pending, person.id, auth.id)))
        add(findings, RefusalCode::MutualNotAllowed, Finding::Field::Target);
    if (rules->cooldownDays > 0) {
        if (const std::optional<QDateTime> ended = around.lastEndOfPair(auth.id, person.id)) {
            const QDate allowedFrom = ended->toLocalTime().date().addDays(rules->cooldownDays);
            if (filedOn < allowedFrom)
                add(findings, RefusalCode::CooldownActive, Finding::Field::Target,
                    Text::tr("may be bound again from %1").arg(allowedFrom.toString(Qt::ISODate)));
        }
    }
    findings += RelationshipAgreement::check(around, auth, person, target.relationship, pending);
    if (!agePlausible(target.relationship, auth, person))
        add(findings, RefusalCode::AgeImplausible, Finding::Field::Relationship,
            Text::tr("authorizer born %1, target born %2")
                .arg(auth.birthDate.toString(Qt::ISODate), person.birthDate.toString(Qt::ISODate)));
    return verdict;
}

FilingVerdict FilingEvaluator::evaluate(const FilingDraft &draft, const FilingNeighbourhood &around,
                                        const QList<PendingBinding> &earlier)
{
    FilingVerdict verdict;
    verdict.authorizer = checkAuthorizer(draft, around);
    QList<PendingBinding> pending = earlier;
    for (const TargetEntry &target : draft.targets) {
        TargetVerdict targetVerdict = checkTarget(verdict.authorizer, target, draft.filedOn, pending, around);
        // Later targets of the same filing must see this one as if it were stored already.
        if (!targetVerdict.refused() && targetVerdict.person && verdict.authorizer.person)
            pending.append(PendingBinding{verdict.authorizer.person->id, targetVerdict.person->id, target.relationship,
                                          0, target.quotaFen.value_or(0)});
        verdict.targets.append(targetVerdict);
    }
    return verdict;
}

} // namespace gongji
