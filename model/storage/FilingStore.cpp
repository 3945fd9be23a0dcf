#include "model/storage/FilingStore.h"

#include "model/storage/StatementBatch.h"
#include "model/storage/IdReservation.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[] = "id, filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
                        "commitment_version, commitment_at, commitment_method";

Filing filingFrom(const SqlRow &row)
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

namespace {

QString prefixOf(const QDate &day)
{
    return QStringLiteral("GJ") + day.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-');
}

} // namespace

int FilingStore::queueNextNumber(StatementBatch &batch, const QDate &day)
{
    const QString prefix = prefixOf(day);
    // Numbers of one day share the prefix and sort by sequence (fixed width).
    const int index
        = batch.add(QStringLiteral("SELECT MAX(filing_no) FROM filing WHERE filing_no >= :low AND filing_no < :high"));
    batch.bind(QStringLiteral(":low"), prefix).bind(QStringLiteral(":high"), QString(prefix + QLatin1Char('~')));
    return index;
}

QString FilingStore::readNextNumber(const StatementBatch &batch, int index, const QDate &day)
{
    const QString prefix = prefixOf(day);
    StatementBatch::Rows row = batch.rows(index);
    int sequence = 1;
    if (row.next() && !row.value(0).isNull())
        sequence = row.value(0).toString().mid(prefix.size()).toInt() + 1;
    return prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
}

QString FilingStore::nextNumber(const QDate &day) const
{
    StatementBatch batch(m_connection);
    const int index = queueNextNumber(batch, day);
    batch.run();
    return readNextNumber(batch, index, day);
}

void FilingStore::insert(Filing &filing)
{
    StatementBatch batch(m_connection);
    const int ids = IdReservation::queue(batch, QStringLiteral("filing"), 1);
    batch.run();
    filing.id = IdReservation::read(batch, ids).value(0);
    queueInsert(batch, filing);
    batch.run();
}

void FilingStore::queueInsert(StatementBatch &batch, const Filing &filing)
{
    batch.add(QStringLiteral(
        "INSERT INTO filing (id, filing_no, authorizer_id, clerk, channel, filed_at, effective_on, "
        "rule_set_id, commitment_version, commitment_at, commitment_method) VALUES (:id, :number, :authorizer, "
        ":clerk, :channel, :filedAt, :effective, :ruleSet, :version, :commitmentAt, :method)"));
    batch.bind(QStringLiteral(":id"), filing.id)
        .bind(QStringLiteral(":number"), filing.number)
        .bind(QStringLiteral(":authorizer"), filing.authorizerId)
        .bind(QStringLiteral(":clerk"), filing.clerk)
        .bind(QStringLiteral(":channel"), filing.channel)
        .bind(QStringLiteral(":filedAt"), Timestamp::toText(filing.filedAt))
        .bind(QStringLiteral(":effective"), Timestamp::dateToText(filing.effectiveOn))
        .bind(QStringLiteral(":ruleSet"), filing.ruleSetId)
        .bind(QStringLiteral(":version"), filing.commitmentVersion)
        .bind(QStringLiteral(":commitmentAt"), Timestamp::toText(filing.commitmentAt))
        .bind(QStringLiteral(":method"), filing.commitmentMethod);
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
