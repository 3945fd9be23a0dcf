#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

#include "rules/RuleSet.h"

namespace gongji {

// Every SQL statement on rule sets and their allowed lists.
class RuleSetStore
{
public:
    explicit RuleSetStore(const QString &connection);

    QList<RuleSet> all() const; // ordered by region, effective_from
    std::optional<RuleSet> findById(qint64 id) const;
    // DOMAIN.md §5: among sets in effect on `date` whose region is the pooling region, its
    // province or 000000, the most specific region, then the latest effective_from.
    std::optional<RuleSet> resolve(const QString &poolingRegion, const QDate &date) const;
    // Inserts with its lists; sets ruleSet.id. Call inside a WriteTransaction.
    void insert(RuleSet &ruleSet);
    qint64 count() const;
    // Inserts the shipped defaults (resources/rules/default-rule-sets.json) when there is no rule set.
    // Returns how many were inserted. Call inside a WriteTransaction.
    int seedDefaultsIfEmpty();

    static QList<RuleSet> shippedDefaults();

private:
    void loadLists(RuleSet &ruleSet) const;
    QString m_connection;
};

} // namespace gongji
