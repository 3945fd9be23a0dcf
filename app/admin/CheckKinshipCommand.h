#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"
#include "model/kinship/KinshipBatch.h"

namespace gongji {

// check-kinship FILE.csv [--commit]: kinship-account bindings from CSV, one JSON
// verdict per data row on stdout.
class CheckKinshipCommand : public AdminCommand
{
public:
    CheckKinshipCommand();

    QString name() const override { return QStringLiteral("check-kinship"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &parser) const override; // clerk with --commit

    // {"row": 1, "verdict": "accepted", "codes": [], "binding_no": null}, keys in this order.
    static QString jsonLine(const KinshipBatch::RowResult &row);

private:
    QCommandLineOption m_commit;
};

} // namespace gongji
