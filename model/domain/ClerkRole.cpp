#include "model/domain/ClerkRole.h"

#include <QCoreApplication>

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClerkRole)
};
} // namespace

QString ClerkRoles::keyword(ClerkRole role)
{
    return role == ClerkRole::Supervisor ? QStringLiteral("supervisor") : QStringLiteral("clerk");
}

std::optional<ClerkRole> ClerkRoles::fromKeyword(const QString &keyword)
{
    if (keyword == QLatin1String("clerk"))
        return ClerkRole::Clerk;
    if (keyword == QLatin1String("supervisor"))
        return ClerkRole::Supervisor;
    return std::nullopt;
}

QString ClerkRoles::label(ClerkRole role)
{
    return role == ClerkRole::Supervisor ? Text::tr("Supervisor") : Text::tr("Clerk");
}

} // namespace gongji
