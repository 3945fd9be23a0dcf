// The office server's address with libpq's TLS settings: read, passed on to the driver, and
// enforced. One throwaway cluster with TLS (a CA and a server certificate for "localhost" made
// with openssl by PostgresCluster) serves every case; a refused connection writes nothing.
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "AdminCli.h"
#include "model/storage/Database.h"
#include "model/storage/DatabaseLocation.h"
#include "postgres/PostgresCluster.h"

using namespace gongji;

class TestOfficeTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void addressReading_data();
    void addressReading();
    void addressKeepsTlsAndDropsPassword();

    void connection_data();
    void connection();
    void serverWithoutTlsIsRefused();

private:
    // The office database over TLS: host, sslmode, CA file.
    QString address(const QString &host, const QString &mode, const QString &ca) const;
    int clerkCount() const
    {
        return m_cluster.value(QStringLiteral("SELECT COUNT(*) FROM clerk"), QStringLiteral("office")).toInt();
    }
    // `gongji-admin init` (which writes the first supervisor) through `db`.
    AdminCli::Run initThrough(const QString &db) const;

    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    bool m_serverUp = false;
};

void TestOfficeTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(AdminCli::writePasswordFile(m_dir.filePath(QStringLiteral("password.txt"))));
    m_serverUp = m_cluster.start(PostgresCluster::Tls::On);
    if (!m_serverUp)
        return; // the connection cases skip; the address cases need no server
    QVERIFY(m_cluster.createDatabase(QStringLiteral("office")));
    // The schema is made as setup-office makes it: by the owner, who alone may create it.
    Database::Options owner;
    owner.upgradeServerSchema = true;
    const Database::OpenResult opened
        = Database::open(address(QStringLiteral("localhost"), QStringLiteral("verify-full"), m_cluster.caCertificate()),
                         QStringLiteral("setup"), owner);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    Database::close(QStringLiteral("setup"));
}

QString TestOfficeTls::address(const QString &host, const QString &mode, const QString &ca) const
{
    QString text
        = QStringLiteral("postgresql://gongji@%1:%2/office?sslmode=%3").arg(host).arg(m_cluster.port()).arg(mode);
    if (!ca.isEmpty())
        text += QStringLiteral("&sslrootcert=") + ca;
    return text;
}

AdminCli::Run TestOfficeTls::initThrough(const QString &db) const
{
    return AdminCli(m_dir.filePath(QStringLiteral("xdg")))
        .run({QStringLiteral("--db"), db, QStringLiteral("--password-file"),
              m_dir.filePath(QStringLiteral("password.txt")), QStringLiteral("init"), QStringLiteral("--supervisor"),
              QStringLiteral("chief")});
}

void TestOfficeTls::addressReading_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("error"); // a part of the message, or empty: accepted
    QTest::addColumn<QString>("options"); // the driver's TLS options when accepted

    const QString ca
        = QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv"); // any existing file stands for a certificate
    QTest::newRow("no TLS settings") << "postgresql://desk@db.office:5432/gongji" << QString() << QString();
    QTest::newRow("verify-full and CA") << QStringLiteral(
                                               "postgresql://desk@db.office/gongji?sslmode=verify-full&sslrootcert=")
            + ca << QString() << QStringLiteral("sslmode='verify-full';sslrootcert='%1'").arg(ca);
    QTest::newRow("client certificate and key")
        << QStringLiteral("postgresql://desk@db.office/gongji?sslmode=verify-ca&sslcert=%1&sslkey=%1").arg(ca)
        << QString() << QStringLiteral("sslmode='verify-ca';sslcert='%1';sslkey='%1'").arg(ca);
    QTest::newRow("unknown setting") << "postgresql://desk@db.office/gongji?sslmode=verify-full&ssl_mode=on"
                                     << "\"ssl_mode\" is not known" << QString();
    QTest::newRow("misspelt mode") << "postgresql://desk@db.office/gongji?sslmode=verify_full"
                                   << "sslmode=verify_full is not a TLS mode" << QString();
    QTest::newRow("missing CA file")
        << "postgresql://desk@db.office/gongji?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt"
        << "/nonexistent/ca.crt named by sslrootcert does not exist" << QString();
    QTest::newRow("no user") << "postgresql://db.office/gongji"
                             << "is not a database server address" << QString();
}

void TestOfficeTls::addressReading()
{
    QFETCH(QString, address);
    QFETCH(QString, error);
    QFETCH(QString, options);
    const DatabaseLocation location = DatabaseLocation::parse(address);
    QVERIFY(location.isServer);
    if (error.isEmpty()) {
        QVERIFY2(location.error.isEmpty(), qPrintable(location.error));
        QCOMPARE(location.tlsConnectOptions(), options);
    } else {
        QVERIFY2(location.error.contains(error), qPrintable(location.error));
    }
}

