#pragma once
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>
#include <memory>

// A throwaway PostgreSQL cluster of one test program (the C++ counterpart of with-postgres.sh,
// for tests that must restart the server, change its TLS or its authentication): a temporary
// directory, a free local port, superuser `gongji`. With Tls::On the test makes its own CA and a
// server certificate for "localhost" with openssl, and a second, unrelated CA. As root the server
// runs as the postgres user (PostgreSQL refuses root). Stopped (immediately) when destroyed.
class PostgresCluster
{
public:
    enum class Tls { Off, On };
    // HostAuth::Password: TCP connections need a password (scram-sha-256); the superuser's is
    // superuserPassword.
    enum class HostAuth { Trust, Password };

    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // False with skipReason() when PostgreSQL (or openssl for TLS) is not installed or the
    // cluster does not start.
    bool start(Tls tls = Tls::Off, HostAuth auth = HostAuth::Trust);
    QString skipReason() const { return m_skipReason; }

    int port() const { return m_port; }
    QString dir() const { return m_dir ? m_dir->path() : QString(); }
    // postgresql://gongji[:password]@127.0.0.1:PORT/DATABASE
    QString superuserUrl(const QString &database = QStringLiteral("postgres")) const;
    static constexpr const char *superuserPassword = "cluster-superuser-pw";

    // Runs SQL as the superuser on DATABASE; false (and a warning) when it fails.
    bool run(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // The first column of the first row, or an invalid QVariant.
    QVariant value(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // CREATE DATABASE NAME with the C collation Gongji Desk needs, owned by OWNER (default the superuser).
    bool createDatabase(const QString &name, const QString &owner = QString()) const;

    // pg_ctl restart -m immediate: every connection is cut, no shutdown checkpoint.
    bool restartImmediately();

    // TLS files (Tls::On): the office CA, the server's certificate, an unrelated CA.
    QString caCertificate() const;
    QString otherCaCertificate() const;

private:
    bool runTool(const QString &tool, const QStringList &arguments, QString *output = nullptr,
                 int timeoutMs = 60000) const;
    bool makeCertificates();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bin;
    QString m_skipReason;
    HostAuth m_auth = HostAuth::Trust;
    int m_port = 0;
    bool m_running = false;
};
