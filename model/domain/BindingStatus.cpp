#include "model/domain/BindingStatus.h"

namespace gongji {

QString BindingStatuses::keyword(BindingStatus status)
{
    return status == BindingStatus::Active ? QStringLiteral("active") : QStringLiteral("ended");
}

BindingStatus BindingStatuses::fromKeyword(const QString &keyword)
{
    return keyword == QLatin1String("active") ? BindingStatus::Active : BindingStatus::Ended;
}

} // namespace gongji
