#include "model/journal/HandoverJournal.h"

#include <QJsonDocument>

#include "model/office/OfficeSettings.h"
#include "model/storage/BindingStore.h"
#include "model/storage/FilingStore.h"
#include "model/storage/JournalStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/RuleSetStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

[[noreturn]] void missing(const QString &what, qint64 id)
{
    // A caller passes what it has just stored in the same transaction: this is a program error.
    throw StorageError(StorageError::Kind::Other,
                       QStringLiteral("The journal cannot describe %1 %2: not found.").arg(what).arg(id));
}

JournalEntry::Party party(const QString &connection, const QString &role, qint64 personId)
{
    const std::optional<Person> person = PersonStore(connection).findById(personId);
    if (!person)
        missing(QStringLiteral("person"), personId);
    return {role, *person};
}

// The end of a binding as a date in the counter's own calendar.
QDate endDate(const QDateTime &endedAt) { return endedAt.isValid() ? endedAt.toLocalTime().date() : QDate(); }

void setEnd(JournalEntry &entry, BindingStatus status, std::optional<EndRequester> requestedBy, const QString &reason)
{
    entry.result = status == BindingStatus::Active ? QStringLiteral("bound") : QStringLiteral("ended");
    if (status != BindingStatus::Active) {
        entry.reference.insert(QStringLiteral("requested_by"),
                               requestedBy ? EndRequesters::keyword(*requestedBy) : QString());
        entry.reference.insert(QStringLiteral("reason"), reason);
    }
}

} // namespace

HandoverJournal::HandoverJournal(const QString &connection) : m_connection(connection) {}

qint64 HandoverJournal::recordFiling(qint64 filingId)
{
    const std::optional<Filing> filing = FilingStore(m_connection).findById(filingId);
    if (!filing)
        missing(QStringLiteral("filing"), filingId);
    return append(filingEntry(*filing, party(m_connection, QStringLiteral("authorizer"), filing->authorizerId).person,
                              RuleSetStore(m_connection).regionOf(filing->ruleSetId)));
}

JournalEntry HandoverJournal::filingEntry(const Filing &filing, const Person &authorizer, const QString &region)
{
    JournalEntry entry;
    entry.item = QStringLiteral("filing");
    entry.clerk = filing.clerk;
    entry.persons = {{QStringLiteral("authorizer"), authorizer}};
    entry.ruleSetId = filing.ruleSetId;
    entry.ruleSetRegion = region;
    entry.periodFrom = filing.effectiveOn;
    entry.result = QStringLiteral("stored");
    entry.reference = {{QStringLiteral("filing_no"), filing.number}, {QStringLiteral("channel"), filing.channel}};
    return entry;
}

qint64 HandoverJournal::recordMutualAid(const QString &item, qint64 bindingId, const QString &clerk)
{
    const std::optional<MutualAidBinding> binding = BindingStore(m_connection).findById(bindingId);
    if (!binding)
        missing(QStringLiteral("binding"), bindingId);
    return append(mutualAidEntry(item, *binding, FilingStore(m_connection).findById(binding->filingId),
                                 party(m_connection, QStringLiteral("authorizer"), binding->authorizerId).person,
                                 party(m_connection, QStringLiteral("target"), binding->targetId).person,
                                 RuleSetStore(m_connection).regionOf(binding->ruleSetId), clerk));
}

JournalEntry HandoverJournal::mutualAidEntry(const QString &item, const MutualAidBinding &binding,
                                             const std::optional<Filing> &filing, const Person &authorizer,
                                             const Person &target, const QString &region, const QString &clerk)
{
    JournalEntry entry;
    entry.item = item;
    entry.clerk = clerk;
    entry.persons = {{QStringLiteral("authorizer"), authorizer}, {QStringLiteral("target"), target}};
    entry.relationship = binding.relationship;
    entry.ruleSetId = binding.ruleSetId;
    entry.ruleSetRegion = region;
    entry.periodFrom = filing ? filing->effectiveOn : binding.startedAt.toLocalTime().date();
    // Until the end once ended, else the authorization period's last day (open-ended: null).
    entry.periodUntil = binding.endedAt.isValid() ? endDate(binding.endedAt) : binding.validUntil;
    entry.quotaFen = binding.quotaFen;
    entry.reference = {{QStringLiteral("binding_id"), binding.id},
                       {QStringLiteral("filing_no"), filing ? filing->number : QString()}};
    setEnd(entry, binding.status, binding.endRequestedBy, binding.endReason);
    entry.bindingId = binding.id;
    return entry;
}

qint64 HandoverJournal::recordKinship(const QString &item, qint64 kinshipBindingId, const QString &clerk)
{
    const std::optional<KinshipBinding> binding = KinshipStore(m_connection).findById(kinshipBindingId);
    if (!binding)
        missing(QStringLiteral("kinship binding"), kinshipBindingId);
    JournalEntry entry;
    entry.item = item;
    entry.clerk = clerk;
    entry.persons = {party(m_connection, QStringLiteral("holder"), binding->holderId),
                     party(m_connection, QStringLiteral("member"), binding->memberId)};
    entry.relationship = binding->relationship;
    entry.periodFrom = binding->startedAt.toLocalTime().date();
    entry.periodUntil = endDate(binding->endedAt);
    entry.reference = {{QStringLiteral("binding_no"), binding->number}, {QStringLiteral("channel"), binding->channel}};
    setEnd(entry, binding->status, binding->endRequestedBy, binding->endReason);
    entry.kinshipBindingId = binding->id;
    return append(entry);
}

qint64 HandoverJournal::append(const JournalEntry &entry)
{
    JournalStore store(m_connection);
    const qint64 seq = store.takeNextSeq();
    store.insert(seq, lineOf(entry, seq));
    return seq;
}

void HandoverJournal::queue(StatementBatch &batch, const QList<JournalEntry> &entries, qint64 lastSeq)
{
    if (entries.isEmpty())
        return;
    JournalStore::queueTake(batch, int(entries.size()));
    qint64 seq = lastSeq;
    for (const JournalEntry &entry : entries) {
        ++seq;
        JournalStore::queueInsert(batch, seq, lineOf(entry, seq));
    }
}

JournalStore::Line HandoverJournal::lineOf(const JournalEntry &entry, qint64 seq)
{
    JournalStore::Line line;
    line.at = entry.at.isValid() ? entry.at : Timestamp::now();
    line.item = entry.item;
    line.clerk = entry.clerk;
    line.bindingId = entry.bindingId;
    line.kinshipBindingId = entry.kinshipBindingId;
    JournalEntry stamped = entry;
    stamped.at = line.at;
    line.text = QString::fromUtf8(
        QJsonDocument(stamped.toJson(seq, OfficeSettings::load().name)).toJson(QJsonDocument::Compact));
    return line;
}

} // namespace gongji
