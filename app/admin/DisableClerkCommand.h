#pragma once
#include "AccountCommand.h"

namespace gongji {

// disable-clerk LOGIN: the account can no longer sign in; its records stay (ClerkAccounts::setActive).
class DisableClerkCommand : public AccountCommand
{
public:
    QString name() const override { return QStringLiteral("disable-clerk"); }
    QString summary() const override;
    QString description() const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
