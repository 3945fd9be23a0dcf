#include "model/storage/BindingStore.h"

#include "model/storage/PersonStore.h"
#include "model/storage/IdReservation.h"
#include "model/storage/SqlRow.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[]
    = "id, filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
      "ended_at, ended_by, end_requested_by, end_reason, age_warning_confirmed, valid_until, quota_fen";

// Active on a day: not ended, and the authorization period (if any) not over. Bound as :on.
const char kActiveOn[] = "status = 'active' AND (valid_until IS NULL OR valid_until >= :on)";

MutualAidBinding bindingFrom(const SqlStatement &row) { return BindingStore::fromRow(row, 0); }

QVariant fenOrNull(const std::optional<qint64> &fen)
{
    return fen ? QVariant(*fen) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

BindingStore::BindingStore(const QString &connection) : m_connection(connection) {}

QString BindingStore::columns(const QString &alias)
{
    QStringList qualified;
    for (const QString &column : QString::fromLatin1(kColumns).split(QStringLiteral(", ")))
        qualified.append(alias + QLatin1Char('.') + column);
    return qualified.join(QStringLiteral(", "));
}

QString BindingStore::activeOn(const QString &alias)
{
    return QStringLiteral("%1.status = 'active' AND (%1.valid_until IS NULL OR %1.valid_until >= :on)").arg(alias);
}

QString BindingStore::endStartingCooldown()
{
    // The end of an authorization period is no revocation: no cooldown starts from it.
    return QStringLiteral("status = 'ended' AND NOT (end_reason = 'expired' AND ended_by = 'system')");
}

MutualAidBinding BindingStore::fromRow(const SqlRow &row, int first)
{
    MutualAidBinding b;
    b.id = row.value(first).toLongLong();
    b.filingId = row.value(first + 1).toLongLong();
    b.authorizerId = row.value(first + 2).toLongLong();
    b.targetId = row.value(first + 3).toLongLong();
    b.relationship = row.value(first + 4).toString();
    b.ruleSetId = row.value(first + 5).toLongLong();
    b.status = BindingStatuses::fromKeyword(row.value(first + 6).toString());
    b.startedAt = Timestamp::fromText(row.value(first + 7).toString());
    b.endedAt = Timestamp::fromText(row.value(first + 8).toString());
    b.endedBy = row.value(first + 9).toString();
    b.endRequestedBy = EndRequesters::fromKeyword(row.value(first + 10).toString());
    b.endReason = row.value(first + 11).toString();
    b.ageWarningConfirmed = row.value(first + 12).toInt() != 0;
    b.validUntil = Timestamp::dateFromText(row.value(first + 13).toString());
    if (!row.value(first + 14).isNull())
        b.quotaFen = row.value(first + 14).toLongLong();
    return b;
}

QList<MutualAidBinding> BindingStore::select(const QString &where, qint64 id, const QDate &on) const
{
    SqlStatement q(
        m_connection,
        QStringLiteral("SELECT %1 FROM binding WHERE %2 ORDER BY started_at, id").arg(QLatin1String(kColumns), where));
    q.bind(QStringLiteral(":id"), id);
    if (on.isValid())
        q.bind(QStringLiteral(":on"), Timestamp::dateToText(on));
    q.exec();
    QList<MutualAidBinding> bindings;
    while (q.next())
        bindings.append(bindingFrom(q));
    for (MutualAidBinding &binding : bindings) {
        SqlStatement proofs(m_connection,
                            QStringLiteral("SELECT proof FROM binding_proof WHERE binding_id = :id ORDER BY proof"));
        proofs.bind(QStringLiteral(":id"), binding.id).exec();
        while (proofs.next())
            binding.proofs.append(proofs.value(0).toString());
    }
    return bindings;
}

QList<MutualAidBinding> BindingStore::activeByTarget(qint64 targetId, const QDate &on) const
{
    return select(QStringLiteral("target_id = :id AND ") + QLatin1String(kActiveOn), targetId, on);
}

QList<MutualAidBinding> BindingStore::activeByAuthorizer(qint64 authorizerId, const QDate &on) const
{
    return select(QStringLiteral("authorizer_id = :id AND ") + QLatin1String(kActiveOn), authorizerId, on);
}

QList<MutualAidBinding> BindingStore::activeTouching(qint64 personId, const QDate &on) const
{
    // Two indexed lookups rather than one OR, which SQLite would not serve from one index.
    return activeByAuthorizer(personId, on) + activeByTarget(personId, on);
}

QList<qint64> BindingStore::activeEndedBefore(const QDate &day) const
{
    StatementBatch batch(m_connection);
    const int index = queueActiveEndedBefore(batch, day);
    batch.run();
    return readIds(batch, index);
}

int BindingStore::queueActiveEndedBefore(StatementBatch &batch, const QDate &day)
{
    const int index = batch.add(QStringLiteral("SELECT id FROM binding WHERE status = 'active' AND valid_until IS NOT "
                                               "NULL AND valid_until < :day ORDER BY id"));
    batch.bind(QStringLiteral(":day"), Timestamp::dateToText(day));
    return index;
}

QList<qint64> BindingStore::readIds(const StatementBatch &batch, int index)
{
    QList<qint64> ids;
    StatementBatch::Rows rows = batch.rows(index);
    while (rows.next())
        ids.append(rows.value(0).toLongLong());
    return ids;
}

QList<MutualAidBinding> BindingStore::byFiling(qint64 filingId) const
{
    return select(QStringLiteral("filing_id = :id"), filingId, {});
}

std::optional<MutualAidBinding> BindingStore::findById(qint64 bindingId) const
{
    const QList<MutualAidBinding> found = select(QStringLiteral("id = :id"), bindingId, {});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

qint64 BindingStore::activeIdOfPair(qint64 authorizerId, qint64 targetId, const QDate &on) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT id FROM binding WHERE authorizer_id = :a AND target_id = :t AND ")
                       + QLatin1String(kActiveOn));
    q.bind(QStringLiteral(":a"), authorizerId)
        .bind(QStringLiteral(":t"), targetId)
        .bind(QStringLiteral(":on"), Timestamp::dateToText(on))
        .exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<MutualAidBinding> BindingStore::activeOfPair(qint64 authorizerId, qint64 targetId, const QDate &on) const
{
    const qint64 id = activeIdOfPair(authorizerId, targetId, on);
    return id ? findById(id) : std::nullopt;
}

bool BindingStore::activePairExists(qint64 authorizerId, qint64 targetId, const QDate &on) const
{
    return activeIdOfPair(authorizerId, targetId, on) != 0;
}

std::optional<QDateTime> BindingStore::lastEndOfPair(qint64 authorizerId, qint64 targetId) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT MAX(ended_at) FROM binding WHERE authorizer_id = :a AND target_id = :t AND ")
                       + endStartingCooldown());
    q.bind(QStringLiteral(":a"), authorizerId).bind(QStringLiteral(":t"), targetId).exec();
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return Timestamp::fromText(q.value(0).toString());
}

