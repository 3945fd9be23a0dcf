#include "model/storage/RuleSetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[] = "id, region, effective_from, effective_to, title, source_note, scope, "
                        "max_authorizers_per_target, max_targets_per_authorizer, allow_mutual, "
                        "exclude_public_medical, reserve_floor_fen, payment_order, cooldown_days, max_period_months, "
                        "quota_required_beyond";

RuleSet ruleSetFrom(const SqlRow &row)
{
    RuleSet r;
    r.id = row.value(0).toLongLong();
    r.region = row.value(1).toString();
    r.effectiveFrom = Timestamp::dateFromText(row.value(2).toString());
    r.effectiveTo = Timestamp::dateFromText(row.value(3).toString());
    r.title = row.value(4).toString();
    r.sourceNote = row.value(5).toString();
    r.scope = row.value(6).toString();
    if (!row.value(7).isNull())
        r.maxAuthorizersPerTarget = row.value(7).toInt();
    if (!row.value(8).isNull())
        r.maxTargetsPerAuthorizer = row.value(8).toInt();
    r.allowMutual = row.value(9).toInt() != 0;
    r.excludePublicMedical = row.value(10).toInt() != 0;
    r.reserveFloorFen = row.value(11).toLongLong();
    r.paymentOrder = row.value(12).toString();
    r.cooldownDays = row.value(13).toInt();
    if (!row.value(14).isNull())
        r.maxPeriodMonths = row.value(14).toInt();
    r.quotaRequiredBeyond = row.value(15).toString();
    return r;
}

QVariant intOrNull(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

// The parameters shared by INSERT and UPDATE, under the same placeholder names.
void bindParameters(SqlStatement &q, const RuleSet &ruleSet)
{
    q.bind(QStringLiteral(":region"), ruleSet.region)
        .bind(QStringLiteral(":from"), Timestamp::dateToText(ruleSet.effectiveFrom))
        .bind(QStringLiteral(":to"),
              ruleSet.effectiveTo.isValid() ? QVariant(Timestamp::dateToText(ruleSet.effectiveTo))
                                            : QVariant(QMetaType::fromType<QString>()))
        .bind(QStringLiteral(":title"), ruleSet.title)
        .bind(QStringLiteral(":note"), ruleSet.sourceNote)
        .bind(QStringLiteral(":scope"), ruleSet.scope)
        .bind(QStringLiteral(":maxAuth"), intOrNull(ruleSet.maxAuthorizersPerTarget))
        .bind(QStringLiteral(":maxTargets"), intOrNull(ruleSet.maxTargetsPerAuthorizer))
        .bind(QStringLiteral(":mutual"), ruleSet.allowMutual ? 1 : 0)
        .bind(QStringLiteral(":public"), ruleSet.excludePublicMedical ? 1 : 0)
        .bind(QStringLiteral(":floor"), ruleSet.reserveFloorFen)
        .bind(QStringLiteral(":order"), ruleSet.paymentOrder)
        .bind(QStringLiteral(":cooldown"), ruleSet.cooldownDays)
        .bind(QStringLiteral(":maxPeriod"), intOrNull(ruleSet.maxPeriodMonths))
        .bind(QStringLiteral(":quotaBeyond"), ruleSet.quotaRequiredBeyond);
}

// The three child tables of a rule set share one shape: (rule_set_id, value).
struct ListTable
{
    const char *table;
    const char *column;
    QStringList RuleSet::*member;
};
const ListTable kLists[] = {
    {"rule_set_relationship", "relationship", &RuleSet::relationships},
    {"rule_set_id_type", "id_type", &RuleSet::idTypes},
    {"rule_set_payable", "item", &RuleSet::payable},
};

} // namespace

RuleSetStore::RuleSetStore(const QString &connection) : m_connection(connection) {}

