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
    };

    static QString defaultConnectionName();
    // <AppDataLocation>/gongji-desk.sqlite (the directory is created when missing).
    static QString defaultPath();

    // Opens a SQLite file PATH, or an office server postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME,
    // on the named connection: for SQLite foreign keys, WAL, synchronous=FULL, busy timeout; then
    // creates or migrates the schema; then ends the bindings whose authorization period was over
    // before `today` (BindingExpiry: the first program to open the database after that day does
    // it). On failure the connection is removed again.
    static OpenResult open(const QString &where, const QString &connection = defaultConnectionName(),
                           const QDate &today = QDate::currentDate());
    static void close(const QString &connection = defaultConnectionName());

    // The file (or server address, without password) behind a connection.
    static QString pathOf(const QString &connection = defaultConnectionName());

    static constexpr int busyTimeoutMs = 10000;
};

} // namespace gongji
