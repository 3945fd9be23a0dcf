#pragma once
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace gongji {

// Exit codes of gongji-admin, listed in its --help.
enum ExitCode {
    ExitOk = 0,          // done (check-filings: the file was processed, whatever the verdicts)
    ExitInputRefused = 1, // the input was refused (file, ID number, person, binding, rule conflict): nothing stored
    ExitDatabase = 2,    // the database could not be opened; the file was left untouched
    ExitStorage = 3,     // storing failed
    ExitUsage = 64,      // wrong command line
};

// What a command gets to work with: the open database, the two output streams, and who the
// audit log names when the command changes something without a --clerk ("gongji-admin:USER").
struct AdminContext
{
    QString connection;
    QTextStream &out;
    QTextStream &err;
    QString actor;
    QString databasePath; // the --db file (or the default one), opened or not
};

// One subcommand of gongji-admin.
class AdminCommand
{
public:
    virtual ~AdminCommand() = default;

    virtual QString name() const = 0;
    // After "gongji-admin [--db PATH] NAME ", e.g. "[options] FILE.csv".
    virtual QString usage() const = 0;
    virtual QString summary() const = 0;     // one line for the command list
    virtual QString description() const = 0; // the body of NAME --help
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    // A usage problem (missing file argument …), or empty; checked before the database opens.
    virtual QString checkUsage(const QCommandLineParser &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, const AdminContext &context) = 0;
    // False for a command that works on the database file itself and must not have it open
    // (restore: the file may be damaged); it then gets an empty connection.
    virtual bool opensDatabase() const { return true; }
};

} // namespace gongji
