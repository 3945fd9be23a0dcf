#pragma once
#include "AdminCommand.h"

namespace gongji {

// password-policy [--min-length N] [--min-classes N] [--max-age-days N] [--history N]: shows the
// clerks' password policy, or sets a new one (a supervisor; ClerkAccounts::setPolicy, audited).
class PasswordPolicyCommand : public AdminCommand
{
public:
    PasswordPolicyCommand();
    QString name() const override { return QStringLiteral("password-policy"); }
    QString usage() const override
    {
        return QStringLiteral("[--min-length N] [--min-classes N] [--max-age-days N] [--history N]");
    }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &parser) const override;

private:
    bool setsSomething(const QCommandLineParser &parser) const;

    QCommandLineOption m_minLength;
    QCommandLineOption m_minClasses;
    QCommandLineOption m_maxAge;
    QCommandLineOption m_history;
};

} // namespace gongji
