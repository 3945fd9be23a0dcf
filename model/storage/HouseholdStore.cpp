#include "model/storage/HouseholdStore.h"

#include <QTime>

#include "model/domain/MutualAidBinding.h"
#include "model/storage/JournalStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

using Kind = HouseholdBinding::Kind;
using Direction = HouseholdBinding::Direction;

// The binding columns of a row (0-12: the binding, its number, period, quota and hand-over
// state); the counterpart's person columns follow.
constexpr int kBindingColumns = 13;

struct Branch
{
    Kind kind;
    Direction direction;
    const char *from; // %1: how the person's id is found
};

// Four indexed lookups instead of one OR, which SQLite would not serve from one index.
const Branch kBranches[] = {
    {Kind::MutualAid, Direction::Outgoing,
     "FROM binding b JOIN filing f ON f.id = b.filing_id JOIN person p ON p.id = b.target_id "
     "WHERE b.authorizer_id = %1"},
    {Kind::MutualAid, Direction::Incoming,
     "FROM binding b JOIN filing f ON f.id = b.filing_id JOIN person p ON p.id = b.authorizer_id "
     "WHERE b.target_id = %1"},
    {Kind::Kinship, Direction::Outgoing,
     "FROM kinship_binding k JOIN person p ON p.id = k.member_id WHERE k.holder_id = %1"},
    {Kind::Kinship, Direction::Incoming,
     "FROM kinship_binding k JOIN person p ON p.id = k.holder_id WHERE k.member_id = %1"},
};

QString bindingColumns(Kind kind)
{
    if (kind == Kind::MutualAid)
        return QStringLiteral("b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, "
                              "b.end_requested_by, b.end_reason, f.filing_no, b.valid_until, b.quota_fen, ")
            + JournalStore::handoverColumns(QStringLiteral("binding_id"), QStringLiteral("b.id"));
    return QStringLiteral("k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, "
                          "k.end_requested_by, k.end_reason, k.binding_no, NULL, NULL, ")
        + JournalStore::handoverColumns(QStringLiteral("kinship_binding_id"), QStringLiteral("k.id"));
}

// One branch after its SELECT: the binding columns, the counterpart's, FROM and WHERE.
QString branchSql(const Branch &branch, const QString &key)
{
    return bindingColumns(branch.kind) + QStringLiteral(", ") + PersonStore::columns(QStringLiteral("p"))
        + QLatin1Char(' ') + QString::fromLatin1(branch.from).arg(key);
}

// The binding whose columns start at `first`, as bindingsOf's statements and the household
// statement's binding rows (shifted by one) give them.
HouseholdBinding bindingFrom(const SqlRow &q, int first, const Branch &branch, const QDate &on)
{
    HouseholdBinding b;
    b.kind = branch.kind;
    b.direction = branch.direction;
    b.bindingId = q.value(first).toLongLong();
    b.relationship = q.value(first + 1).toString();
    b.status = BindingStatuses::fromKeyword(q.value(first + 2).toString());
    b.startedAt = Timestamp::fromText(q.value(first + 3).toString());
    b.endedAt = Timestamp::fromText(q.value(first + 4).toString());
    b.endedBy = q.value(first + 5).toString();
    b.endRequestedBy = EndRequesters::fromKeyword(q.value(first + 6).toString());
    b.endReason = q.value(first + 7).toString();
    b.number = q.value(first + 8).toString();
    b.validUntil = Timestamp::dateFromText(q.value(first + 9).toString());
    if (!q.value(first + 10).isNull())
        b.quotaFen = q.value(first + 10).toLongLong();
    const JournalStore::HandoverState handover = JournalStore::handoverFrom(q.value(first + 11), q.value(first + 12));
    static const char *const keywords[] = {"", "waiting", "accepted", "rejected"};
    b.handover = QString::fromLatin1(keywords[int(handover.state)]);
    b.handoverReason = handover.reason;
    b.counterpart = PersonStore::fromRow(q, first + kBindingColumns);
    if (b.isActive() && b.validUntil.isValid() && b.validUntil < on) {
        // Its period is over but no program has stored that yet: shown as the expiry will store
        // it (BindingExpiry), never as active.
        b.status = BindingStatus::Ended;
        b.endedAt = QDateTime(b.validUntil.addDays(1), QTime(0, 0)).toUTC();
        b.endedBy = MutualAidBinding::systemActor();
        b.endRequestedBy = EndRequester::System;
        b.endReason = MutualAidBinding::expiredReason();
    }
    return b;
}

