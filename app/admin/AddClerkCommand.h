#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// add-clerk LOGIN [--role clerk|supervisor] [--name NAME] [--new-password-file FILE]: a new
// account, created by a signed-in supervisor through ClerkAccounts::add.
class AddClerkCommand : public AdminCommand
{
public:
    AddClerkCommand();

    QString name() const override { return QStringLiteral("add-clerk"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }

private:
    QCommandLineOption m_role;
    QCommandLineOption m_name;
    QCommandLineOption m_newPasswordFile;
};

} // namespace gongji
