#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// What the commands on one existing account share (disable-clerk, enable-clerk, unlock-clerk,
// reset-password): one LOGIN argument and a supervisor's sign-in.
class AccountCommand : public AdminCommand
{
public:
    QString usage() const override { return QStringLiteral("LOGIN"); }
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }

protected:
    static QString login(const QCommandLineParser &parser);
    // Prints the model's refusal (its exit code, exitCodeFor) or `done` (0).
    static int report(const AdminContext &context, const Outcome &outcome, const QString &done);
};

} // namespace gongji
