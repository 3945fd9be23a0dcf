#pragma once
#include "AdminCommand.h"

namespace gongji {

// setup-office --counter-role NAME: run once by the server's administrator as the role that will
// own the schema: creates or upgrades the schema and creates (if missing) the counter role with
// exactly the rights the programs need (CounterRole).
class SetupOfficeCommand : public AdminCommand
{
public:
    SetupOfficeCommand();
    QString name() const override { return QStringLiteral("setup-office"); }
    QString usage() const override { return QStringLiteral("--counter-role NAME"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    bool upgradesServerSchema() const override { return true; }

private:
    QCommandLineOption m_counterRole;
};

} // namespace gongji
