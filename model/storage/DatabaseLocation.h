#pragma once
#include <QString>

namespace gongji {

// Where the data lives: a local SQLite file path, or an office PostgreSQL server given as
// postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME (the form of --db and of the GUI setting).
struct DatabaseLocation
{
    bool isServer = false;
    QString path;      // SQLite file
    QString user;
    QString password;
    QString host;
    int port = 5432;
    QString databaseName;
    QString error;     // non-empty: the text was a server address but could not be read

    static DatabaseLocation parse(const QString &text);
    // For messages, status bars and logs: never the password.
    QString displayName() const;
};

} // namespace gongji
