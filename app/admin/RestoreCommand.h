#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// restore FILE: puts a checked backup in place of the database. Runs without opening the
// database, which may be the damaged file that is being replaced.
class RestoreCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("restore"); }
    QString usage() const override { return QStringLiteral("FILE"); }
    QString summary() const override;
    QString description() const override;
    bool opensDatabase() const override { return false; }
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }
    // A damaged database has no accounts to check: then the backup's accounts do.
    QString signInFallback(const QCommandLineParser &parser) const override;
};

} // namespace gongji
