#pragma once
#include "AdminCommand.h"
#include "model/domain/ClerkRole.h"

namespace gongji {

// print NUMBER --pdf OUT.pdf: a filing's confirmation summary (备案确认单), with --revocation a
// revocation summary (解除确认单), with --kinship a kinship-account binding's confirmation
// (医保亲情账户绑定确认单): the same documents the desk prints (SummaryPrintJob).
class PrintCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("print"); }
    QString usage() const override
    {
        return QStringLiteral(
            "FILING_NO --pdf OUT.pdf | --revocation BINDING_ID --pdf OUT.pdf | --kinship QQ_NO --pdf OUT.pdf");
    }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Clerk; }
};

} // namespace gongji
