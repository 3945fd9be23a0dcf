#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// copy-to TARGET: the whole database (--db) into an empty one, e.g. a counter's SQLite file into
// the office PostgreSQL database (DatabaseCopy).
class CopyToCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("copy-to"); }
    QString usage() const override { return QStringLiteral("TARGET"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }
};

} // namespace gongji
