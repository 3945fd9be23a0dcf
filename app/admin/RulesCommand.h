#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"

namespace gongji {

// rules export [--region CODE] FILE.json | rules import [--dry-run] FILE.json: rule sets as JSON
// files through RuleSetExchange (all or nothing, identical sets change nothing).
class RulesCommand : public AdminCommand
{
public:
    RulesCommand();

    QString name() const override { return QStringLiteral("rules"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &parser) const override; // supervisor for import

private:
    int exportSets(const QString &path, const QString &region, const AdminContext &context) const;
    int importSets(const QString &path, bool dryRun, const AdminContext &context) const;

    QCommandLineOption m_region;
    QCommandLineOption m_dryRun;
};

} // namespace gongji
