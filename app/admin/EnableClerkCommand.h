#pragma once
#include "AccountCommand.h"

namespace gongji {

// enable-clerk LOGIN: a disabled account may sign in again (ClerkAccounts::setActive).
class EnableClerkCommand : public AccountCommand
{
public:
    QString name() const override { return QStringLiteral("enable-clerk"); }
    QString summary() const override;
    QString description() const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
