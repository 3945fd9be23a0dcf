#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"

namespace gongji {

// report --from YYYY-MM-DD --to YYYY-MM-DD (--json | --csv FILE | --pdf FILE): the office
// statistics of a period (StatisticsStore), the same numbers as the statistics screen.
class ReportCommand : public AdminCommand
{
public:
    ReportCommand();

    QString name() const override { return QStringLiteral("report"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }

private:
    QCommandLineOption m_from;
    QCommandLineOption m_to;
    QCommandLineOption m_json;
    QCommandLineOption m_csv;
    QCommandLineOption m_pdf;
};

} // namespace gongji
