#pragma once
#include <QCommandLineOption>

#include "AccountCommand.h"

namespace gongji {

// reset-password LOGIN [--new-password-file FILE]: a supervisor gives an account a new password
// (ClerkAccounts::resetPassword), which also lifts a lockout.
class ResetPasswordCommand : public AccountCommand
{
public:
    ResetPasswordCommand();

    QString name() const override { return QStringLiteral("reset-password"); }
    QString usage() const override { return QStringLiteral("LOGIN [--new-password-file FILE]"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;

private:
    QCommandLineOption m_newPasswordFile;
};

} // namespace gongji
