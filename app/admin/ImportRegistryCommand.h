#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// import-registry FILE.csv: the registry CSV of docs/domain.md §10, all rows or none.
class ImportRegistryCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("import-registry"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }
};

} // namespace gongji
