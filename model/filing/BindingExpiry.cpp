#include "model/filing/BindingExpiry.h"

#include <QTime>
#include <QTimeZone>

#include "model/domain/MutualAidBinding.h"
#include "model/filing/BindingRevocation.h"
#include "model/storage/BindingStore.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

BindingExpiry::BindingExpiry(const QString &connection) : m_connection(connection) {}

int BindingExpiry::endExpired(const QDate &today)
{
    // A read first: on most days nothing is due, and no write lock is taken at start-up.
    if (BindingStore(m_connection).activeEndedBefore(today).isEmpty())
        return 0;
    WriteTransaction transaction(m_connection);
    const int ended = endExpiredWithin(m_connection, today);
    transaction.commit();
    return ended;
}

int BindingExpiry::endExpiredWithin(const QString &connection, const QDate &today)
{
    BindingStore bindings(connection);
    int ended = 0;
    for (const qint64 id : bindings.activeEndedBefore(today)) {
        const std::optional<MutualAidBinding> binding = bindings.findById(id);
        if (!binding)
            continue;
        // Ended at the start of the first day after the period, local time: what the history
        // shows, whenever a program came to store it.
        const QDateTime endedAt = QDateTime(binding->validUntil.addDays(1), QTime(0, 0)).toUTC();
        if (BindingRevocation::endMutualAidWithin(connection, id, EndRequester::System,
                                                  MutualAidBinding::expiredReason(), MutualAidBinding::systemActor(),
                                                  QStringLiteral("expiry"), endedAt))
            ++ended;
    }
    return ended;
}

} // namespace gongji
