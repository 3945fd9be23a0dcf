#pragma once
#include "AdminCommand.h"

namespace gongji {

// household TYPE:NUMBER: the person and every binding of both kinds as JSON (HouseholdJson).
class HouseholdCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("household"); }
    QString usage() const override { return QStringLiteral("TYPE:NUMBER"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
