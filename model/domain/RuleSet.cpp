#include "model/domain/RuleSet.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

#include "model/domain/IdType.h"
#include "model/domain/Person.h"
#include "model/domain/Relationship.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RuleSet)
};

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

std::optional<int> optionalInt(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value.toInt();
}

QJsonValue fromOptional(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

const char kDateFormat[] = "yyyy-MM-dd";

} // namespace

bool RuleSet::isInEffectOn(const QDate &date) const
{
    return date >= effectiveFrom && (!effectiveTo.isValid() || date <= effectiveTo);
}

bool RuleSet::overlaps(const RuleSet &other) const
{
    const bool startsBeforeOtherEnds = !other.effectiveTo.isValid() || effectiveFrom <= other.effectiveTo;
    const bool otherStartsBeforeThisEnds = !effectiveTo.isValid() || other.effectiveFrom <= effectiveTo;
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
}

std::optional<RuleSet> RuleSet::resolveAmong(const QList<RuleSet> &sets, const QString &poolingRegion,
                                             const QDate &date)
{
    if (poolingRegion.size() != 6)
        return std::nullopt;
    const QString province = poolingRegion.left(2) + QStringLiteral("0000");
    auto specificity = [&](const RuleSet &s) { return s.region == poolingRegion ? 0 : s.region == province ? 1 : 2; };
    const RuleSet *best = nullptr;
    for (const RuleSet &set : sets) {
        if (!set.isInEffectOn(date)
            || (set.region != poolingRegion && set.region != province && set.region != QLatin1String("000000")))
            continue;
        if (!best || specificity(set) < specificity(*best)
            || (specificity(set) == specificity(*best)
                && (set.effectiveFrom > best->effectiveFrom
                    || (set.effectiveFrom == best->effectiveFrom && set.id > best->id))))
            best = &set;
    }
    return best ? std::optional<RuleSet>(*best) : std::nullopt;
}

void RuleSet::sortLists()
{
    auto sortBy = [](QStringList &values, const QStringList &order) {
        std::stable_sort(values.begin(), values.end(),
                         [&order](const QString &a, const QString &b) { return order.indexOf(a) < order.indexOf(b); });
    };
    sortBy(relationships, QStringList(Relationship::allKeywords()));
    sortBy(idTypes, QStringList(IdType::allCodes()));
    sortBy(payable, payableItems());
}

bool RuleSet::scopeCovers(const Person &authorizer, const Person &target) const
{
    if (scope == QLatin1String("same_pooling_region"))
        return authorizer.poolingRegion == target.poolingRegion;
    if (scope == QLatin1String("same_province"))
        return authorizer.province() == target.province();
    return scope == QLatin1String("nationwide");
}

bool RuleSet::allowsQuota() const { return quotaRequiredBeyond != QLatin1String("none"); }

bool RuleSet::requiresQuota(const Person &authorizer, const Person &target) const
{
    return quotaRequiredBeyond == QLatin1String("province") && authorizer.province() != target.province();
}

int RuleSet::regionLevel() const
{
    if (region == QLatin1String("000000"))
        return 0;
    return region.endsWith(QLatin1String("0000")) ? 1 : 2;
}

QStringList RuleSet::validate() const
{
    QStringList problems;
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!sixDigits.match(region).hasMatch())
        problems << Text::tr(
            "The region code must be 6 digits (000000 national, XX0000 a province, or a pooling region).");
    if (title.trimmed().isEmpty())
        problems << Text::tr("The title is empty.");
    if (!effectiveFrom.isValid())
        problems << Text::tr("The start date (effective_from) is missing or not a date.");
    else if (effectiveTo.isValid() && effectiveTo < effectiveFrom)
        problems << Text::tr("The end date (effective_to) is before the start date (effective_from).");
    if (relationships.isEmpty())
        problems << Text::tr("The list of allowed relationships is empty.");
    for (const QString &keyword : relationships) {
        if (!Relationship::isKnown(keyword))
            problems << Text::tr("Unknown relationship: %1.").arg(keyword);
    }
    if (idTypes.isEmpty())
        problems << Text::tr("The list of accepted ID types is empty.");
    for (const QString &code : idTypes) {
        if (!IdType::isKnown(code))
            problems << Text::tr("Unknown ID type: %1.").arg(code);
    }
    if (!scopes().contains(scope))
        problems << Text::tr("Unknown scope: %1 (use same_pooling_region, same_province or nationwide).").arg(scope);
    if (maxAuthorizersPerTarget && *maxAuthorizersPerTarget < 1)
        problems << Text::tr("The maximum of authorizers per target must be at least 1, or empty for unlimited.");
    if (maxTargetsPerAuthorizer && *maxTargetsPerAuthorizer < 1)
        problems << Text::tr("The maximum of targets per authorizer must be at least 1, or empty for unlimited.");
    if (reserveFloorFen < 0)
        problems << Text::tr("The reserve floor cannot be negative.");
    if (!paymentOrders().contains(paymentOrder))
        problems << Text::tr("Unknown payment order: %1 (use by_balance_desc or by_binding_order).").arg(paymentOrder);
    if (cooldownDays < 0)
        problems << Text::tr("The cooldown cannot be negative.");
    if (maxPeriodMonths && *maxPeriodMonths < 1)
        problems << Text::tr("The longest authorization period must be at least 1 month, or empty for unlimited.");
    for (const QString &item : payable) {
        if (!payableItems().contains(item))
            problems << Text::tr("Unknown payable item: %1.").arg(item);
    }
    if (!quotaBoundaries().contains(quotaRequiredBeyond))
        problems << Text::tr("Unknown quota boundary: %1 (use none or province).").arg(quotaRequiredBeyond);
    return problems;
}

