#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"

namespace gongji {

// change-password [--new-password-file FILE]: the signed-in account (--clerk) changes its own
// password (ClerkAccounts::changeOwnPassword), knowing the current one.
class ChangePasswordCommand : public AdminCommand
{
public:
    ChangePasswordCommand();

    QString name() const override { return QStringLiteral("change-password"); }
    QString usage() const override { return QStringLiteral("[--new-password-file FILE]"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    // Signs in itself (CommandSignIn), as it needs the current password again for the change.
    int run(const QCommandLineParser &parser, const AdminContext &context) override;

private:
    QCommandLineOption m_newPasswordFile;
};

} // namespace gongji
