#include "model/storage/DatabaseLocation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace gongji {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)
};

const QStringList kSslModes = {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                               QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

// libpq's conninfo quoting: single quotes, backslash before ' and \ .
QString conninfoValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// A certificate or key file: made absolute (the programs may change their working folder) and
// checked here, so that a typing mistake is named before libpq's own wording of it.
QString certificateFile(const QString &parameter, const QString &value, QString *error)
{
    const QFileInfo info(value);
    // QPSQL turns every ';' of its connect options into a separator.
    if (value.contains(QLatin1Char(';')))
        *error = Text::tr("The path of %1 (%2) contains \";\", which the database driver cannot pass on. "
                          "Move the file to a folder without \";\" in its name.")
                     .arg(parameter, value);
    else if (!info.isFile())
        *error = Text::tr("The file %2 named by %1 does not exist or is not a file. Give the path of the "
                          "certificate file the office administrator handed out.")
                     .arg(parameter, value);
    return info.absoluteFilePath();
}

} // namespace

DatabaseLocation DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    const bool server
        = text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
    if (!server) {
        location.path = text;
        return location;
    }
    location.isServer = true;
    const QUrl url(text, QUrl::StrictMode);
    location.user = url.userName();
    location.password = url.password();
    location.host = url.host();
    location.port = url.port(5432);
    location.databaseName = url.path().mid(1);
    if (!url.isValid() || location.user.isEmpty() || location.host.isEmpty() || location.databaseName.isEmpty()
        || location.databaseName.contains(QLatin1Char('/'))) {
        location.error = Text::tr("%1 is not a database server address. Write it as "
                                  "postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=verify-full&sslrootcert=FILE].")
                             .arg(location.displayName());
        return location;
    }
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        QString problem;
        if (key == QLatin1String("sslmode")) {
            location.sslMode = value;
            if (!kSslModes.contains(value))
                problem = Text::tr("sslmode=%1 is not a TLS mode; use one of %2 (an office uses verify-full).")
                              .arg(value, kSslModes.join(QStringLiteral(", ")));
        } else if (key == QLatin1String("sslrootcert")) {
            location.sslRootCert = certificateFile(key, value, &problem);
        } else if (key == QLatin1String("sslcert")) {
            location.sslCert = certificateFile(key, value, &problem);
        } else if (key == QLatin1String("sslkey")) {
            location.sslKey = certificateFile(key, value, &problem);
        } else {
            problem = Text::tr("The address setting \"%1\" is not known; a server address takes only sslmode, "
                               "sslrootcert, sslcert and sslkey.")
                          .arg(key);
        }
        if (!problem.isEmpty() && location.error.isEmpty())
            location.error = Text::tr("%1: %2").arg(location.displayName(), problem);
    }
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (!isServer)
        return path;
    QString text = QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
    QStringList query;
    const std::pair<const char *, const QString *> settings[]
        = {{"sslmode", &sslMode}, {"sslrootcert", &sslRootCert}, {"sslcert", &sslCert}, {"sslkey", &sslKey}};
    for (const auto &[key, value] : settings)
        if (!value->isEmpty())
            query << QString::fromLatin1(key) + QLatin1Char('=')
                    + QString::fromLatin1(QUrl::toPercentEncoding(*value, "/"));
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

QString DatabaseLocation::tlsConnectOptions() const
{
    QStringList options;
    const std::pair<const char *, const QString *> settings[]
        = {{"sslmode", &sslMode}, {"sslrootcert", &sslRootCert}, {"sslcert", &sslCert}, {"sslkey", &sslKey}};
    for (const auto &[key, value] : settings)
        if (!value->isEmpty())
            options << QString::fromLatin1(key) + QLatin1Char('=') + conninfoValue(*value);
    return options.join(QLatin1Char(';'));
}

QString DatabaseLocation::passwordWarning() const
{
    if (!isServer || password.isEmpty())
        return QString();
    return Text::tr("The address of %1 carries the database password, which other users of this computer can see "
                    "(in the process list, in shell histories, in settings files). It was used this time; remove "
                    "it from the address and put it in a password file (~/.pgpass, chmod 600) or let the program "
                    "ask for it.")
        .arg(displayName());
}

} // namespace gongji
