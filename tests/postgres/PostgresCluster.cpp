#include "postgres/PostgresCluster.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtDebug>
#include <unistd.h>

namespace {

bool isRoot() { return ::geteuid() == 0; }

QString newestPostgresBin()
{
    const QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    for (auto it = versions.crbegin(); it != versions.crend(); ++it)
        if (QFile::exists(lib.filePath(*it + QStringLiteral("/bin/initdb"))))
            return lib.filePath(*it + QStringLiteral("/bin"));
    return QString();
}

} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    if (m_running)
        runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), dir() + QStringLiteral("/data"), QStringLiteral("-m"),
                 QStringLiteral("immediate"), QStringLiteral("stop")});
}

bool PostgresCluster::runTool(const QString &tool, const QStringList &arguments, QString *output, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const bool serverTool = tool != QLatin1String("openssl");
    const QString program = serverTool ? m_bin + QLatin1Char('/') + tool : tool;
    if (serverTool && isRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
                          + arguments);
    else
        process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    const QString text = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = text;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "test cluster:" << tool << arguments.join(QLatin1Char(' ')) << "failed:" << text;
        return false;
    }
    return true;
}

bool PostgresCluster::start(Tls tls, HostAuth auth)
{
    m_auth = auth;
    m_bin = newestPostgresBin();
    if (m_bin.isEmpty()) {
        m_skipReason = QStringLiteral("PostgreSQL is not installed (Debian package postgresql)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/gongji-pgc-XXXXXX"));
    if (!m_dir->isValid()) {
        m_skipReason = QStringLiteral("no temporary directory");
        return false;
    }
    QFile::setPermissions(dir(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    if (tls == Tls::On && !makeCertificates()) {
        m_skipReason = QStringLiteral("openssl could not make the test certificates (Debian package openssl)");
        return false;
    }
    const QString pwfile = dir() + QStringLiteral("/superuser.pw");
    {
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly) || file.write(superuserPassword) < 0)
            return false;
    }
    if (isRoot()
        && QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres"), dir()}) != 0) {
        m_skipReason = QStringLiteral("cannot give the cluster directory to the postgres user");
        return false;
    }
    const QString data = dir() + QStringLiteral("/data");
    QStringList initdb{QStringLiteral("-D"),
                       data,
                       QStringLiteral("-U"),
                       QStringLiteral("gongji"),
                       QStringLiteral("--locale=C.UTF-8"),
                       QStringLiteral("-E"),
                       QStringLiteral("UTF8"),
                       QStringLiteral("--auth-local=trust"),
                       QStringLiteral("--pwfile=") + pwfile,
                       QStringLiteral("--auth-host=")
                           + (auth == HostAuth::Password ? QStringLiteral("scram-sha-256") : QStringLiteral("trust"))};
    QString log;
    if (!runTool(QStringLiteral("initdb"), initdb, &log, 120000)) {
        m_skipReason = QStringLiteral("initdb failed: ") + log;
        return false;
    }
    QFile conf(data + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append))
        return false;
    // Settings in the file, not on the command line, so that a test can change them with ALTER SYSTEM.
    QByteArray settings = "listen_addresses = '127.0.0.1'\nfsync = off\nmax_connections = 100\n";
    settings += "unix_socket_directories = '" + dir().toUtf8() + "'\n";
    if (tls == Tls::On)
        settings += "ssl = on\nssl_cert_file = '" + dir().toUtf8() + "/server.crt'\nssl_key_file = '" + dir().toUtf8()
            + "/server.key'\n";
    conf.write(settings);
    conf.close();
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = 20000 + int(QRandomGenerator::global()->bounded(30000));
        if (runTool(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                     QStringLiteral("-l"), dir() + QStringLiteral("/server.log"), QStringLiteral("-o"),
                     QStringLiteral("-p %1").arg(m_port), QStringLiteral("start")},
                    &log)) {
            m_running = true;
            return true;
        }
    }
    m_skipReason = QStringLiteral("the test cluster did not start: ") + log;
    return false;
}

bool PostgresCluster::makeCertificates()
{
    const QString d = dir() + QLatin1Char('/');
    const QStringList key{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QFile extensions(d + QStringLiteral("server.ext"));
    if (!extensions.open(QIODevice::WriteOnly) || extensions.write("subjectAltName=DNS:localhost\n") < 0)
        return false;
    extensions.close();
    const auto openssl = [this](const QStringList &arguments) { return runTool(QStringLiteral("openssl"), arguments); };
    const bool made
        = openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + key
                  + QStringList{QStringLiteral("-keyout"), d + QStringLiteral("ca.key"), QStringLiteral("-out"),
                                d + QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=Gongji Test Office CA")})
        && openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + key
                   + QStringList{QStringLiteral("-keyout"), d + QStringLiteral("other-ca.key"), QStringLiteral("-out"),
                                 d + QStringLiteral("other-ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                 QStringLiteral("-subj"), QStringLiteral("/CN=Some Other CA")})
        && openssl(QStringList{QStringLiteral("req")} + key
                   + QStringList{QStringLiteral("-keyout"), d + QStringLiteral("server.key"), QStringLiteral("-out"),
                                 d + QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                 QStringLiteral("/CN=localhost")})
        && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    d + QStringLiteral("server.csr"), QStringLiteral("-CA"), d + QStringLiteral("ca.crt"),
                    QStringLiteral("-CAkey"), d + QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), d + QStringLiteral("server.crt"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-extfile"), d + QStringLiteral("server.ext")});
    // The server refuses a key that others may read.
    return made
        && QFile::setPermissions(d + QStringLiteral("server.key"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString PostgresCluster::caCertificate() const { return dir() + QStringLiteral("/ca.crt"); }

QString PostgresCluster::otherCaCertificate() const { return dir() + QStringLiteral("/other-ca.crt"); }

QString PostgresCluster::superuserUrl(const QString &database) const
{
    const QString password
        = m_auth == HostAuth::Password ? QStringLiteral(":") + QLatin1String(superuserPassword) : QString();
    return QStringLiteral("postgresql://gongji%1@127.0.0.1:%2/%3").arg(password).arg(m_port).arg(database);
}

QVariant PostgresCluster::value(const QString &sql, const QString &database) const
{
    static int counter = 0;
    const QString name = QStringLiteral("cluster-admin-%1").arg(++counter);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("gongji"));
        db.setPassword(QString::fromLatin1(superuserPassword));
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            qWarning().noquote() << "test cluster: cannot connect as superuser:" << db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                qWarning().noquote() << "test cluster:" << sql << "failed:" << query.lastError().text();
            else
                result = query.next() ? query.value(0) : QVariant(true);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool PostgresCluster::run(const QString &sql, const QString &database) const { return value(sql, database).isValid(); }

bool PostgresCluster::createDatabase(const QString &name, const QString &owner) const
{
    return run(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'%2")
                   .arg(name, owner.isEmpty() ? QString() : QStringLiteral(" OWNER ") + owner));
}

bool PostgresCluster::restartImmediately()
{
    return runTool(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), dir() + QStringLiteral("/data"), QStringLiteral("-w"), QStringLiteral("-t"),
                    QStringLiteral("30"), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-l"),
                    dir() + QStringLiteral("/server.log"), QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                    QStringLiteral("restart")});
}
