#include "model/filing/BindingRevocation.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/journal/HandoverJournal.h"
#include "model/storage/AuditLog.h"
#include "model/storage/BindingStore.h"
#include "model/storage/KinshipStore.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BindingRevocation)
};

QString maskedNumberOf(const QString &connection, qint64 personId)
{
    const std::optional<Person> person = PersonStore(connection).findById(personId);
    return person ? IdNumber::mask(person->idNumber) : QString();
}

void audit(const QString &connection, const QString &clerk, AuditAction action, const QString &subject,
           EndRequester sideA, qint64 sideAId, EndRequester sideB, qint64 sideBId, EndRequester requestedBy,
           const QString &reason)
{
    AuditLog(connection)
        .append(clerk, action, subject,
                QJsonObject{{EndRequesters::keyword(sideA), maskedNumberOf(connection, sideAId)},
                            {EndRequesters::keyword(sideB), maskedNumberOf(connection, sideBId)},
                            {QStringLiteral("requested_by"), EndRequesters::keyword(requestedBy)},
                            {QStringLiteral("reason"), reason}});
}

} // namespace

BindingRevocation::BindingRevocation(const QString &connection) : m_connection(connection) {}

bool BindingRevocation::endMutualAidWithin(const QString &connection, qint64 bindingId, EndRequester requestedBy,
                                           const QString &reason, const QString &clerk, const QString &journalItem,
                                           const QDateTime &endedAt)
{
    BindingStore store(connection);
    const std::optional<MutualAidBinding> binding = store.findById(bindingId);
    if (!binding || !store.end(bindingId, endedAt.isValid() ? endedAt : Timestamp::now(), clerk, requestedBy, reason))
        return false;
    audit(connection, clerk, AuditAction::Revocation, QString::number(bindingId), EndRequester::Authorizer,
          binding->authorizerId, EndRequester::Target, binding->targetId, requestedBy, reason);
    HandoverJournal(connection).recordMutualAid(journalItem, bindingId, clerk);
    return true;
}

bool BindingRevocation::endKinshipWithin(const QString &connection, qint64 kinshipBindingId, EndRequester requestedBy,
                                         const QString &reason, const QString &clerk, const QString &journalItem)
{
    KinshipStore store(connection);
    const std::optional<KinshipBinding> binding = store.findById(kinshipBindingId);
    if (!binding || !store.end(kinshipBindingId, Timestamp::now(), clerk, requestedBy, reason))
        return false;
    audit(connection, clerk, AuditAction::KinshipRevocation, binding->number, EndRequester::Holder, binding->holderId,
          EndRequester::Member, binding->memberId, requestedBy, reason);
    HandoverJournal(connection).recordKinship(journalItem, kinshipBindingId, clerk);
    return true;
}

BindingRevocation::Result BindingRevocation::run(const QList<EndRequester> &requesters, EndRequester requestedBy,
                                                 const QString &reason, const QString &clerk,
                                                 const std::function<bool()> &endWithin)
{
    if (!requesters.contains(requestedBy))
        return Outcome::failed(
            FailureKind::Input,
            Text::tr("Say who asks for the revocation: %1 or %2.")
                .arg(EndRequesters::label(requesters.at(0)), EndRequesters::label(requesters.at(1))));
    if (reason.trimmed().isEmpty())
        return Outcome::failed(FailureKind::Input, Text::tr("Give a reason for the revocation."));
    try {
        WriteTransaction transaction(m_connection);
        if (const QString refusal = RoleCheck(m_connection).refusal(clerk, ClerkRole::Clerk); !refusal.isEmpty())
            return Outcome::failed(FailureKind::NotAllowed, refusal);
        if (!endWithin())
            return Outcome::failed(FailureKind::Stale,
                                   Text::tr("This binding is not active (any more); nothing was "
                                            "changed. Refresh the household view."));
        transaction.commit();
        return Outcome::done();
    } catch (const StorageError &error) {
        return Outcome::failed(FailureKind::Storage, error.userMessage());
    }
}

BindingRevocation::Result BindingRevocation::revoke(qint64 bindingId, EndRequester requestedBy, const QString &reason,
                                                    const QString &clerk)
{
    return run(EndRequesters::ofMutualAid(), requestedBy, reason, clerk, [&] {
        return endMutualAidWithin(m_connection, bindingId, requestedBy, IdNumber::maskWithin(reason.trimmed()), clerk,
                                  QStringLiteral("revocation"));
    });
}

BindingRevocation::Result BindingRevocation::revokeKinship(qint64 kinshipBindingId, EndRequester requestedBy,
                                                           const QString &reason, const QString &clerk)
{
    return run(EndRequesters::ofKinship(), requestedBy, reason, clerk, [&] {
        return endKinshipWithin(m_connection, kinshipBindingId, requestedBy, IdNumber::maskWithin(reason.trimmed()),
                                clerk, QStringLiteral("kinship_end"));
    });
}

} // namespace gongji