// One statement for the person and all four branches (UNION ALL), each branch still on its
// own index; `key` is how the person's id is found. Column 0 says which part a row is: 0 the
// person (binding columns NULL), 1-4 the branches in bindingsOf's order.
QString householdSql(const QString &personWhere, const QString &key)
{
    QStringList nulls;
    for (int i = 0; i < kBindingColumns; ++i)
        nulls.append(QStringLiteral("NULL"));
    QString sql = QStringLiteral("SELECT 0, %1, %2 FROM person p WHERE %3")
                      .arg(nulls.join(QStringLiteral(", ")), PersonStore::columns(QStringLiteral("p")), personWhere);
    for (int part = 1; part <= 4; ++part)
        sql += QStringLiteral(" UNION ALL SELECT %1, ").arg(part) + branchSql(kBranches[part - 1], key);
    return sql + QStringLiteral(" ORDER BY 1, 5, 2");
}

} // namespace

HouseholdStore::HouseholdStore(const QString &connection) : m_connection(connection) {}

QList<HouseholdBinding> HouseholdStore::bindingsOf(qint64 personId, const QDate &on) const
{
    QList<HouseholdBinding> bindings;
    for (const Branch &branch : kBranches) {
        SqlStatement q(m_connection,
                       QStringLiteral("SELECT ") + branchSql(branch, QStringLiteral(":id"))
                           + QStringLiteral(" ORDER BY 4, 1"));
        q.bind(QStringLiteral(":id"), personId).exec();
        while (q.next())
            bindings.append(bindingFrom(q, 0, branch, on));
    }
    return bindings;
}

QString HouseholdStore::householdByDocumentSql()
{
    static const QString sql
        = householdSql(QStringLiteral("p.id_type = :type AND p.id_number = :number"),
                       QStringLiteral("(SELECT id FROM person WHERE id_type = :type AND id_number = :number)"));
    return sql;
}

std::optional<Household> HouseholdStore::findByDocument(const QString &idType, const QString &idNumber,
                                                        const QDate &on) const
{
    return household(householdByDocumentSql(),
                     {{QStringLiteral(":type"), idType}, {QStringLiteral(":number"), idNumber}}, on);
}

std::optional<Household> HouseholdStore::findById(qint64 personId, const QDate &on) const
{
    static const QString sql = householdSql(QStringLiteral("p.id = :id"), QStringLiteral(":id"));
    return household(sql, {{QStringLiteral(":id"), personId}}, on);
}

std::optional<Household>
HouseholdStore::household(const QString &sql, const QList<std::pair<QString, QVariant>> &values, const QDate &on) const
{
    // A batch of one: on a server, the statement prepared once per session and run through
    // libpq, one round trip (docs/storage.md).
    StatementBatch batch(m_connection);
    const int statement = batch.add(sql);
    for (const auto &[placeholder, value] : values)
        batch.bind(placeholder, value);
    batch.run();
    StatementBatch::Rows q = batch.rows(statement);
    if (!q.next() || q.value(0).toInt() != 0)
        return std::nullopt;
    Household household;
    household.person = PersonStore::fromRow(q, 1 + kBindingColumns);
    while (q.next())
        household.bindings.append(bindingFrom(q, 1, kBranches[qBound(1, q.value(0).toInt(), 4) - 1], on));
    return household;
}

} // namespace gongji
