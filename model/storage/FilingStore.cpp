#include "model/storage/FilingStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[] = "id, filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
                        "commitment_version, commitment_at, commitment_method";

Filing filingFrom(const SqlStatement &row)
{
    Filing f;
    f.id = row.value(0).toLongLong();
    f.number = row.value(1).toString();
    f.authorizerId = row.value(2).toLongLong();
    f.clerk = row.value(3).toString();
    f.channel = row.value(4).toString();
    f.filedAt = Timestamp::fromText(row.value(5).toString());
    f.effectiveOn = Timestamp::dateFromText(row.value(6).toString());
    f.ruleSetId = row.value(7).toLongLong();
    f.commitmentVersion = row.value(8).toString();
    f.commitmentAt = Timestamp::fromText(row.value(9).toString());
    f.commitmentMethod = row.value(10).toString();
    return f;
}

} // namespace

FilingStore::FilingStore(const QString &connection) : m_connection(connection) {}

QString FilingStore::nextNumber(const QDate &day) const
{
    const QString prefix = QStringLiteral("GJ") + day.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-');
    // Numbers of one day share the prefix and sort by sequence (fixed width).
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT MAX(filing_no) FROM filing WHERE filing_no >= :low AND filing_no < :high"));
    q.bind(QStringLiteral(":low"), prefix).bind(QStringLiteral(":high"), QString(prefix + QLatin1Char('~'))).exec();
    int sequence = 1;
    if (q.next() && !q.value(0).isNull())
        sequence = q.value(0).toString().mid(prefix.size()).toInt() + 1;
    return prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

void FilingStore::insert(Filing &filing)
{
    SqlStatement q(
        m_connection,
        QStringLiteral(
            "INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, "
            "rule_set_id, commitment_version, commitment_at, commitment_method) VALUES (:number, :authorizer, "
            ":clerk, :channel, :filedAt, :effective, :ruleSet, :version, :commitmentAt, :method) "
            "RETURNING id"));
    q.bind(QStringLiteral(":number"), filing.number)
        .bind(QStringLiteral(":authorizer"), filing.authorizerId)
        .bind(QStringLiteral(":clerk"), filing.clerk)
        .bind(QStringLiteral(":channel"), filing.channel)
        .bind(QStringLiteral(":filedAt"), Timestamp::toText(filing.filedAt))
        .bind(QStringLiteral(":effective"), Timestamp::dateToText(filing.effectiveOn))
        .bind(QStringLiteral(":ruleSet"), filing.ruleSetId)
        .bind(QStringLiteral(":version"), filing.commitmentVersion)
        .bind(QStringLiteral(":commitmentAt"), Timestamp::toText(filing.commitmentAt))
        .bind(QStringLiteral(":method"), filing.commitmentMethod)
        .exec();
    filing.id = q.insertedId();
}

std::optional<Filing> FilingStore::findByNumber(const QString &number) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1 FROM filing WHERE filing_no = :number").arg(QLatin1String(kColumns)));
    q.bind(QStringLiteral(":number"), number).exec();
    if (!q.next())
        return std::nullopt;
    return filingFrom(q);
}

std::optional<Filing> FilingStore::findById(qint64 id) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT %1 FROM filing WHERE id = :id").arg(QLatin1String(kColumns)));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return filingFrom(q);
}

qint64 FilingStore::count() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM filing"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace gongji
