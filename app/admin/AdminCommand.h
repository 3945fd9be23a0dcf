#pragma once
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <optional>

#include "model/domain/ClerkRole.h"
#include "model/domain/Outcome.h"

namespace gongji {

// Exit codes of gongji-admin, listed in its --help.
enum ExitCode {
    ExitOk = 0, // done (check-filings: the file was processed, whatever the verdicts)
    ExitInputRefused = 1, // the input was refused (file, ID number, person, binding, rule conflict): nothing stored
    ExitDatabase = 2, // the database could not be opened; the file was left untouched
    ExitStorage = 3, // storing failed
    ExitSignIn = 4, // no valid sign-in, or the account may not do this: nothing changed
    ExitUsage = 64, // wrong command line
};

// The exit code of a mutation that did not happen.
inline int exitCodeFor(FailureKind failure)
{
    switch (failure) {
    case FailureKind::Storage:
        return ExitStorage;
    case FailureKind::NotAllowed:
        return ExitSignIn;
    default:
        return ExitInputRefused; // Input, or Stale: the input no longer applies
    }
}

// What a command gets to work with: the open database, the two output streams, and who the
// audit log names: the signed-in account's login (--clerk) for a command that needs a sign-in,
// otherwise "gongji-admin:USER".
struct AdminContext
{
    QString connection;
    QTextStream &out;
    QTextStream &err;
    QString actor;
    QString databasePath; // the --db file (or the default one), opened or not
    QString passwordFile; // the global --password-file, or empty (then the terminal is asked)
    QString clerk; // the global --clerk as given (signed in only when `actor` is it)
    QString dbPasswordFile; // --db-password-file: an office server's password, or empty
};

// One subcommand of gongji-admin.
class AdminCommand
{
public:
    virtual ~AdminCommand() = default;

    virtual QString name() const = 0;
    // After "gongji-admin [--db PATH] NAME ", e.g. "[options] FILE.csv".
    virtual QString usage() const = 0;
    virtual QString summary() const = 0; // one line for the command list
    virtual QString description() const = 0; // the body of NAME --help
    virtual void addOptions(QCommandLineParser &parser) const = 0;
    // A usage problem (missing file argument …), or empty; checked before the database opens.
    virtual QString checkUsage(const QCommandLineParser &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, const AdminContext &context) = 0;
    // False for a command that works on the database file itself and must not have it open
    // (restore: the file may be damaged); it then gets an empty connection.
    virtual bool opensDatabase() const { return true; }
    // True for the administrator's commands that create or upgrade an office server's schema
    // (setup-office, migrate); every other command refuses a server whose schema is older.
    virtual bool upgradesServerSchema() const { return false; }

    // The role a signed-in account needs for this invocation, or none for one that changes
    // nothing (and is not audited): it then runs without a sign-in.
    virtual std::optional<ClerkRole> requiredRole(const QCommandLineParser &) const { return std::nullopt; }
    // True when this database lets the command run without the sign-in requiredRole asks for
    // (load-demo into a fresh database that has no accounts yet).
    virtual bool waivesSignIn(const QString & /*connection*/) const { return false; }
    // For a command that does not open the database (restore): a database file whose accounts
    // check the sign-in when the database itself cannot be opened, or empty.
    virtual QString signInFallback(const QCommandLineParser &) const { return {}; }
};

} // namespace gongji