void BindingStore::insert(MutualAidBinding &binding)
{
    StatementBatch batch(m_connection);
    const int ids = IdReservation::queue(batch, QStringLiteral("binding"), 1);
    batch.run();
    binding.id = IdReservation::read(batch, ids).value(0);
    queueInsert(batch, binding);
    batch.run();
    binding.status = BindingStatus::Active;
}

void BindingStore::queueInsert(StatementBatch &batch, const MutualAidBinding &binding)
{
    batch.add(QStringLiteral("INSERT INTO binding (id, filing_id, authorizer_id, target_id, relationship, rule_set_id, "
                             "status, started_at, age_warning_confirmed, valid_until, quota_fen) VALUES (:id, :filing, "
                             ":authorizer, :target, :relationship, :ruleSet, 'active', :started, :ageConfirmed, "
                             ":validUntil, :quota)"));
    batch.bind(QStringLiteral(":id"), binding.id)
        .bind(QStringLiteral(":filing"), binding.filingId)
        .bind(QStringLiteral(":authorizer"), binding.authorizerId)
        .bind(QStringLiteral(":target"), binding.targetId)
        .bind(QStringLiteral(":relationship"), binding.relationship)
        .bind(QStringLiteral(":ruleSet"), binding.ruleSetId)
        .bind(QStringLiteral(":started"), Timestamp::toText(binding.startedAt))
        .bind(QStringLiteral(":ageConfirmed"), binding.ageWarningConfirmed ? 1 : 0)
        .bind(QStringLiteral(":validUntil"),
              binding.validUntil.isValid() ? QVariant(Timestamp::dateToText(binding.validUntil))
                                           : QVariant(QMetaType::fromType<QString>()))
        .bind(QStringLiteral(":quota"), fenOrNull(binding.quotaFen));
    for (const QString &proof : binding.proofs) {
        batch.add(QStringLiteral("INSERT INTO binding_proof (binding_id, proof) VALUES (:id, :proof)"));
        batch.bind(QStringLiteral(":id"), binding.id).bind(QStringLiteral(":proof"), proof);
    }
}