std::optional<RuleSet> RuleSet::fromJson(const QJsonObject &object, QString *error)
{
    RuleSet set;
    set.region = object.value(QLatin1String("region")).toString();
    set.effectiveFrom
        = QDate::fromString(object.value(QLatin1String("effective_from")).toString(), QLatin1String(kDateFormat));
    const QJsonValue to = object.value(QLatin1String("effective_to"));
    if (!to.isNull() && !to.isUndefined()) {
        set.effectiveTo = QDate::fromString(to.toString(), QLatin1String(kDateFormat));
        if (!set.effectiveTo.isValid()) {
            if (error)
                *error = Text::tr("effective_to is not a date (YYYY-MM-DD) or null.");
            return std::nullopt;
        }
    }
    set.title = object.value(QLatin1String("title")).toString();
    set.sourceNote = object.value(QLatin1String("source_note")).toString();
    set.relationships = toStringList(object.value(QLatin1String("relationships")));
    set.idTypes = object.contains(QLatin1String("id_types")) ? toStringList(object.value(QLatin1String("id_types")))
                                                             : QStringList(IdType::allCodes());
    set.scope = object.value(QLatin1String("scope")).toString();
    set.maxAuthorizersPerTarget = optionalInt(object.value(QLatin1String("max_authorizers_per_target")));
    set.maxTargetsPerAuthorizer = optionalInt(object.value(QLatin1String("max_targets_per_authorizer")));
    set.allowMutual = object.value(QLatin1String("allow_mutual")).toBool(true);
    set.excludePublicMedical = object.value(QLatin1String("exclude_public_medical")).toBool(false);
    const QJsonValue floor = object.value(QLatin1String("reserve_floor"));
    // Yuan in the file; fen inside. Rounded, so 0.1 + 0.2 style binary noise never leaks in.
    set.reserveFloorFen
        = floor.isString() ? std::llround(floor.toString().toDouble() * 100) : std::llround(floor.toDouble(0) * 100);
    set.paymentOrder = object.value(QLatin1String("payment_order")).toString(QStringLiteral("by_balance_desc"));
    set.cooldownDays = object.value(QLatin1String("cooldown_days")).toInt(0);
    set.payable = object.contains(QLatin1String("payable"))
        ? toStringList(object.value(QLatin1String("payable")))
        : QStringList{QStringLiteral("medical_self_pay"), QStringLiteral("pharmacy"),
                      QStringLiteral("resident_premium"), QStringLiteral("ltc_premium")};
    // Files written before authorization periods existed have no such key: unlimited.
    set.maxPeriodMonths = optionalInt(object.value(QLatin1String("max_period_months")));
    // Files written before quotas existed have no such key: no quota anywhere.
    set.quotaRequiredBeyond = object.value(QLatin1String("quota_required_beyond")).toString(QStringLiteral("none"));
    set.sortLists();
    const QStringList problems = set.validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char(' '));
        return std::nullopt;
    }
    return set;
}

QJsonObject RuleSet::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("region"), region);
    object.insert(QLatin1String("effective_from"), effectiveFrom.toString(QLatin1String(kDateFormat)));
    object.insert(QLatin1String("effective_to"),
                  effectiveTo.isValid() ? QJsonValue(effectiveTo.toString(QLatin1String(kDateFormat)))
                                        : QJsonValue(QJsonValue::Null));
    object.insert(QLatin1String("title"), title);
    object.insert(QLatin1String("source_note"), sourceNote);
    object.insert(QLatin1String("relationships"), toArray(relationships));
    object.insert(QLatin1String("id_types"), toArray(idTypes));
    object.insert(QLatin1String("scope"), scope);
    object.insert(QLatin1String("max_authorizers_per_target"), fromOptional(maxAuthorizersPerTarget));
    object.insert(QLatin1String("max_targets_per_authorizer"), fromOptional(maxTargetsPerAuthorizer));
    object.insert(QLatin1String("allow_mutual"), allowMutual);
    object.insert(QLatin1String("exclude_public_medical"), excludePublicMedical);
    object.insert(QLatin1String("reserve_floor"), double(reserveFloorFen) / 100.0);
    object.insert(QLatin1String("payment_order"), paymentOrder);
    object.insert(QLatin1String("cooldown_days"), cooldownDays);
    object.insert(QLatin1String("payable"), toArray(payable));
    object.insert(QLatin1String("max_period_months"), fromOptional(maxPeriodMonths));
    object.insert(QLatin1String("quota_required_beyond"), quotaRequiredBeyond);
    return object;
}

QStringList RuleSet::scopes()
{
    return {QStringLiteral("same_pooling_region"), QStringLiteral("same_province"), QStringLiteral("nationwide")};
}

QStringList RuleSet::paymentOrders() { return {QStringLiteral("by_balance_desc"), QStringLiteral("by_binding_order")}; }

QStringList RuleSet::payableItems()
{
    return {QStringLiteral("medical_self_pay"), QStringLiteral("pharmacy"), QStringLiteral("resident_premium"),
            QStringLiteral("ltc_premium"), QStringLiteral("supplementary_insurance")};
}

QStringList RuleSet::quotaBoundaries() { return {QStringLiteral("none"), QStringLiteral("province")}; }

QString RuleSet::scopeLabel(const QString &scope)
{
    if (scope == QLatin1String("same_pooling_region"))
        return Text::tr("same pooling region");
    if (scope == QLatin1String("same_province"))
        return Text::tr("same province");
    if (scope == QLatin1String("nationwide"))
        return Text::tr("nationwide");
    return scope;
}

} // namespace gongji
