#pragma once
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gongji {

struct Person;

// One regional, dated version of the mutual-aid rules (docs/domain.md §5). Data, never code.
struct RuleSet
{
    qint64 id = 0;
    QString region; // 000000 national, XX0000 province, or a pooling region
    QDate effectiveFrom;
    QDate effectiveTo; // invalid = open-ended
    QString title;
    QString sourceNote;
    QStringList relationships;
    QStringList idTypes;
    QString scope; // same_pooling_region | same_province | nationwide
    std::optional<int> maxAuthorizersPerTarget; // empty = unlimited
    std::optional<int> maxTargetsPerAuthorizer; // empty = unlimited
    bool allowMutual = true;
    bool excludePublicMedical = false;
    qint64 reserveFloorFen = 0;
    QString paymentOrder = QStringLiteral("by_balance_desc"); // or by_binding_order
    int cooldownDays = 0;
    QStringList payable;
    std::optional<int> maxPeriodMonths; // longest authorization period (授权期限); empty = unlimited
    // Beyond which boundary a target needs money set aside as a quota (共济额度): "none" or
    // "province". Where it is not "none", any target may carry a quota (docs/quota.md).
    QString quotaRequiredBeyond = QStringLiteral("none");

    bool isInEffectOn(const QDate &date) const;
    // Puts the lists in the domain's own order (docs/domain.md), whatever order they came in, so that
    // screens and exports are stable.
    void sortLists();
    // Whether the target's pooling region lies within this set's scope around the authorizer's.
    bool scopeCovers(const Person &authorizer, const Person &target) const;
    // Whether a target may carry a quota under this set at all.
    bool allowsQuota() const;
    // Whether this target needs a quota (> 0) under this set: insured beyond the boundary.
    bool requiresQuota(const Person &authorizer, const Person &target) const;
    // How specific the region is: 2 pooling region, 1 province, 0 national.
    int regionLevel() const;
    // Whether the periods of two sets share a day.
    bool overlaps(const RuleSet &other) const;
    // The set that applies (docs/domain.md §5) among `sets`, without the database: for "what if" reports.
    // Must agree with RuleSetStore::resolve().
    static std::optional<RuleSet> resolveAmong(const QList<RuleSet> &sets, const QString &poolingRegion,
                                               const QDate &date);
    // Checks the rule set on its own; returns a list of problems in the UI language.
    QStringList validate() const;

    // JSON exchange format (resources/rules/*.json): every parameter of §5; missing ones take defaults.
    static std::optional<RuleSet> fromJson(const QJsonObject &object, QString *error);
    QJsonObject toJson() const;

    static QStringList scopes();
    static QStringList paymentOrders();
    static QStringList payableItems();
    static QStringList quotaBoundaries(); // none, province
    static QString scopeLabel(const QString &scope);
};

} // namespace gongji
