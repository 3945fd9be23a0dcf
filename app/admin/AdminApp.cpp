#include "AdminApp.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdio>

#include "AddClerkCommand.h"
#include "BackupCommand.h"
#include "CheckFilingsCommand.h"
#include "CheckKinshipCommand.h"
#include "ClerksCommand.h"
#include "CommandSignIn.h"
#include "CopyToCommand.h"
#include "DatabaseAccess.h"
#include "DisableClerkCommand.h"
#include "EnableClerkCommand.h"
#include "HouseholdCommand.h"
#include "ImportRegistryCommand.h"
#include "InitCommand.h"
#include "JournalCommand.h"
#include "LoadDemoCommand.h"
#include "MigrateCommand.h"
#include "PasswordPolicyCommand.h"
#include "PreviewPaymentCommand.h"
#include "PrintCommand.h"
#include "ReportCommand.h"
#include "ResetPasswordCommand.h"
#include "ChangePasswordCommand.h"
#include "RestoreCommand.h"
#include "RevokeCommand.h"
#include "RevokeKinshipCommand.h"
#include "SetQuotaCommand.h"
#include "RulesCommand.h"
#include "SetupOfficeCommand.h"
#include "UnlockClerkCommand.h"
#include "model/startup/DatabaseStartup.h"
#include "model/storage/Database.h"
#include "model/storage/StorageError.h"

namespace gongji {

namespace {

const QString program = QStringLiteral("gongji-admin");

// Replaces the parser's first help line, which names the binary's full path and no command.
QString withUsageLine(const QString &helpText, const QString &usage)
{
    const qsizetype end = helpText.indexOf(QLatin1Char('\n'));
    return QStringLiteral("Usage: ") + usage + (end < 0 ? QString() : helpText.mid(end));
}

// Who the audit log names for what a command does without a sign-in (backup).
QString actor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("gongji-admin") : QStringLiteral("gongji-admin:") + user;
}

} // namespace

AdminApp::AdminApp()
    : m_out(stdout)
    , m_err(stderr)
    , m_dbOption(QStringLiteral("db"),
                 QStringLiteral("The database file (default: the one gongji-desk uses; "
                                "see Default database below), or an office server "
                                "postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=verify-full&sslrootcert=FILE]."),
                 QStringLiteral("PATH"))
    , m_clerkOption(QStringLiteral("clerk"),
                    QStringLiteral("Sign in as this account (login) for a command that changes data; the audit log "
                                   "names it. The password is asked on the terminal, without echo."),
                    QStringLiteral("LOGIN"))
    , m_passwordFileOption(QStringLiteral("password-file"),
                           QStringLiteral("Read the password for --clerk (and for init) from the first line of FILE "
                                          "instead of the terminal. Keep FILE readable by you only."),
                           QStringLiteral("FILE"))
    , m_dbPasswordFileOption(QStringLiteral("db-password-file"),
                             QStringLiteral("Read the office server's password from the first line of FILE. Without it "
                                            "libpq's password file (~/.pgpass, PGPASSFILE) is used, else it is asked "
                                            "on the terminal without echo."),
                             QStringLiteral("FILE"))
{
    // QTextStream writes UTF-8 by default in Qt 6: names and messages come out as they are.
    // One line per command, in the order of --help (and its files in CMakeLists.txt).
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<ImportRegistryCommand>());
    m_commands.push_back(std::make_unique<CheckFilingsCommand>());
    m_commands.push_back(std::make_unique<CheckKinshipCommand>());
    m_commands.push_back(std::make_unique<HouseholdCommand>());
    m_commands.push_back(std::make_unique<RevokeCommand>());
    m_commands.push_back(std::make_unique<RevokeKinshipCommand>());
    m_commands.push_back(std::make_unique<SetQuotaCommand>());
    m_commands.push_back(std::make_unique<PreviewPaymentCommand>());
    m_commands.push_back(std::make_unique<RulesCommand>());
    m_commands.push_back(std::make_unique<BackupCommand>());
    m_commands.push_back(std::make_unique<RestoreCommand>());
    m_commands.push_back(std::make_unique<LoadDemoCommand>());
    m_commands.push_back(std::make_unique<PrintCommand>());
    m_commands.push_back(std::make_unique<CopyToCommand>());
    m_commands.push_back(std::make_unique<JournalCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<AddClerkCommand>());
    m_commands.push_back(std::make_unique<ClerksCommand>());
    m_commands.push_back(std::make_unique<DisableClerkCommand>());
    m_commands.push_back(std::make_unique<EnableClerkCommand>());
    m_commands.push_back(std::make_unique<UnlockClerkCommand>());
    m_commands.push_back(std::make_unique<ResetPasswordCommand>());
    m_commands.push_back(std::make_unique<ChangePasswordCommand>());
    m_commands.push_back(std::make_unique<PasswordPolicyCommand>());
    m_commands.push_back(std::make_unique<SetupOfficeCommand>());
    m_commands.push_back(std::make_unique<MigrateCommand>());
}

AdminApp::~AdminApp() = default;

AdminCommand *AdminApp::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