bool BindingStore::end(qint64 bindingId, const QDateTime &endedAt, const QString &endedBy, EndRequester requestedBy,
                       const QString &reason)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE binding SET status = 'ended', ended_at = :at, ended_by = :by, "
                                  "end_requested_by = :requested, end_reason = :reason "
                                  "WHERE id = :id AND status = 'active'"));
    q.bind(QStringLiteral(":at"), Timestamp::toText(endedAt))
        .bind(QStringLiteral(":by"), endedBy)
        .bind(QStringLiteral(":requested"), EndRequesters::keyword(requestedBy))
        .bind(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":id"), bindingId)
        .exec();
    return q.rowsAffected() == 1;
}

qint64 BindingStore::quotaSetAside(qint64 authorizerId, const QDate &on, qint64 exceptBindingId) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT COALESCE(SUM(quota_fen), 0) FROM binding WHERE authorizer_id = :a "
                                  "AND id <> :except AND ")
                       + QLatin1String(kActiveOn));
    q.bind(QStringLiteral(":a"), authorizerId)
        .bind(QStringLiteral(":except"), exceptBindingId)
        .bind(QStringLiteral(":on"), Timestamp::dateToText(on))
        .exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool BindingStore::setQuota(qint64 bindingId, const std::optional<qint64> &quotaFen)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE binding SET quota_fen = :quota WHERE id = :id AND status = 'active'"));
    q.bind(QStringLiteral(":quota"), fenOrNull(quotaFen)).bind(QStringLiteral(":id"), bindingId).exec();
    return q.rowsAffected() == 1;
}

qint64 BindingStore::countActive() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM binding WHERE status = 'active'"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace gongji

namespace gongji {

void BindingStore::forEachActiveByAuthorizerRegion(const QString &regionPrefix, const QDate &on,
                                                   const std::function<void(const BindingWithPersons &)> &visit) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1, %2, %3 FROM binding b JOIN person a ON a.id = b.authorizer_id "
                                  "JOIN person t ON t.id = b.target_id WHERE %4 "
                                  "AND a.pooling_region >= :low AND a.pooling_region < :high ORDER BY b.id")
                       .arg(columns(QStringLiteral("b")), PersonStore::columns(QStringLiteral("a")),
                            PersonStore::columns(QStringLiteral("t")), activeOn(QStringLiteral("b"))));
    q.bind(QStringLiteral(":low"), regionPrefix)
        .bind(QStringLiteral(":high"), QString(regionPrefix + QLatin1Char('~')))
        .bind(QStringLiteral(":on"), Timestamp::dateToText(on))
        .exec();
    const int personColumns = 12;
    while (q.next()) {
        BindingWithPersons row;
        row.binding = bindingFrom(q);
        row.authorizer = PersonStore::fromRow(q, columnCount);
        row.target = PersonStore::fromRow(q, columnCount + personColumns);
        visit(row);
    }
}

} // namespace gongji
