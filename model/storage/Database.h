#pragma once
#include <QDate>
#include <QString>

namespace gongji {

// Opens the one SQLite file, checks it, migrates it. The file is never modified when it is not
// a database, is damaged or comes from a newer schema.
class Database
{
public:
    struct OpenResult
    {
        bool ok = false;
        QString error; // names the file and says what to do, in the UI language
        // A local file that is not an SQLite database or whose pages are damaged (not a foreign
        // or newer database): a backup may be put in its place (BackupFolder).
        bool damaged = false;
        // An office server that wants a password none was given for (and the password file has
        // none): the caller may ask the user and open again with it.
        bool needsPassword = false;
        // Set even when the database opened: the address carried a password (it shows in `ps`).
        QString warning;
    };

    // How a database is opened beyond its address.
    struct Options
    {
        // An office server's password, asked from the user: wins over one in the address. Without
        // either libpq reads PGPASSWORD or its password file (~/.pgpass or PGPASSFILE).
        QString password;
        // An office server's schema is created or upgraded only when this is set (setup-office and
        // migrate, run by the administrator as the schema's owner); otherwise an older schema is
        // refused with a message to ask the administrator, and nothing is changed. SQLite files
        // are always brought up to date: the counter's own file has no other owner.
        bool upgradeServerSchema = false;
    };

    static QString defaultConnectionName();
    // <AppDataLocation>/gongji-desk.sqlite (the directory is created when missing).
    static QString defaultPath();

    // Opens a SQLite file PATH, or an office server postgresql://USER@HOST[:PORT]/DBNAME[?TLS settings]
    // (see DatabaseLocation), on the named connection: for SQLite foreign keys, WAL,
    // synchronous=FULL, busy timeout; then creates or migrates the schema (see Options). On
    // failure the connection is removed. The programs open through DatabaseStartup, which adds
    // the day's automatic steps (the end of authorization periods).
    static OpenResult open(const QString &where, const QString &connection = defaultConnectionName());
    static OpenResult open(const QString &where, const QString &connection, const Options &options);
    static void close(const QString &connection = defaultConnectionName());

    // The file (or server address with its TLS settings, without password) behind a connection.
    static QString pathOf(const QString &connection = defaultConnectionName());

    // An office server's connection found broken (the server restarted, the network was cut) is
    // marked by the statement that failed and opened again by the next statement on it: the
    // counter goes on at its next action without a restart of the program.
    static void markLost(const QString &connection);
    // Throws StorageError (ConnectionLost) while the server still cannot be reached.
    static void reopenIfLost(const QString &connection);

    static constexpr int busyTimeoutMs = 10000;
};

} // namespace gongji
