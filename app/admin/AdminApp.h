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
    // --db, --clerk, --password-file and --db-password-file as given before the command (each may also follow it).
    struct GlobalOptions
    {
        QString db;
        QString clerk;
        QString passwordFile;
        QString dbPasswordFile;
    };

    AdminCommand *find(const QString &name) const;
    int runCommand(AdminCommand &command, const QString &program, const QStringList &arguments,
                   const GlobalOptions &global);
    // The sign-in of a command that does not open the database itself (restore).
    int signInBeside(AdminCommand &command, const QCommandLineParser &parser, const QString &path,
                     const GlobalOptions &options, ClerkRole role, QString *actor);
    QString globalHelp(QCommandLineParser &parser) const;
    QString commandHelp(AdminCommand &command, QCommandLineParser &parser) const;

    QTextStream m_out;
    QTextStream m_err;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_clerkOption;
    QCommandLineOption m_passwordFileOption;
    QCommandLineOption m_dbPasswordFileOption;
    std::vector<std::unique_ptr<AdminCommand>> m_commands;
};

} // namespace gongji
