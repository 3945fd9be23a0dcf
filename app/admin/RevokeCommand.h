#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"
#include "RevocationOptions.h"

namespace gongji {

// revoke --authorizer TYPE:NUMBER --target TYPE:NUMBER --reason TEXT: ends the active mutual-aid
// binding of the pair through BindingRevocation, the same path as the household screen.
class RevokeCommand : public AdminCommand
{
public:
    RevokeCommand();

    QString name() const override { return QStringLiteral("revoke"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Clerk; }

private:
    RevocationOptions m_options;
};

} // namespace gongji
