#include "model/accounts/IdReveal.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/storage/AuditLog.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {
// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(IdReveal)
};
} // namespace

IdReveal::IdReveal(const QString &connection) : m_connection(connection) {}

IdReveal::Result IdReveal::reveal(const QString &actor, qint64 personId, const QString &purpose)
{
    Result result;
    if (purpose.trimmed().isEmpty()) {
        result.failIf(FailureKind::Input,
                      Text::tr("Say why the full ID number is needed; the reveal is recorded with that reason."));
        return result;
    }
    try {
        WriteTransaction transaction(m_connection);
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(m_connection).refusal(actor, ClerkRole::Clerk)))
            return result;
        const std::optional<Person> person = PersonStore(m_connection).findById(personId);
        if (!person) {
            result.failIf(FailureKind::Stale,
                          Text::tr("This person is not in the registry (any more); nothing was "
                                   "revealed. Search again."));
            return result;
        }
        AuditLog(m_connection)
            .append(actor, AuditAction::IdReveal, QString::number(person->id),
                    QJsonObject{{QStringLiteral("id_type"), person->idType},
                                {QStringLiteral("masked"), IdNumber::mask(person->idNumber)},
                                {QStringLiteral("purpose"), purpose.trimmed()}});
        transaction.commit();
        result.succeed();
        result.idNumber = person->idNumber;
        result.idType = person->idType;
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
    }
    return result;
}

} // namespace gongji
