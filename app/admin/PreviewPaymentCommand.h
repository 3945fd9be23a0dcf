#pragma once
#include "AdminCommand.h"

namespace gongji {

// preview-payment TYPE:NUMBER AMOUNT: who pays an own-share cost, through PaymentPreview.
class PreviewPaymentCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("preview-payment"); }
    QString usage() const override { return QStringLiteral("TYPE:NUMBER AMOUNT"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