int AdminApp::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({m_dbOption, m_clerkOption, m_passwordFileOption, m_dbPasswordFileOption});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."),
                                 QStringLiteral("COMMAND [ARGUMENTS]"));
    // Everything after the command name belongs to the command and is parsed by it.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments)) {
        m_err << program << ": " << parser.errorText() << "\nRun " << program
              << " --help for the commands and options.\n";
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(version)) {
        m_out << program << ' ' << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (positional.isEmpty()) {
        (parser.isSet(help) ? m_out : m_err) << globalHelp(parser);
        return parser.isSet(help) ? ExitOk : ExitUsage;
    }

    QString name = positional.first();
    QStringList rest = positional.mid(1);
    if (name == QLatin1String("help")) {
        if (rest.isEmpty()) {
            m_out << globalHelp(parser);
            return ExitOk;
        }
        name = rest.first();
        rest = {QStringLiteral("--help")};
    } else if (parser.isSet(help)) {
        rest = {QStringLiteral("--help")}; // gongji-admin --help COMMAND
    }
    AdminCommand *command = find(name);
    if (!command) {
        m_err << program << ": unknown command \"" << name << "\". Run " << program
              << " --help for the list of commands.\n";
        return ExitUsage;
    }
    const GlobalOptions global{parser.value(m_dbOption), parser.value(m_clerkOption),
                               parser.value(m_passwordFileOption), parser.value(m_dbPasswordFileOption)};
    return runCommand(*command, arguments.value(0, program), rest, global);
}

int AdminApp::runCommand(AdminCommand &command, const QString &binary, const QStringList &arguments,
                         const GlobalOptions &global)
{
    QCommandLineParser parser;
    // The global options are also accepted after the command, where people tend to type them.
    parser.addOptions({m_dbOption, m_clerkOption, m_passwordFileOption, m_dbPasswordFileOption});
    const QCommandLineOption help = parser.addHelpOption();
    command.addOptions(parser);
    if (!parser.parse(QStringList{binary} + arguments)) {
        m_err << program << ' ' << command.name() << ": " << parser.errorText() << "\nRun " << program << ' '
              << command.name() << " --help for its usage.\n";
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        m_out << commandHelp(command, parser);
        return ExitOk;
    }
    const QString usageProblem = command.checkUsage(parser);
    if (!usageProblem.isEmpty()) {
        m_err << program << ' ' << command.name() << ": " << usageProblem << "\nRun " << program << ' '
              << command.name() << " --help for its usage.\n";
        return ExitUsage;
    }

    QString path = parser.isSet(m_dbOption) ? parser.value(m_dbOption) : global.db;
    if (path.isEmpty())
        path = Database::defaultPath();
    const GlobalOptions options{
        path, parser.isSet(m_clerkOption) ? parser.value(m_clerkOption) : global.clerk,
        parser.isSet(m_passwordFileOption) ? parser.value(m_passwordFileOption) : global.passwordFile,
        parser.isSet(m_dbPasswordFileOption) ? parser.value(m_dbPasswordFileOption) : global.dbPasswordFile};
    const std::optional<ClerkRole> role = command.requiredRole(parser);
    QString actorName = actor();
    if (!command.opensDatabase()) {
        int status = !role ? ExitOk : signInBeside(command, parser, path, options, *role, &actorName);
        if (status == ExitOk)
            status = command.run(parser,
                                 AdminContext{QString(), m_out, m_err, actorName, path, options.passwordFile,
                                              options.clerk, options.dbPasswordFile});
        m_out.flush();
        m_err.flush();
        return status;
    }
    const QString connection = Database::defaultConnectionName();
    const Database::OpenResult opened
        = DatabaseAccess(options.dbPasswordFile, m_err).open(path, connection, command.upgradesServerSchema());
    if (!opened.ok) {
        m_err << program << ": " << opened.error << '\n';
        return ExitDatabase;
    }
    int status = ExitOk;
    try {
        if (role && !command.waivesSignIn(connection)) {
            const CommandSignIn::Outcome signedIn
                = CommandSignIn::check(connection, command.name(), options.clerk, options.passwordFile, *role, m_err);
            status = signedIn.status;
            actorName = signedIn.login;
        }
        if (status == ExitOk)
            status = command.run(parser,
                                 AdminContext{connection, m_out, m_err, actorName, path, options.passwordFile,
                                              options.clerk, options.dbPasswordFile});
    } catch (const StorageError &error) {
        // Commands store through services that catch their own failures; this is for reads.
        m_err << program << ": " << error.userMessage() << '\n';
        status = ExitStorage;
    }
    m_out.flush();
    m_err.flush();
    Database::close(connection);
    return status;
}