void TestOfficeTls::addressKeepsTlsAndDropsPassword()
{
    const QString ca = QStringLiteral(GONGJI_TEST_DATA "/registry-good.csv");
    const DatabaseLocation location = DatabaseLocation::parse(
        QStringLiteral("postgresql://desk:s3cret@db.office:6543/gongji?sslmode=verify-full&sslrootcert=") + ca);
    QVERIFY2(location.error.isEmpty(), qPrintable(location.error));
    QCOMPARE(location.password, QStringLiteral("s3cret"));
    QVERIFY(location.passwordWarning().contains(QStringLiteral("carries the database password")));
    const QString shown = location.displayName();
    QCOMPARE(shown, QStringLiteral("postgresql://desk@db.office:6543/gongji?sslmode=verify-full&sslrootcert=") + ca);
    // What is shown (and stored) reads back to the same place, without the password.
    const DatabaseLocation again = DatabaseLocation::parse(shown);
    QCOMPARE(again.displayName(), shown);
    QVERIFY(again.password.isEmpty());
    QVERIFY(again.passwordWarning().isEmpty());
}

void TestOfficeTls::connection_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("officeCa"); // false: another CA's certificate as sslrootcert
    QTest::addColumn<QString>("refusal"); // a part of the message, or empty: connected, encrypted

    QTest::newRow("verify-full, office CA, certificate's host name") << "localhost"
                                                                     << "verify-full" << true << QString();
    QTest::newRow("verify-full, another CA") << "localhost"
                                             << "verify-full" << false << "not signed by the authority";
    QTest::newRow("verify-full, another host name")
        << "127.0.0.1"
        << "verify-full" << true << "not made out to the host name 127.0.0.1";
    QTest::newRow("verify-ca, another CA") << "localhost"
                                           << "verify-ca" << false << "not signed by the authority";
    QTest::newRow("verify-ca, another host name") << "127.0.0.1"
                                                  << "verify-ca" << true << QString();
}

void TestOfficeTls::connection()
{
    if (!m_serverUp)
        QSKIP(qPrintable(m_cluster.skipReason()));
    QFETCH(QString, host);
    QFETCH(QString, mode);
    QFETCH(bool, officeCa);
    QFETCH(QString, refusal);
    const QString db = address(host, mode, officeCa ? m_cluster.caCertificate() : m_cluster.otherCaCertificate());
    const QString connection = QStringLiteral("counter");
    const Database::OpenResult opened = Database::open(db, connection);
    if (refusal.isEmpty()) {
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QSqlQuery query(QSqlDatabase::database(connection, false));
        QVERIFY(query.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) && query.next());
        QCOMPARE(query.value(0).toBool(), true);
        QCOMPARE(Database::pathOf(connection), DatabaseLocation::parse(db).displayName());
        Database::close(connection);
        return;
    }
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(refusal), qPrintable(opened.error));
    QVERIFY(!QSqlDatabase::contains(connection));
    // The same through gongji-admin: refused before anything is written.
    const int clerks = clerkCount();
    const AdminCli::Run run = initThrough(db);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(refusal), qPrintable(run.err));
    QCOMPARE(clerkCount(), clerks);
}

void TestOfficeTls::serverWithoutTlsIsRefused()
{
    if (!m_serverUp)
        QSKIP(qPrintable(m_cluster.skipReason()));
    QVERIFY(m_cluster.run(QStringLiteral("ALTER SYSTEM SET ssl = off")));
    QVERIFY(m_cluster.run(QStringLiteral("SELECT pg_reload_conf()")));
    const auto sslBackOn = qScopeGuard([this] {
        m_cluster.run(QStringLiteral("ALTER SYSTEM RESET ssl"));
        m_cluster.run(QStringLiteral("SELECT pg_reload_conf()"));
    });
    QTRY_COMPARE(m_cluster.value(QStringLiteral("SHOW ssl")).toString(), QStringLiteral("off"));
    const QString db = address(QStringLiteral("localhost"), QStringLiteral("verify-full"), m_cluster.caCertificate());
    const Database::OpenResult opened = Database::open(db, QStringLiteral("counter"));
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(QStringLiteral("does not offer an encrypted (TLS) connection")),
             qPrintable(opened.error));
    const int clerks = clerkCount();
    const AdminCli::Run run = initThrough(db);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("does not offer an encrypted (TLS) connection")), qPrintable(run.err));
    QCOMPARE(clerkCount(), clerks);
    QCOMPARE(clerks, 0);
}

QTEST_GUILESS_MAIN(TestOfficeTls)
#include "tst_officetls.moc"
