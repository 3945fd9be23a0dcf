#include "model/rules/RuleImpact.h"

#include <QCoreApplication>
#include <QHash>

#include "model/domain/IdNumber.h"
#include "model/csv/CsvField.h"
#include "model/domain/RefusalCode.h"
#include "model/storage/BindingStore.h"

namespace gongji {

namespace {

// The codes a rules change can cause for a binding that exists (docs/domain.md §6): the ones that
// depend on the rule set, not on the registry or the commitment.
QStringList codesFor(const BindingWithPersons &row, const RuleSet &rules, const QHash<qint64, int> &authorizersOfTarget,
                     const QHash<qint64, int> &targetsOfAuthorizer, const QSet<QPair<qint64, qint64>> &pairs)
{
    QList<RefusalCode> codes;
    if (!rules.idTypes.contains(row.authorizer.idType) || !rules.idTypes.contains(row.target.idType))
        codes << RefusalCode::IdTypeNotAccepted;
    if (rules.excludePublicMedical && (row.authorizer.publicMedical || row.target.publicMedical))
        codes << RefusalCode::PublicMedicalExcluded;
    if (!rules.relationships.contains(row.binding.relationship))
        codes << RefusalCode::RelationshipNotAllowed;
    if (!rules.scopeCovers(row.authorizer, row.target))
        codes << RefusalCode::ScopeMismatch;
    // Counts include the binding itself: more than the limit means this one is too many.
    if (rules.maxAuthorizersPerTarget && authorizersOfTarget.value(row.target.id) > *rules.maxAuthorizersPerTarget)
        codes << RefusalCode::TargetBoundElsewhere;
    if (rules.maxTargetsPerAuthorizer && targetsOfAuthorizer.value(row.authorizer.id) > *rules.maxTargetsPerAuthorizer)
        codes << RefusalCode::TargetLimitReached;
    if (!rules.allowMutual && pairs.contains(qMakePair(row.target.id, row.authorizer.id)))
        codes << RefusalCode::MutualNotAllowed;
    // A set that starts to need quotas, or stops allowing them (docs/quota.md).
    if (!row.binding.quotaFen && rules.requiresQuota(row.authorizer, row.target))
        codes << RefusalCode::QuotaRequired;
    if (row.binding.quotaFen && !rules.allowsQuota())
        codes << RefusalCode::QuotaNotAllowed;
    QStringList names;
    for (RefusalCode code : codes)
        names << RefusalCodes::name(code);
    return names;
}

} // namespace

QByteArray RuleImpact::Report::toCsv() const
{
    QString csv = QStringLiteral("binding_id,authorizer_name,authorizer_id_number,target_name,target_id_number,"
                                 "relationship,rule_set_id,codes\n");
    for (const Row &row : rows) {
        csv += QStringList{QString::number(row.bindingId),
                           CsvField::text(row.authorizerName),
                           row.authorizerId,
                           CsvField::text(row.targetName),
                           row.targetId,
                           row.relationship,
                           QString::number(row.ruleSetId),
                           row.codes.join(QLatin1Char(' '))}
                   .join(QLatin1Char(','))
            + QLatin1Char('\n');
    }
    return csv.toUtf8();
}

QString RuleImpact::Report::summary() const
{
    QStringList counts;
    for (auto it = countsByCode.begin(); it != countsByCode.end(); ++it)
        counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    QString text = QCoreApplication::translate("RuleImpact", "%1 of %2 active bindings would be refused")
                       .arg(rows.size())
                       .arg(bindingsChecked);
    return counts.isEmpty() ? text : text + QStringLiteral(": ") + counts.join(QStringLiteral(", "));
}

RuleImpact::RuleImpact(const QString &connection) : m_connection(connection) {}

RuleImpact::Report RuleImpact::report(const QList<RuleSet> &proposed, const QSet<qint64> &changed,
                                      const QDate &today) const
{
    Report report;
    QStringList prefixes;
    for (const RuleSet &set : proposed) {
        if (!changed.contains(set.id))
            continue;
        // A national set may govern anyone, a province set its province, a region set its region.
        const QString prefix = set.regionLevel() == 0 ? QString()
            : set.regionLevel() == 1                  ? set.region.left(2)
                                                      : set.region;
        prefixes << prefix;
    }
    if (prefixes.isEmpty())
        return report;
    if (prefixes.contains(QString()))
        prefixes = QStringList{QString()};
    prefixes.removeDuplicates();

    // Limits count all active bindings, wherever their authorizer is insured.
    BindingStore bindings(m_connection);
    QHash<qint64, int> authorizersOfTarget;
    QHash<qint64, int> targetsOfAuthorizer;
    QSet<QPair<qint64, qint64>> pairs;
    bindings.forEachActiveByAuthorizerRegion(QString(), today, [&](const BindingWithPersons &row) {
        ++authorizersOfTarget[row.target.id];
        ++targetsOfAuthorizer[row.authorizer.id];
        pairs.insert(qMakePair(row.authorizer.id, row.target.id));
    });
    QHash<QString, std::optional<RuleSet>> governing; // by the authorizer's pooling region
    QSet<qint64> judged; // a province prefix and one of its regions may both be listed
    for (const QString &prefix : prefixes) {
        bindings.forEachActiveByAuthorizerRegion(prefix, today, [&](const BindingWithPersons &row) {
            if (judged.contains(row.binding.id))
                return;
            judged.insert(row.binding.id);
            const QString region = row.authorizer.poolingRegion;
            if (!governing.contains(region))
                governing.insert(region, RuleSet::resolveAmong(proposed, region, today));
            const std::optional<RuleSet> &rules = governing.value(region);
            if (!rules || !changed.contains(rules->id))
                return;
            ++report.bindingsChecked;
            const QStringList codes = codesFor(row, *rules, authorizersOfTarget, targetsOfAuthorizer, pairs);
            if (codes.isEmpty())
                return;
            report.rows.append(Row{row.binding.id, row.authorizer.name, IdNumber::mask(row.authorizer.idNumber),
                                   row.target.name, IdNumber::mask(row.target.idNumber), row.binding.relationship,
                                   rules->id, codes});
            for (const QString &code : codes)
                ++report.countsByCode[code];
        });
    }
    return report;
}

} // namespace gongji
