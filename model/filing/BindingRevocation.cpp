#include "filing/BindingRevocation.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "domain/IdNumber.h"
#include "storage/AuditLog.h"
#include "storage/BindingStore.h"
#include "storage/PersonStore.h"
#include "storage/StorageError.h"
#include "storage/Timestamp.h"
#include "storage/WriteTransaction.h"

namespace gongji {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("BindingRevocation", text);
}
} // namespace

BindingRevocation::BindingRevocation(const QString &connection) : m_connection(connection) {}

BindingRevocation::Result BindingRevocation::revoke(qint64 bindingId, const QString &requestedBy,
                                                    const QString &reason, const QString &clerk)
{
    Result result;
    if (requestedBy != QLatin1String("authorizer") && requestedBy != QLatin1String("target")
        && requestedBy != QLatin1String("system")) {
        result.error = tr("Say who asks for the revocation: the authorizer or the target.");
        return result;
    }
    if (reason.trimmed().isEmpty()) {
        result.error = tr("Give a reason for the revocation.");
        return result;
    }
    try {
        WriteTransaction transaction(m_connection);
        BindingStore bindings(m_connection);
        const std::optional<Binding> binding = bindings.findById(bindingId);
        if (!binding || !bindings.end(bindingId, Timestamp::now(), clerk, requestedBy, reason.trimmed())) {
            result.error = tr("This binding is not active (any more); nothing was changed. Refresh the household view.");
            return result;
        }
        PersonStore persons(m_connection);
        const std::optional<Person> authorizer = persons.findById(binding->authorizerId);
        const std::optional<Person> target = persons.findById(binding->targetId);
        AuditLog(m_connection).append(clerk, QStringLiteral("revocation"), QString::number(bindingId),
            QJsonObject{{QStringLiteral("authorizer"), authorizer ? IdNumber::mask(authorizer->idNumber) : QString()},
                        {QStringLiteral("target"), target ? IdNumber::mask(target->idNumber) : QString()},
                        {QStringLiteral("requested_by"), requestedBy},
                        {QStringLiteral("reason"), reason.trimmed()}});
        transaction.commit();
        result.ok = true;
    } catch (const StorageError &error) {
        result.error = error.userMessage();
    }
    return result;
}

} // namespace gongji