void RuleSetStore::loadLists(RuleSet &ruleSet) const
{
    for (const ListTable &list : kLists) {
        // Table and column names come from the constant table above, never from input.
        SqlStatement q(m_connection,
                       QStringLiteral("SELECT %1 FROM %2 WHERE rule_set_id = :id")
                           .arg(QLatin1String(list.column), QLatin1String(list.table)));
        q.bind(QStringLiteral(":id"), ruleSet.id).exec();
        QStringList values;
        while (q.next())
            values.append(q.value(0).toString());
        ruleSet.*(list.member) = values;
    }
    ruleSet.sortLists();
}

QList<RuleSet> RuleSetStore::all() const
{
    SqlStatement q(
        m_connection,
        QStringLiteral("SELECT %1 FROM rule_set ORDER BY region, effective_from, id").arg(QLatin1String(kColumns)));
    q.exec();
    QList<RuleSet> sets;
    while (q.next())
        sets.append(ruleSetFrom(q));
    for (RuleSet &set : sets)
        loadLists(set);
    return sets;
}

std::optional<RuleSet> RuleSetStore::findById(qint64 id) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT %1 FROM rule_set WHERE id = :id").arg(QLatin1String(kColumns)));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    RuleSet set = ruleSetFrom(q);
    loadLists(set);
    return set;
}

QString RuleSetStore::regionOf(qint64 id) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT region FROM rule_set WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<RuleSet> RuleSetStore::resolve(const QString &poolingRegion, const QDate &date) const
{
    StatementBatch batch(m_connection);
    const int first = queueResolve(batch, poolingRegion, date);
    batch.run();
    return readResolved(batch, first);
}

int RuleSetStore::queueResolve(StatementBatch &batch, const QString &poolingRegion, const QDate &date)
{
    if (poolingRegion.size() != 6 || !date.isValid())
        return -1;
    const QString province = poolingRegion.left(2) + QStringLiteral("0000");
    // Most specific region first (pooling region > province > national), then the latest start.
    const QString resolved
        = QStringLiteral("SELECT %1 FROM rule_set "
                         "WHERE region IN (:pooling, :province, '000000') "
                         "AND effective_from <= :date AND (effective_to IS NULL OR effective_to >= :date) "
                         "ORDER BY CASE WHEN region = :pooling THEN 0 WHEN region = :province THEN 1 ELSE 2 END, "
                         "effective_from DESC, id DESC LIMIT 1");
    const auto bindRegion = [&] {
        batch.bind(QStringLiteral(":pooling"), poolingRegion)
            .bind(QStringLiteral(":province"), province)
            .bind(QStringLiteral(":date"), Timestamp::dateToText(date));
    };
    const int first = batch.add(resolved.arg(QLatin1String(kColumns)));
    bindRegion();
    // The lists of whichever set that is, in the same round trip.
    for (const ListTable &list : kLists) {
        batch.add(QStringLiteral("SELECT %1 FROM %2 WHERE rule_set_id = (%3)")
                      .arg(QLatin1String(list.column), QLatin1String(list.table), resolved.arg(QStringLiteral("id"))));
        bindRegion();
    }
    return first;
}

std::optional<RuleSet> RuleSetStore::readResolved(const StatementBatch &batch, int first)
{
    if (first < 0)
        return std::nullopt;
    StatementBatch::Rows row = batch.rows(first);
    if (!row.next())
        return std::nullopt;
    RuleSet set = ruleSetFrom(row);
    int statement = first;
    for (const ListTable &list : kLists) {
        StatementBatch::Rows values = batch.rows(++statement);
        QStringList items;
        while (values.next())
            items.append(values.value(0).toString());
        set.*(list.member) = items;
    }
    set.sortLists();
    return set;
}

void RuleSetStore::insert(RuleSet &ruleSet)
{
    SqlStatement q(
        m_connection,
        QStringLiteral("INSERT INTO rule_set (region, effective_from, effective_to, title, source_note, scope, "
                       "max_authorizers_per_target, max_targets_per_authorizer, allow_mutual, "
                       "exclude_public_medical, reserve_floor_fen, payment_order, cooldown_days, "
                       "max_period_months, quota_required_beyond, created_at) "
                       "VALUES (:region, :from, :to, :title, :note, :scope, :maxAuth, :maxTargets, :mutual, "
                       ":public, :floor, :order, :cooldown, :maxPeriod, :quotaBeyond, :now) RETURNING id"));
    bindParameters(q, ruleSet);
    q.bind(QStringLiteral(":now"), Timestamp::nowText()).exec();
    ruleSet.id = q.insertedId();
    insertLists(ruleSet);
}