int AdminApp::signInBeside(AdminCommand &command, const QCommandLineParser &parser, const QString &path,
                           const GlobalOptions &options, ClerkRole role, QString *actor)
{
    const QString connection = QStringLiteral("sign-in");
    // Opening a missing file would create a database there (without accounts): not for a sign-in.
    Database::OpenResult opened;
    if (path.contains(QLatin1String("://")) || QFileInfo::exists(path))
        opened = DatabaseAccess(options.dbPasswordFile, m_err).open(path, connection);
    else
        opened.error = QStringLiteral("The database %1 does not exist yet.").arg(path);
    // A damaged database has no accounts to ask: the command may name a file whose accounts do
    // (restore: the backup). Its copy is opened, never the file, and thrown away afterwards.
    QTemporaryDir scratch;
    const QString fallback = opened.ok ? QString() : command.signInFallback(parser);
    if (!fallback.isEmpty() && scratch.isValid()) {
        const QString copy = scratch.filePath(QStringLiteral("accounts.sqlite"));
        if (QFile::copy(fallback, copy)) {
            QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            const Database::OpenResult second = DatabaseStartup::open(copy, connection);
            if (second.ok) {
                m_err << program << ' ' << command.name() << ": " << opened.error
                      << "\nThe sign-in is checked against the accounts in " << fallback << " instead.\n";
                opened = second;
            }
        }
    }
    if (!opened.ok) {
        m_err << program << ": " << opened.error << "\nThe sign-in cannot be checked; nothing was changed.\n";
        return ExitDatabase;
    }
    int status = ExitSignIn;
    try {
        const CommandSignIn::Outcome signedIn
            = CommandSignIn::check(connection, command.name(), options.clerk, options.passwordFile, role, m_err);
        status = signedIn.status;
        *actor = signedIn.login;
    } catch (const StorageError &error) {
        m_err << program << ": " << error.userMessage() << '\n';
        status = ExitStorage;
    }
    Database::close(connection);
    return status;
}

QString AdminApp::globalHelp(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        QStringLiteral("Gongji Desk administration: import the insured registry, check and register batch "
                       "mutual-aid filings and kinship accounts, review a household, revoke bindings, preview "
                       "payments, exchange rule sets, load the demo data."));
    QString text = withUsageLine(parser.helpText(),
                                 program
                                     + QStringLiteral(" [--db PATH] [--clerk LOGIN "
                                                      "[--password-file FILE]] COMMAND [ARGUMENTS]"));
    text += QStringLiteral("\nCommands:\n");
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -16).arg(command->summary());
    text += QStringLiteral("  %1  %2\n")
                .arg(QStringLiteral("help COMMAND"), -16)
                .arg(QStringLiteral("Show the options and behaviour of a command."));
    text += QStringLiteral("\nSign-in:\n"
                           "  Every command that changes data or is audited needs --clerk LOGIN and that account's\n"
                           "  password: import-registry, check-filings --commit, check-kinship --commit, revoke,\n"
                           "  revoke-kinship, print, rules import, restore, copy-to, load-demo (except into a\n"
                           "  fresh database) and the account commands. The password is asked on the terminal\n"
                           "  without echo, or read from the first line of --password-file FILE. The sign-in is\n"
                           "  audited; five wrong passwords lock the login for 5 minutes. Commands that only read\n"
                           "  (household, preview-payment, check-filings and check-kinship without --commit,\n"
                           "  rules export, rules import --dry-run, backup) need no sign-in. Registry import,\n"
                           "  rule sets, restore, copy-to and other accounts need a supervisor; the rest (also\n"
                           "  change-password, one's own) a clerk.\n"
                           "  A new database has no accounts: create the first supervisor with init.\n");
    text += QStringLiteral("\nOffice server:\n"
                           "  --db postgresql://USER@HOST[:PORT]/DBNAME?sslmode=verify-full&sslrootcert=CA.crt\n"
                           "  checks the server's certificate against the office CA and its host name. Keep the\n"
                           "  server's password out of the address (ps shows command lines to every local user):\n"
                           "  put it in ~/.pgpass (chmod 600), give --db-password-file FILE, or type it when asked.\n"
                           "  The administrator runs setup-office once and migrate after an upgrade, as the role\n"
                           "  that owns the schema; the counters connect as the counter role.\n");
    text += QStringLiteral("\nExit codes:\n"
                           "  0   done (check-filings, check-kinship: the file was processed, whatever the\n"
                           "      verdicts)\n"
                           "  1   the input was refused: a file unreadable, neither UTF-8 nor GB18030, with a\n"
                           "      wrong header or bad rows; an ID number not valid, a person not in the registry,\n"
                           "      no such active binding; rule sets that conflict. Nothing of it was stored\n"
                           "  2   the database could not be opened (not a database, damaged, newer version);\n"
                           "      the file was left untouched\n"
                           "  3   storing failed (the message says what was kept)\n"
                           "  4   no valid sign-in (no --clerk, a wrong password, a locked or unknown login, no\n"
                           "      password file) or the account's role may not do this. Nothing was changed\n"
                           "  64  wrong command line\n");
    text += QStringLiteral("\nDefault database: %1\n").arg(Database::defaultPath());
    return text;
}

QString AdminApp::commandHelp(AdminCommand &command, QCommandLineParser &parser) const
{
    parser.setApplicationDescription(command.description());
    return withUsageLine(parser.helpText(),
                         program + QStringLiteral(" [--db PATH] ") + command.name() + QLatin1Char(' ')
                             + command.usage())
        + QStringLiteral("\nDefault database: %1\n").arg(Database::defaultPath());
}

} // namespace gongji
