#include "model/citizen/ServiceRating.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/AuditAction.h"
#include "model/domain/ClerkRole.h"
#include "model/domain/RatingLevel.h"
#include "model/storage/AuditLog.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ServiceRating)
};
// A citizen's own words stay short: it is a rating, not a complaint form.
constexpr int kMaxDetail = 200;
} // namespace

ServiceRating::ServiceRating(const QString &connection) : m_connection(connection) {}

QString ServiceRating::record(const ServiceRatingEntry &given)
{
    ServiceRatingEntry rating = given;
    rating.detail = rating.detail.trimmed();
    if (rating.service != QLatin1String("filing") && rating.service != QLatin1String("revocation")
        && rating.service != QLatin1String("kinship"))
        return Text::tr("Unknown service \"%1\": a rating is for a filing, a revocation or a kinship binding.")
            .arg(rating.service);
    if (rating.reference.isEmpty())
        return Text::tr("A rating needs the number of the service it rates.");
    if (RatingLevel::label(rating.level).isEmpty())
        return Text::tr("A rating is a level from 1 (very dissatisfied) to 5 (very satisfied), not %1.")
            .arg(rating.level);
    if (RatingLevel::needsReason(rating.level) && !RatingLevel::reasons().contains(rating.reason))
        return Text::tr("A rating of %1 needs a reason from the list.").arg(RatingLevel::label(rating.level));
    if (!RatingLevel::needsReason(rating.level))
        rating.reason.clear();
    if (rating.detail.size() > kMaxDetail)
        return Text::tr("The citizen's words are longer than %1 characters.").arg(kMaxDetail);
    try {
        WriteTransaction transaction(m_connection);
        const QString refusal = RoleCheck(m_connection).refusal(rating.clerk, ClerkRole::Clerk);
        if (!refusal.isEmpty())
            return refusal;
        RatingStore store(m_connection);
        if (store.find(rating.service, rating.reference))
            return Text::tr("This service (%1) has been rated already; a rating is never changed.")
                .arg(rating.reference);
        rating.ratedAt = Timestamp::now();
        store.insert(rating);
        AuditLog(m_connection)
            .append(rating.clerk, AuditAction::ServiceRating, rating.reference,
                    QJsonObject{{QStringLiteral("service"), rating.service},
                                {QStringLiteral("level"), rating.level},
                                {QStringLiteral("reason"), rating.reason}});
        transaction.commit();
    } catch (const StorageError &error) {
        return error.userMessage();
    }
    return {};
}

} // namespace gongji
