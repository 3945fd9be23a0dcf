#include "model/storage/HouseholdStore.h"

#include <QTime>

#include "model/domain/MutualAidBinding.h"
#include "model/storage/JournalStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

HouseholdStore::HouseholdStore(const QString &connection) : m_connection(connection) {}

QList<HouseholdBinding> HouseholdStore::bindingsOf(qint64 personId, const QDate &on) const
{
    using Kind = HouseholdBinding::Kind;
    using Direction = HouseholdBinding::Direction;
    struct Branch
    {
        Kind kind;
        Direction direction;
        const char *sql; // %1: the counterpart's person columns
    };
    // Four indexed lookups instead of one OR, which SQLite would not serve from one index.
    static const Branch branches[] = {
        {Kind::MutualAid, Direction::Outgoing,
         "SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, b.end_requested_by, "
         "b.end_reason, "
         "f.filing_no, b.valid_until, b.quota_fen, %1 FROM binding b JOIN filing f ON f.id = b.filing_id "
         "JOIN person p ON p.id = b.target_id WHERE b.authorizer_id = :id"},
        {Kind::MutualAid, Direction::Incoming,
         "SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, b.end_requested_by, "
         "b.end_reason, "
         "f.filing_no, b.valid_until, b.quota_fen, %1 FROM binding b JOIN filing f ON f.id = b.filing_id "
         "JOIN person p ON p.id = b.authorizer_id "
         "WHERE b.target_id = :id"},
        {Kind::Kinship, Direction::Outgoing,
         "SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, k.end_requested_by, "
         "k.end_reason, "
         "k.binding_no, NULL, NULL, %1 FROM kinship_binding k JOIN person p ON p.id = k.member_id WHERE k.holder_id = "
         ":id"},
        {Kind::Kinship, Direction::Incoming,
         "SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, k.end_requested_by, "
         "k.end_reason, "
         "k.binding_no, NULL, NULL, %1 FROM kinship_binding k JOIN person p ON p.id = k.holder_id WHERE k.member_id = "
         ":id"},
    };
    QList<HouseholdBinding> bindings;
    for (const Branch &branch : branches) {
        SqlStatement q(m_connection,
                       QString::fromLatin1(branch.sql).arg(PersonStore::columns(QStringLiteral("p")))
                           + QStringLiteral(" ORDER BY 4, 1"));
        q.bind(QStringLiteral(":id"), personId).exec();
        while (q.next()) {
            HouseholdBinding b;
            b.kind = branch.kind;
            b.direction = branch.direction;
            b.bindingId = q.value(0).toLongLong();
            b.relationship = q.value(1).toString();
            b.status = BindingStatuses::fromKeyword(q.value(2).toString());
            b.startedAt = Timestamp::fromText(q.value(3).toString());
            b.endedAt = Timestamp::fromText(q.value(4).toString());
            b.endedBy = q.value(5).toString();
            b.endRequestedBy = EndRequesters::fromKeyword(q.value(6).toString());
            b.endReason = q.value(7).toString();
            b.number = q.value(8).toString();
            b.validUntil = Timestamp::dateFromText(q.value(9).toString());
            if (!q.value(10).isNull())
                b.quotaFen = q.value(10).toLongLong();
            b.counterpart = PersonStore::fromRow(q, 11);
            if (b.isActive() && b.validUntil.isValid() && b.validUntil < on) {
                // Its period is over but no program has stored that yet: shown as the expiry
                // will store it (BindingExpiry), never as active.
                b.status = BindingStatus::Ended;
                b.endedAt = QDateTime(b.validUntil.addDays(1), QTime(0, 0)).toUTC();
                b.endedBy = MutualAidBinding::systemActor();
                b.endRequestedBy = EndRequester::System;
                b.endReason = MutualAidBinding::expiredReason();
            }
            bindings.append(b);
        }
    }
    JournalStore journal(m_connection);
    for (HouseholdBinding &b : bindings) {
        const JournalStore::HandoverState state = b.kind == Kind::MutualAid
            ? journal.handoverOfBinding(b.bindingId)
            : journal.handoverOfKinshipBinding(b.bindingId);
        static const char *const keywords[] = {"", "waiting", "accepted", "rejected"};
        b.handover = QString::fromLatin1(keywords[int(state.state)]);
        b.handoverReason = state.reason;
    }
    return bindings;
}

} // namespace gongji
