#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// set-quota --authorizer TYPE:NUMBER --target TYPE:NUMBER --quota YUAN [--pdf OUT.pdf]: changes
// the quota (调整额度) of the pair's active mutual-aid binding through QuotaChange, the same path
// as the household screen, and prints what changed (and, with --pdf, its confirmation summary).
class SetQuotaCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("set-quota"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Clerk; }
};

} // namespace gongji
