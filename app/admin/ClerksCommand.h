#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// clerks: every account with its role and state (ClerkAccounts::list), for a supervisor.
class ClerksCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("clerks"); }
    QString usage() const override { return {}; }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }
};

} // namespace gongji
