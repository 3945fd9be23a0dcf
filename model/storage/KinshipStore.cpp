#include "model/storage/KinshipStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[] = "id, binding_no, holder_id, member_id, relationship, face_verified, household_register_seen, "
                        "clerk, channel, status, started_at, ended_at, ended_by, end_requested_by, end_reason";

KinshipBinding kinshipFrom(const SqlStatement &row)
{
    KinshipBinding k;
    k.id = row.value(0).toLongLong();
    k.number = row.value(1).toString();
    k.holderId = row.value(2).toLongLong();
    k.memberId = row.value(3).toLongLong();
    k.relationship = row.value(4).toString();
    k.faceVerified = row.value(5).toInt() != 0;
    k.householdRegisterSeen = row.value(6).toInt() != 0;
    k.clerk = row.value(7).toString();
    k.channel = row.value(8).toString();
    k.status = BindingStatuses::fromKeyword(row.value(9).toString());
    k.startedAt = Timestamp::fromText(row.value(10).toString());
    k.endedAt = Timestamp::fromText(row.value(11).toString());
    k.endedBy = row.value(12).toString();
    k.endRequestedBy = EndRequesters::fromKeyword(row.value(13).toString());
    k.endReason = row.value(14).toString();
    return k;
}

} // namespace

KinshipStore::KinshipStore(const QString &connection) : m_connection(connection) {}

std::optional<KinshipRule> KinshipStore::ruleOn(const QDate &date) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT max_members_per_holder, face_verification_age FROM kinship_rule "
                                  "WHERE effective_from <= :date ORDER BY effective_from DESC, id DESC LIMIT 1"));
    q.bind(QStringLiteral(":date"), Timestamp::dateToText(date)).exec();
    if (!q.next())
        return std::nullopt;
    return KinshipRule{q.value(0).toInt(), q.value(1).toInt()};
}

QList<KinshipBinding> KinshipStore::select(const QString &where, const QString &placeholder,
                                           const QVariant &value) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1 FROM kinship_binding WHERE %2 ORDER BY started_at, id")
                       .arg(QLatin1String(kColumns), where));
    q.bind(placeholder, value).exec();
    QList<KinshipBinding> list;
    while (q.next())
        list.append(kinshipFrom(q));
    return list;
}

std::optional<KinshipBinding> KinshipStore::findById(qint64 id) const
{
    const QList<KinshipBinding> found = select(QStringLiteral("id = :v"), QStringLiteral(":v"), id);
    return found.isEmpty() ? std::nullopt : std::optional<KinshipBinding>(found.first());
}

std::optional<KinshipBinding> KinshipStore::findByNumber(const QString &number) const
{
    const QList<KinshipBinding> found = select(QStringLiteral("binding_no = :v"), QStringLiteral(":v"), number);
    return found.isEmpty() ? std::nullopt : std::optional<KinshipBinding>(found.first());
}

QList<KinshipBinding> KinshipStore::activeByHolder(qint64 holderId) const
{
    return select(QStringLiteral("holder_id = :v AND status = 'active'"), QStringLiteral(":v"), holderId);
}

QList<KinshipBinding> KinshipStore::activeByMember(qint64 memberId) const
{
    return select(QStringLiteral("member_id = :v AND status = 'active'"), QStringLiteral(":v"), memberId);
}

std::optional<KinshipBinding> KinshipStore::activeOfPair(qint64 holderId, qint64 memberId) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT id FROM kinship_binding WHERE holder_id = :h AND member_id = :m "
                                  "AND status = 'active'"));
    q.bind(QStringLiteral(":h"), holderId).bind(QStringLiteral(":m"), memberId).exec();
    if (!q.next())
        return std::nullopt;
    return findById(q.value(0).toLongLong());
}

bool KinshipStore::activePairExists(qint64 holderId, qint64 memberId) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT 1 FROM kinship_binding WHERE holder_id = :h AND member_id = :m "
                                  "AND status = 'active'"));
    q.bind(QStringLiteral(":h"), holderId).bind(QStringLiteral(":m"), memberId).exec();
    return q.next();
}

QString KinshipStore::nextNumber(const QDate &day) const
{
    const QString prefix = QStringLiteral("QQ") + day.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-');
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT MAX(binding_no) FROM kinship_binding "
                                  "WHERE binding_no >= :low AND binding_no < :high"));
    q.bind(QStringLiteral(":low"), prefix).bind(QStringLiteral(":high"), QString(prefix + QLatin1Char('~'))).exec();
    int sequence = 1;
    if (q.next() && !q.value(0).isNull())
        sequence = q.value(0).toString().mid(prefix.size()).toInt() + 1;
    return prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

void KinshipStore::insert(KinshipBinding &binding)
{
    SqlStatement q(
        m_connection,
        QStringLiteral("INSERT INTO kinship_binding (binding_no, holder_id, member_id, relationship, face_verified, "
                       "household_register_seen, clerk, channel, status, started_at) VALUES (:number, :holder, "
                       ":member, :relationship, :face, :register, :clerk, :channel, 'active', :started) RETURNING id"));
    q.bind(QStringLiteral(":number"), binding.number)
        .bind(QStringLiteral(":holder"), binding.holderId)
        .bind(QStringLiteral(":member"), binding.memberId)
        .bind(QStringLiteral(":relationship"), binding.relationship)
        .bind(QStringLiteral(":face"), binding.faceVerified ? 1 : 0)
        .bind(QStringLiteral(":register"), binding.householdRegisterSeen ? 1 : 0)
        .bind(QStringLiteral(":clerk"), binding.clerk)
        .bind(QStringLiteral(":channel"), binding.channel)
        .bind(QStringLiteral(":started"), Timestamp::toText(binding.startedAt))
        .exec();
    binding.id = q.insertedId();
    binding.status = BindingStatus::Active;
}

bool KinshipStore::end(qint64 id, const QDateTime &endedAt, const QString &endedBy, EndRequester requestedBy,
                       const QString &reason)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE kinship_binding SET status = 'ended', ended_at = :at, ended_by = :by, "
                                  "end_requested_by = :requested, end_reason = :reason "
                                  "WHERE id = :id AND status = 'active'"));
    q.bind(QStringLiteral(":at"), Timestamp::toText(endedAt))
        .bind(QStringLiteral(":by"), endedBy)
        .bind(QStringLiteral(":requested"), EndRequesters::keyword(requestedBy))
        .bind(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":id"), id)
        .exec();
    return q.rowsAffected() == 1;
}

} // namespace gongji
