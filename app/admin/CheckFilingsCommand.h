#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"
#include "model/filing/FilingBatch.h"

namespace gongji {

// check-filings FILE.csv [--commit] [--accept-warnings]: the filings CSV of
// docs/domain.md §10, one JSON verdict per data row on stdout.
class CheckFilingsCommand : public AdminCommand
{
public:
    CheckFilingsCommand();

    QString name() const override { return QStringLiteral("check-filings"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &parser) const override; // clerk with --commit

    // {"row": 1, "verdict": "accepted", "codes": [], "warnings": [], "filing_no": null}:
    // keys in this order, which QJsonObject (sorted keys) cannot keep.
    static QString jsonLine(const FilingBatch::RowResult &row);

private:
    QCommandLineOption m_commit;
    QCommandLineOption m_acceptWarnings;
};

} // namespace gongji
