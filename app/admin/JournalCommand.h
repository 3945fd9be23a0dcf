#pragma once
#include <QCommandLineOption>

#include "AdminCommand.h"

namespace gongji {

// journal export --after SEQ --out FILE | journal receipts FILE: the hand-over journal for the
// provincial platform (JournalExport, JournalReceipts; docs/journal.md).
class JournalCommand : public AdminCommand
{
public:
    JournalCommand();

    QString name() const override { return QStringLiteral("journal"); }
    QString usage() const override;
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
    std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const override { return ClerkRole::Supervisor; }

private:
    QCommandLineOption m_after;
    QCommandLineOption m_out;
};

} // namespace gongji
