#pragma once
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>
#include <optional>

namespace gongji {

class StatementBatch;

// Every SQL statement on the hand-over journal (docs/journal.md): the counter, the lines and the
// platform's receipts.
class JournalStore
{
public:
    struct Line
    {
        QDateTime at;
        QString item;
        QString clerk;
        qint64 bindingId = 0; // the mutual-aid binding the line is about, or 0
        qint64 kinshipBindingId = 0; // the kinship binding the line is about, or 0
        QString text; // the exported JSON line, without its newline
    };
    struct Receipt
    {
        qint64 seq = 0;
        QString result; // "accepted" | "rejected"
        QString reason; // set when rejected
    };
    // What the platform made of the lines about one binding.
    enum class Handover { NotJournaled, Waiting, Accepted, Rejected };
    struct HandoverState
    {
        Handover state = Handover::NotJournaled;
        QString reason; // of the latest rejection
    };

    explicit JournalStore(const QString &connection);

    // Takes the next sequence number (one more than the last, never reused while the transaction
    // commits). Call inside the WriteTransaction that stores the line with it.
    qint64 takeNextSeq() const;
    // Stores `line` under `seq`. Call inside a WriteTransaction.
    void insert(qint64 seq, const Line &line) const;
    qint64 lastSeq() const;
    // Among other statements sent together (a filing's, under its write lock): the counter read
    // first; then `count` numbers taken after it and the lines stored under them. A line whose
    // number another writer took meanwhile fails on the journal's key: nothing is stored.
    static int queueLastSeq(StatementBatch &batch);
    static qint64 readLastSeq(const StatementBatch &batch, int index);
    static void queueTake(StatementBatch &batch, int count);
    static void queueInsert(StatementBatch &batch, qint64 seq, const Line &line);
    // The lines with seq > after, in order, to `visit` (seq, text).
    void forEachAfter(qint64 after, const std::function<void(qint64, const QString &)> &visit) const;
    bool exists(qint64 seq) const;
    std::optional<Receipt> receiptOf(qint64 seq) const;
    // Call inside a WriteTransaction.
    void insertReceipt(const Receipt &receipt, const QDateTime &receivedAt, const QString &recordedBy) const;
    // Lines without an answer yet.
    qint64 countWaiting() const;
    // Any rejected line about the binding wins, then any line still waiting.
    HandoverState handoverOfBinding(qint64 bindingId) const;
    HandoverState handoverOfKinshipBinding(qint64 kinshipBindingId) const;
    // The same as two SQL expressions (the state as int(Handover), the reason) on the lines whose
    // `column` ("binding_id" or "kinship_binding_id") equals the SQL expression `id`, so that a
    // statement reading bindings carries their hand-over state in the same round trip.
    static QString handoverColumns(const QString &column, const QString &id);
    static HandoverState handoverFrom(const QVariant &state, const QVariant &reason);

private:
    HandoverState handover(const QString &column, qint64 id) const;
    QString m_connection;
};

} // namespace gongji
