#pragma once
#include <QString>

#include <optional>

#include "model/domain/Filing.h"
#include "model/domain/MutualAidBinding.h"
#include "model/journal/JournalEntry.h"
#include "model/storage/JournalStore.h"

namespace gongji {

class StatementBatch;

// The hand-over journal (docs/journal.md): every stored change gets one line with a gap-free
// sequence number, written in the transaction of the change, so that the change and its line
// stand or fall together. A mutation calls it inside its WriteTransaction, after storing:
//
//     HandoverJournal(connection).recordMutualAid(QStringLiteral("expiry"), bindingId, clerk);
//
// The record… functions read what they describe back from the database (as just stored); a
// change of another shape builds a JournalEntry and calls append. Throws StorageError.
class HandoverJournal
{
public:
    explicit HandoverJournal(const QString &connection);

    // A filing (its authorizer, rule set and effective date); its bindings get lines of their own.
    qint64 recordFiling(qint64 filingId);
    // A change of one mutual-aid binding: "binding" (stored), "revocation", "automatic_end",
    // "expiry", "quota_change", …; the result says whether it is now bound or ended.
    qint64 recordMutualAid(const QString &item, qint64 bindingId, const QString &clerk);
    // A change of one kinship binding: "kinship_binding", "kinship_end", "kinship_automatic_end".
    qint64 recordKinship(const QString &item, qint64 kinshipBindingId, const QString &clerk);
    // Any entry: takes the next number and stores the line. Returns the number.
    qint64 append(const JournalEntry &entry);

    // For a change whose writes are sent together (a filing's): the entries from what it has in
    // hand, and their lines added to `batch`, numbered after `lastSeq` (JournalStore::queueLastSeq,
    // read under the same write lock).
    static JournalEntry filingEntry(const Filing &filing, const Person &authorizer, const QString &region);
    static JournalEntry mutualAidEntry(const QString &item, const MutualAidBinding &binding,
                                       const std::optional<Filing> &filing, const Person &authorizer,
                                       const Person &target, const QString &region, const QString &clerk);
    static void queue(StatementBatch &batch, const QList<JournalEntry> &entries, qint64 lastSeq);

private:
    static JournalStore::Line lineOf(const JournalEntry &entry, qint64 seq);
    QString m_connection;
};

} // namespace gongji
