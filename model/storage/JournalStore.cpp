#include "model/storage/JournalStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

JournalStore::JournalStore(const QString &connection) : m_connection(connection) {}

qint64 JournalStore::takeNextSeq() const
{
    // The UPDATE takes the counter row for this transaction: another writer waits for the commit
    // (or rollback) and then adds one to what this one left.
    SqlStatement update(m_connection,
                        QStringLiteral("UPDATE journal_counter SET last_seq = last_seq + 1 WHERE id = 1"));
    update.exec();
    if (update.rowsAffected() != 1)
        throw StorageError(StorageError::Kind::Other, QStringLiteral("The journal counter is missing."));
    return lastSeq();
}

void JournalStore::insert(qint64 seq, const Line &line) const
{
    StatementBatch batch(m_connection);
    queueInsert(batch, seq, line);
    batch.run();
}

qint64 JournalStore::lastSeq() const
{
    StatementBatch batch(m_connection);
    const int index = queueLastSeq(batch);
    batch.run();
    return readLastSeq(batch, index);
}

int JournalStore::queueLastSeq(StatementBatch &batch)
{
    return batch.add(QStringLiteral("SELECT last_seq FROM journal_counter WHERE id = 1"));
}

qint64 JournalStore::readLastSeq(const StatementBatch &batch, int index)
{
    StatementBatch::Rows row = batch.rows(index);
    return row.next() ? row.value(0).toLongLong() : 0;
}

void JournalStore::queueTake(StatementBatch &batch, int count)
{
    batch.add(QStringLiteral("UPDATE journal_counter SET last_seq = last_seq + :count WHERE id = 1"));
    batch.bind(QStringLiteral(":count"), count);
}

void JournalStore::queueInsert(StatementBatch &batch, qint64 seq, const Line &line)
{
    batch.add(QStringLiteral("INSERT INTO journal (seq, at, item, clerk, binding_id, kinship_binding_id, line) "
                             "VALUES (:seq, :at, :item, :clerk, :binding, :kinship, :line)"));
    batch.bind(QStringLiteral(":seq"), seq)
        .bind(QStringLiteral(":at"), Timestamp::toText(line.at))
        .bind(QStringLiteral(":item"), line.item)
        .bind(QStringLiteral(":clerk"), line.clerk)
        .bind(QStringLiteral(":binding"),
              line.bindingId > 0 ? QVariant(line.bindingId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":kinship"),
              line.kinshipBindingId > 0 ? QVariant(line.kinshipBindingId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":line"), line.text);
}

void JournalStore::forEachAfter(qint64 after, const std::function<void(qint64, const QString &)> &visit) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT seq, line FROM journal WHERE seq > :after ORDER BY seq"));
    q.bind(QStringLiteral(":after"), after).exec();
    while (q.next())
        visit(q.value(0).toLongLong(), q.value(1).toString());
}

bool JournalStore::exists(qint64 seq) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT 1 FROM journal WHERE seq = :seq"));
    q.bind(QStringLiteral(":seq"), seq).exec();
    return q.next();
}

std::optional<JournalStore::Receipt> JournalStore::receiptOf(qint64 seq) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT result, reason FROM journal_receipt WHERE seq = :seq"));
    q.bind(QStringLiteral(":seq"), seq).exec();
    if (!q.next())
        return std::nullopt;
    return Receipt{seq, q.value(0).toString(), q.value(1).toString()};
}

void JournalStore::insertReceipt(const Receipt &receipt, const QDateTime &receivedAt, const QString &recordedBy) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO journal_receipt (seq, result, reason, received_at, recorded_by) "
                                  "VALUES (:seq, :result, COALESCE(:reason, ''), :at, :by)"));
    q.bind(QStringLiteral(":seq"), receipt.seq)
        .bind(QStringLiteral(":result"), receipt.result)
        .bind(QStringLiteral(":reason"), receipt.reason)
        .bind(QStringLiteral(":at"), Timestamp::toText(receivedAt))
        .bind(QStringLiteral(":by"), recordedBy)
        .exec();
}

qint64 JournalStore::countWaiting() const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT COUNT(*) FROM journal j WHERE NOT EXISTS "
                                  "(SELECT 1 FROM journal_receipt r WHERE r.seq = j.seq)"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString JournalStore::handoverColumns(const QString &column, const QString &id)
{
    // `column` and `id` are our own constants, never input. Any rejected line wins (with the
    // latest rejection's reason), then any line still without an answer.
    const QString lines
        = QStringLiteral("FROM journal j LEFT JOIN journal_receipt r ON r.seq = j.seq WHERE j.%1 = %2").arg(column, id);
    return QStringLiteral("CASE WHEN EXISTS (SELECT 1 %1 AND r.result = 'rejected') THEN %2 "
                          "WHEN EXISTS (SELECT 1 %1 AND COALESCE(r.result, '') = '') THEN %3 "
                          "WHEN EXISTS (SELECT 1 %1) THEN %4 ELSE %5 END, "
                          "(SELECT r.reason %1 AND r.result = 'rejected' ORDER BY j.seq DESC LIMIT 1)")
        .arg(lines, QString::number(int(Handover::Rejected)), QString::number(int(Handover::Waiting)),
             QString::number(int(Handover::Accepted)), QString::number(int(Handover::NotJournaled)));
}

JournalStore::HandoverState JournalStore::handoverFrom(const QVariant &state, const QVariant &reason)
{
    HandoverState handover;
    const int value = state.toInt();
    if (value >= int(Handover::NotJournaled) && value <= int(Handover::Rejected))
        handover.state = Handover(value);
    if (handover.state == Handover::Rejected)
        handover.reason = reason.toString();
    return handover;
}

JournalStore::HandoverState JournalStore::handover(const QString &column, qint64 id) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT ") + handoverColumns(column, QStringLiteral(":id")));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() ? handoverFrom(q.value(0), q.value(1)) : HandoverState{};
}

JournalStore::HandoverState JournalStore::handoverOfBinding(qint64 bindingId) const
{
    return handover(QStringLiteral("binding_id"), bindingId);
}

JournalStore::HandoverState JournalStore::handoverOfKinshipBinding(qint64 kinshipBindingId) const
{
    return handover(QStringLiteral("kinship_binding_id"), kinshipBindingId);
}

} // namespace gongji
