#include "model/storage/HouseholdStore.h"

#include "model/storage/PersonStore.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

using Kind = HouseholdBinding::Kind;
using Direction = HouseholdBinding::Direction;

// The binding columns (0-8) and the counterpart's person columns (9-20) of a row, as
// bindingsOf's statements and the household statement's binding rows (shifted by one) give them.
HouseholdBinding bindingFrom(const SqlStatement &q, int first, Kind kind, Direction direction)
{
    HouseholdBinding b;
    b.kind = kind;
    b.direction = direction;
    b.bindingId = q.value(first).toLongLong();
    b.relationship = q.value(first + 1).toString();
    b.status = q.value(first + 2).toString();
    b.startedAt = Timestamp::fromText(q.value(first + 3).toString());
    b.endedAt = Timestamp::fromText(q.value(first + 4).toString());
    b.endedBy = q.value(first + 5).toString();
    b.endRequestedBy = q.value(first + 6).toString();
    b.endReason = q.value(first + 7).toString();
    b.number = q.value(first + 8).toString();
    b.counterpart = PersonStore::fromRow(q, first + 9);
    return b;
}

// One statement for the person and all four branches (UNION ALL), each branch still on its
// own index; `key` is how the person's id is found. Column 0 says which part a row is: 0 the
// person (binding columns NULL), 1-4 the branches in bindingsOf's order.
QString householdSql(const QString &personWhere, const QString &key)
{
    const QString p = PersonStore::columns(QStringLiteral("p"));
    const QString nulls = QStringLiteral("NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL");
    const QString b = QStringLiteral("b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, "
                                     "b.end_requested_by, b.end_reason, f.filing_no, ");
    const QString k = QStringLiteral("k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, "
                                     "k.end_requested_by, k.end_reason, k.binding_no, ");
    return QStringLiteral("SELECT 0, %1, %2 FROM person p WHERE %3 "
                          "UNION ALL SELECT 1, %4%2 FROM binding b JOIN filing f ON f.id = b.filing_id "
                          "JOIN person p ON p.id = b.target_id WHERE b.authorizer_id = %6 "
                          "UNION ALL SELECT 2, %4%2 FROM binding b JOIN filing f ON f.id = b.filing_id "
                          "JOIN person p ON p.id = b.authorizer_id WHERE b.target_id = %6 "
                          "UNION ALL SELECT 3, %5%2 FROM kinship_binding k JOIN person p ON p.id = k.member_id "
                          "WHERE k.holder_id = %6 "
                          "UNION ALL SELECT 4, %5%2 FROM kinship_binding k JOIN person p ON p.id = k.holder_id "
                          "WHERE k.member_id = %6 "
                          "ORDER BY 1, 5, 2")
        .arg(nulls, p, personWhere, b, k, key);
}

} // namespace

HouseholdStore::HouseholdStore(const QString &connection) : m_connection(connection) {}

QList<HouseholdBinding> HouseholdStore::bindingsOf(qint64 personId) const
{
    struct Branch
    {
        Kind kind;
        Direction direction;
        const char *sql; // %1: the counterpart's person columns
    };
    // Four indexed lookups instead of one OR, which SQLite would not serve from one index.
    static const Branch branches[] = {
        {Kind::MutualAid, Direction::Outgoing,
         "SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, b.end_requested_by, b.end_reason, "
         "f.filing_no, %1 FROM binding b JOIN filing f ON f.id = b.filing_id JOIN person p ON p.id = b.target_id "
         "WHERE b.authorizer_id = :id"},
        {Kind::MutualAid, Direction::Incoming,
         "SELECT b.id, b.relationship, b.status, b.started_at, b.ended_at, b.ended_by, b.end_requested_by, b.end_reason, "
         "f.filing_no, %1 FROM binding b JOIN filing f ON f.id = b.filing_id JOIN person p ON p.id = b.authorizer_id "
         "WHERE b.target_id = :id"},
        {Kind::Kinship, Direction::Outgoing,
         "SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, k.end_requested_by, k.end_reason, "
         "k.binding_no, %1 FROM kinship_binding k JOIN person p ON p.id = k.member_id WHERE k.holder_id = :id"},
        {Kind::Kinship, Direction::Incoming,
         "SELECT k.id, k.relationship, k.status, k.started_at, k.ended_at, k.ended_by, k.end_requested_by, k.end_reason, "
         "k.binding_no, %1 FROM kinship_binding k JOIN person p ON p.id = k.holder_id WHERE k.member_id = :id"},
    };
    QList<HouseholdBinding> bindings;
    for (const Branch &branch : branches) {
        SqlStatement q(m_connection, QString::fromLatin1(branch.sql).arg(PersonStore::columns(QStringLiteral("p")))
                                         + QStringLiteral(" ORDER BY 4, 1"));
        q.bind(QStringLiteral(":id"), personId).exec();
        while (q.next())
            bindings.append(bindingFrom(q, 0, branch.kind, branch.direction));
    }
    return bindings;
}

QString HouseholdStore::householdByDocumentSql()
{
    static const QString sql = householdSql(QStringLiteral("p.id_type = :type AND p.id_number = :number"),
                                            QStringLiteral("(SELECT id FROM person WHERE id_type = :type AND id_number = :number)"));
    return sql;
}

std::optional<Household> HouseholdStore::findByDocument(const QString &idType, const QString &idNumber) const
{
    return household(householdByDocumentSql(), {{QStringLiteral(":type"), idType}, {QStringLiteral(":number"), idNumber}});
}

std::optional<Household> HouseholdStore::findById(qint64 personId) const
{
    static const QString sql = householdSql(QStringLiteral("p.id = :id"), QStringLiteral(":id"));
    return household(sql, {{QStringLiteral(":id"), personId}});
}

std::optional<Household> HouseholdStore::household(const QString &sql, const QList<std::pair<QString, QVariant>> &values) const
{
    static const std::pair<Kind, Direction> parts[] = {{Kind::MutualAid, Direction::Outgoing},
                                                       {Kind::MutualAid, Direction::Incoming},
                                                       {Kind::Kinship, Direction::Outgoing},
                                                       {Kind::Kinship, Direction::Incoming}};
    SqlStatement q(m_connection, sql);
    for (const auto &[placeholder, value] : values)
        q.bind(placeholder, value);
    q.exec();
    if (!q.next() || q.value(0).toInt() != 0)
        return std::nullopt;
    Household household;
    household.person = PersonStore::fromRow(q, 10);
    while (q.next()) {
        const auto &[kind, direction] = parts[qBound(1, q.value(0).toInt(), 4) - 1];
        household.bindings.append(bindingFrom(q, 1, kind, direction));
    }
    return household;
}

} // namespace gongji
