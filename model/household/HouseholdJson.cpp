#include "model/household/HouseholdJson.h"

#include <QJsonArray>

#include "model/domain/IdNumber.h"
#include "model/domain/Money.h"

namespace gongji {

namespace {

QJsonObject personJson(const Person &p)
{
    return QJsonObject{{QStringLiteral("name"), p.name},
                       {QStringLiteral("id_type"), p.idType},
                       {QStringLiteral("id_number"), IdNumber::mask(p.idNumber)},
                       {QStringLiteral("insurance_type"), p.insuranceType},
                       {QStringLiteral("status"), p.status},
                       {QStringLiteral("pooling_region"), p.poolingRegion}};
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject HouseholdJson::toJson(const Household &household)
{
    QJsonObject person = personJson(household.person);
    if (household.person.isEmployee()) {
        person.insert(QStringLiteral("balance"), Money::formatYuan(household.person.balanceFen));
        // What the person's active bindings hold as quotas: no longer the person's to use.
        qint64 setAside = 0;
        for (const HouseholdBinding &b :
             household.select(HouseholdBinding::Kind::MutualAid, HouseholdBinding::Direction::Outgoing, true))
            setAside += b.quotaFen.value_or(0);
        person.insert(QStringLiteral("quota_set_aside"), Money::formatYuan(setAside));
    }
    QJsonArray bindings;
    for (const HouseholdBinding &b : household.bindings) {
        QJsonObject item{{QStringLiteral("kind"), HouseholdBinding::kindKeyword(b.kind)},
                         {QStringLiteral("direction"), HouseholdBinding::directionKeyword(b.kind, b.direction)},
                         {QStringLiteral("binding_id"), b.bindingId},
                         {QStringLiteral("number"), b.number},
                         {QStringLiteral("relationship"), b.relationship},
                         {QStringLiteral("other"), personJson(b.counterpart)},
                         {QStringLiteral("status"), BindingStatuses::keyword(b.status)},
                         {QStringLiteral("started_at"), timeOrNull(b.startedAt)},
                         {QStringLiteral("ended_at"), timeOrNull(b.endedAt)}};
        if (b.kind == HouseholdBinding::Kind::MutualAid) // yuan, or null where nothing is set aside
            item.insert(QStringLiteral("quota"),
                        b.quotaFen ? QJsonValue(Money::formatYuan(*b.quotaFen)) : QJsonValue(QJsonValue::Null));
        if (b.kind == HouseholdBinding::Kind::MutualAid)
            item.insert(QStringLiteral("valid_until"),
                        b.validUntil.isValid() ? QJsonValue(b.validUntil.toString(Qt::ISODate))
                                               : QJsonValue(QJsonValue::Null));
        if (!b.agreement.isEmpty()) {
            QJsonArray conflicts;
            for (const Finding &finding : b.agreement) {
                const ConflictingBinding &c = *finding.conflict;
                conflicts.append(QJsonObject{{QStringLiteral("code"), RefusalCodes::name(finding.code)},
                                             {QStringLiteral("filing_no"), c.filingNumber},
                                             {QStringLiteral("authorizer"), c.authorizerName},
                                             {QStringLiteral("target"), c.targetName},
                                             {QStringLiteral("relationship"), c.relationship},
                                             {QStringLiteral("other_name"), c.otherName},
                                             {QStringLiteral("other_id_number"), c.otherIdNumber}});
            }
            item.insert(QStringLiteral("conflicts"), conflicts);
        }
        if (!b.isActive()) {
            item.insert(QStringLiteral("ended_by"), b.endedBy);
            item.insert(QStringLiteral("end_requested_by"),
                        b.endRequestedBy ? EndRequesters::keyword(*b.endRequestedBy) : QString());
            item.insert(QStringLiteral("end_reason"), b.endReason);
        }
        bindings.append(item);
    }
    return QJsonObject{{QStringLiteral("person"), person}, {QStringLiteral("bindings"), bindings}};
}

} // namespace gongji
