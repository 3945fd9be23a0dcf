#include "model/storage/BindingStore.h"

#include "model/storage/PersonStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[] = "id, filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
                        "ended_at, ended_by, end_requested_by, end_reason, age_warning_confirmed";

MutualAidBinding bindingFrom(const SqlStatement &row)
{
    MutualAidBinding b;
    b.id = row.value(0).toLongLong();
    b.filingId = row.value(1).toLongLong();
    b.authorizerId = row.value(2).toLongLong();
    b.targetId = row.value(3).toLongLong();
    b.relationship = row.value(4).toString();
    b.ruleSetId = row.value(5).toLongLong();
    b.status = row.value(6).toString();
    b.startedAt = Timestamp::fromText(row.value(7).toString());
    b.endedAt = Timestamp::fromText(row.value(8).toString());
    b.endedBy = row.value(9).toString();
    b.endRequestedBy = row.value(10).toString();
    b.endReason = row.value(11).toString();
    b.ageWarningConfirmed = row.value(12).toInt() != 0;
    return b;
}

} // namespace

BindingStore::BindingStore(const QString &connection) : m_connection(connection) {}

QList<MutualAidBinding> BindingStore::select(const QString &where, const QString &placeholder, qint64 value) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT %1 FROM binding WHERE %2 ORDER BY started_at, id")
                                     .arg(QLatin1String(kColumns), where));
    q.bind(placeholder, value).exec();
    QList<MutualAidBinding> bindings;
    while (q.next())
        bindings.append(bindingFrom(q));
    for (MutualAidBinding &binding : bindings) {
        SqlStatement proofs(m_connection, QStringLiteral("SELECT proof FROM binding_proof WHERE binding_id = :id ORDER BY proof"));
        proofs.bind(QStringLiteral(":id"), binding.id).exec();
        while (proofs.next())
            binding.proofs.append(proofs.value(0).toString());
    }
    return bindings;
}

QList<MutualAidBinding> BindingStore::activeByTarget(qint64 targetId) const
{
    return select(QStringLiteral("target_id = :id AND status = 'active'"), QStringLiteral(":id"), targetId);
}

QList<MutualAidBinding> BindingStore::activeByAuthorizer(qint64 authorizerId) const
{
    return select(QStringLiteral("authorizer_id = :id AND status = 'active'"), QStringLiteral(":id"), authorizerId);
}

QList<MutualAidBinding> BindingStore::byFiling(qint64 filingId) const
{
    return select(QStringLiteral("filing_id = :id"), QStringLiteral(":id"), filingId);
}

std::optional<MutualAidBinding> BindingStore::findById(qint64 bindingId) const
{
    const QList<MutualAidBinding> found = select(QStringLiteral("id = :id"), QStringLiteral(":id"), bindingId);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<MutualAidBinding> BindingStore::activeOfPair(qint64 authorizerId, qint64 targetId) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT id FROM binding WHERE authorizer_id = :a AND target_id = :t "
                                                "AND status = 'active'"));
    q.bind(QStringLiteral(":a"), authorizerId).bind(QStringLiteral(":t"), targetId).exec();
    if (!q.next())
        return std::nullopt;
    return findById(q.value(0).toLongLong());
}

bool BindingStore::activePairExists(qint64 authorizerId, qint64 targetId) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT 1 FROM binding WHERE authorizer_id = :a AND target_id = :t "
                                                "AND status = 'active'"));
    q.bind(QStringLiteral(":a"), authorizerId).bind(QStringLiteral(":t"), targetId).exec();
    return q.next();
}

std::optional<QDateTime> BindingStore::lastEndOfPair(qint64 authorizerId, qint64 targetId) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT MAX(ended_at) FROM binding WHERE authorizer_id = :a "
                                                "AND target_id = :t AND status = 'ended'"));
    q.bind(QStringLiteral(":a"), authorizerId).bind(QStringLiteral(":t"), targetId).exec();
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return Timestamp::fromText(q.value(0).toString());
}

void BindingStore::insert(MutualAidBinding &binding)
{
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, "
                                  "status, started_at, age_warning_confirmed) VALUES (:filing, :authorizer, :target, "
                                  ":relationship, :ruleSet, 'active', :started, :ageConfirmed) RETURNING id"));
    q.bind(QStringLiteral(":filing"), binding.filingId)
        .bind(QStringLiteral(":authorizer"), binding.authorizerId)
        .bind(QStringLiteral(":target"), binding.targetId)
        .bind(QStringLiteral(":relationship"), binding.relationship)
        .bind(QStringLiteral(":ruleSet"), binding.ruleSetId)
        .bind(QStringLiteral(":started"), Timestamp::toText(binding.startedAt))
        .bind(QStringLiteral(":ageConfirmed"), binding.ageWarningConfirmed ? 1 : 0)
        .exec();
    binding.id = q.insertedId();
    binding.status = QStringLiteral("active");
    SqlStatement proof(m_connection, QStringLiteral("INSERT INTO binding_proof (binding_id, proof) VALUES (:id, :proof)"));
    for (const QString &p : binding.proofs)
        proof.bind(QStringLiteral(":id"), binding.id).bind(QStringLiteral(":proof"), p).exec();
}

bool BindingStore::end(qint64 bindingId, const QDateTime &endedAt, const QString &endedBy,
                       const QString &requestedBy, const QString &reason)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE binding SET status = 'ended', ended_at = :at, ended_by = :by, "
                                  "end_requested_by = :requested, end_reason = :reason "
                                  "WHERE id = :id AND status = 'active'"));
    q.bind(QStringLiteral(":at"), Timestamp::toText(endedAt))
        .bind(QStringLiteral(":by"), endedBy)
        .bind(QStringLiteral(":requested"), requestedBy)
        .bind(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":id"), bindingId)
        .exec();
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

void BindingStore::forEachActiveByAuthorizerRegion(const QString &regionPrefix,
                                                   const std::function<void(const BindingWithPersons &)> &visit) const
{
    QString columns;
    for (const QString &column : QString::fromLatin1(kColumns).split(QStringLiteral(", ")))
        columns += QStringLiteral("b.") + column + QStringLiteral(", ");
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1%2, %3 FROM binding b JOIN person a ON a.id = b.authorizer_id "
                                  "JOIN person t ON t.id = b.target_id WHERE b.status = 'active' "
                                  "AND a.pooling_region >= :low AND a.pooling_region < :high ORDER BY b.id")
                       .arg(columns, PersonStore::columns(QStringLiteral("a")), PersonStore::columns(QStringLiteral("t"))));
    q.bind(QStringLiteral(":low"), regionPrefix).bind(QStringLiteral(":high"), QString(regionPrefix + QLatin1Char('~'))).exec();
    const int personColumns = 12;
    while (q.next()) {
        BindingWithPersons row;
        row.binding = bindingFrom(q);
        row.authorizer = PersonStore::fromRow(q, 13);
        row.target = PersonStore::fromRow(q, 13 + personColumns);
        visit(row);
    }
}

} // namespace gongji
