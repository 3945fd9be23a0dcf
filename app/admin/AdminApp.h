#pragma once
#include <QCommandLineOption>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <vector>

#include "AdminCommand.h"

namespace gongji {

// Parses the global options, picks the command, opens the database and runs the command.
class AdminApp
{
public:
    AdminApp();
    ~AdminApp();

    int run(const QStringList &arguments);

private:
    AdminCommand *find(const QString &name) const;
    int runCommand(AdminCommand &command, const QString &program, const QStringList &arguments,
                   const QString &globalDb);
    QString globalHelp(QCommandLineParser &parser) const;
    QString commandHelp(AdminCommand &command, QCommandLineParser &parser) const;

    QTextStream m_out;
    QTextStream m_err;
    QCommandLineOption m_dbOption;
    std::vector<std::unique_ptr<AdminCommand>> m_commands;
};

} // namespace gongji
