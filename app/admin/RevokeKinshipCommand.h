#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"
#include "RevocationOptions.h"

namespace gongji {

// revoke-kinship --holder TYPE:NUMBER --member TYPE:NUMBER --reason TEXT: ends the active
// kinship-account binding of the pair through BindingRevocation, as the household screen does.
class RevokeKinshipCommand : public AdminCommand
{
public:
    RevokeKinshipCommand();

    QString name() const override { return QStringLiteral("revoke-kinship"); }
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
