#pragma once
#include "AdminCommand.h"

namespace gongji {

// backup [FILE | FOLDER]: a consistent copy of the database, also while gongji-desk is working on
// it; without FILE into the backup folder beside the database (BackupFolder), in a FOLDER named as there.
class BackupCommand : public AdminCommand
{
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString usage() const override { return QStringLiteral("[FILE | FOLDER]"); }
    QString summary() const override;
    QString description() const override;
    void addOptions(QCommandLineParser &parser) const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, const AdminContext &context) override;
};

} // namespace gongji