void RuleSetStore::insertLists(const RuleSet &ruleSet)
{
    for (const ListTable &list : kLists) {
        SqlStatement item(m_connection,
                          QStringLiteral("INSERT INTO %1 (rule_set_id, %2) VALUES (:id, :value)")
                              .arg(QLatin1String(list.table), QLatin1String(list.column)));
        for (const QString &value : ruleSet.*(list.member))
            item.bind(QStringLiteral(":id"), ruleSet.id).bind(QStringLiteral(":value"), value).exec();
    }
}

bool RuleSetStore::isReferenced(qint64 id) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT EXISTS (SELECT 1 FROM filing WHERE rule_set_id = :id) "
                                  "OR EXISTS (SELECT 1 FROM binding WHERE rule_set_id = :id)"));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() && q.value(0).toInt() != 0;
}

void RuleSetStore::update(const RuleSet &ruleSet)
{
    SqlStatement q(
        m_connection,
        QStringLiteral("UPDATE rule_set SET region = :region, effective_from = :from, effective_to = :to, "
                       "title = :title, source_note = :note, scope = :scope, max_authorizers_per_target = :maxAuth, "
                       "max_targets_per_authorizer = :maxTargets, allow_mutual = :mutual, "
                       "exclude_public_medical = :public, reserve_floor_fen = :floor, payment_order = :order, "
                       "cooldown_days = :cooldown, max_period_months = :maxPeriod, "
                       "quota_required_beyond = :quotaBeyond WHERE id = :id"));
    bindParameters(q, ruleSet);
    q.bind(QStringLiteral(":id"), ruleSet.id).exec();
    for (const ListTable &list : kLists) {
        SqlStatement clear(m_connection,
                           QStringLiteral("DELETE FROM %1 WHERE rule_set_id = :id").arg(QLatin1String(list.table)));
        clear.bind(QStringLiteral(":id"), ruleSet.id).exec();
    }
    insertLists(ruleSet);
}

void RuleSetStore::remove(qint64 id)
{
    for (const ListTable &list : kLists) {
        SqlStatement clear(m_connection,
                           QStringLiteral("DELETE FROM %1 WHERE rule_set_id = :id").arg(QLatin1String(list.table)));
        clear.bind(QStringLiteral(":id"), id).exec();
    }
    SqlStatement q(m_connection, QStringLiteral("DELETE FROM rule_set WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
}

void RuleSetStore::closePeriod(qint64 id, const QDate &effectiveTo)
{
    SqlStatement q(m_connection, QStringLiteral("UPDATE rule_set SET effective_to = :to WHERE id = :id"));
    q.bind(QStringLiteral(":to"), Timestamp::dateToText(effectiveTo)).bind(QStringLiteral(":id"), id).exec();
}

qint64 RuleSetStore::count() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM rule_set"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

int RuleSetStore::seedDefaultsIfEmpty()
{
    if (count() > 0)
        return 0;
    QList<RuleSet> defaults = shippedDefaults();
    for (RuleSet &set : defaults)
        insert(set);
    return int(defaults.size());
}

QList<RuleSet> RuleSetStore::shippedDefaults()
{
    QFile file(QStringLiteral(":/rules/default-rule-sets.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Other,
                           QStringLiteral("the shipped rule sets are missing from the program"));
    QList<RuleSet> sets;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &value : array) {
        QString error;
        std::optional<RuleSet> set = RuleSet::fromJson(value.toObject(), &error);
        if (!set) // a broken shipped file is a build defect, never a user's doing
            throw StorageError(StorageError::Kind::Other, QStringLiteral("shipped rule set invalid: ") + error);
        sets.append(*set);
    }
    return sets;
}

} // namespace gongji
