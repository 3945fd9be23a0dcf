#pragma once
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/RuleSet.h"

namespace gongji {

class StatementBatch;

// Every SQL statement on rule sets and their allowed lists.
class RuleSetStore
{
public:
    explicit RuleSetStore(const QString &connection);

    QList<RuleSet> all() const; // ordered by region, effective_from
    std::optional<RuleSet> findById(qint64 id) const;
    // The region of the set `id` alone (one statement, its lists not read); empty if there is none.
    QString regionOf(qint64 id) const;
    // docs/domain.md §5: among sets in effect on `date` whose region is the pooling region, its
    // province or 000000, the most specific region, then the latest effective_from.
    std::optional<RuleSet> resolve(const QString &poolingRegion, const QDate &date) const;
    // resolve() among other reads sent together: its statements (the set and its lists) added to
    // `batch`, and after the batch ran, the set they found. queueResolve returns the index to read
    // from, -1 when the region or date cannot be resolved.
    static int queueResolve(StatementBatch &batch, const QString &poolingRegion, const QDate &date);
    static std::optional<RuleSet> readResolved(const StatementBatch &batch, int first);
    // Inserts with its lists; sets ruleSet.id. Call inside a WriteTransaction.
    void insert(RuleSet &ruleSet);
    qint64 count() const;
    // True when a filing or binding was checked against it: then it is never changed in place or
    // deleted; only its period may be closed.
    bool isReferenced(qint64 id) const;
    // Replaces an unreferenced set and its lists. Call inside a WriteTransaction.
    void update(const RuleSet &ruleSet);
    // Deletes an unreferenced set. Call inside a WriteTransaction.
    void remove(qint64 id);
    // Sets effective_to (closing the period when a new version starts). Call inside a WriteTransaction.
    void closePeriod(qint64 id, const QDate &effectiveTo);
    // Inserts the shipped defaults (resources/rules/default-rule-sets.json) when there is no rule set.
    // Returns how many were inserted. Call inside a WriteTransaction.
    int seedDefaultsIfEmpty();

    static QList<RuleSet> shippedDefaults();

private:
    void loadLists(RuleSet &ruleSet) const;
    void insertLists(const RuleSet &ruleSet);
    QString m_connection;
};

} // namespace gongji
