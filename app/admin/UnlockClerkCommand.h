#pragma once
#include "AccountCommand.h"

namespace gongji {

// unlock-clerk LOGIN: lifts the lockout after five failed sign-ins (ClerkAccounts::unlock).
class UnlockClerkCommand : public AccountCommand
{
public:
    QString name() const override { return QStringLiteral("unlock-clerk"); }
    QString summary() const override;
    QString description() const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
