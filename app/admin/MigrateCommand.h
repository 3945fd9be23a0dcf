#pragma once
#include "AdminCommand.h"

namespace gongji {

// migrate: upgrades an office server's schema to this program's version, as the schema owner,
// and grants the counter roles set up before their rights on new tables.
class MigrateCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("migrate"); }
    QString usage() const override { return QString(); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &) const override {}
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    bool upgradesServerSchema() const override { return true; }
};

} // namespace gongji
