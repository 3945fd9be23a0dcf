#pragma once
#include <QString>

namespace gongji {

// Where the data lives: a local SQLite file path, or an office PostgreSQL server given as
// postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=verify-full&sslrootcert=CA.crt&sslcert=…&sslkey=…]
// (the form of --db and of the GUI setting). The query takes libpq's TLS settings and nothing
// else: an unknown parameter is an error, never silently ignored. A password in the URL is still
// read (with a warning, see passwordWarning()) but never written back by displayName().
struct DatabaseLocation
{
    bool isServer = false;
    QString path; // SQLite file
    QString user;
    QString password;
    QString host;
    int port = 5432;
    QString databaseName;
    // libpq's TLS settings (libpq's own defaults when empty: sslmode=prefer, ~/.postgresql/…).
    QString sslMode;
    QString sslRootCert; // absolute paths once parsed
    QString sslCert;
    QString sslKey;
    QString error; // non-empty: the text was a server address but could not be read

    static DatabaseLocation parse(const QString &text);
    // For messages, status bars, logs and the stored setting: the address with its TLS
    // settings, never the password.
    QString displayName() const;
    // The libpq keywords for the TLS settings, "key=value" separated by ';' (QPSQL's connect
    // options), values quoted as libpq's conninfo wants.
    QString tlsConnectOptions() const;
    // Non-empty when the address carries a password: what to say (it shows in `ps`, in shell
    // histories and in files) and what to do instead.
    QString passwordWarning() const;
    // The sslmode an office should use: the server's certificate is checked against the CA and
    // the host name.
    static QString officeSslMode() { return QStringLiteral("verify-full"); }
};

} // namespace gongji
