// The office server's password never in the open: gongji-admin takes it from libpq's password
// file, --db-password-file or the terminal (none here: refused with what to do), warns about one
// left in the address; the desk asks for it in a dialog. One throwaway cluster that wants
// passwords (scram-sha-256) for every TCP connection.
#include <QApplication>
#include <functional>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QTest>
#include <QTimer>

#include "AdminCli.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Database.h"
#include "postgres/PostgresCluster.h"
#include "ui/recovery/StartupDatabase.h"
#include "ui/settings/ServerPasswordDialog.h"

using namespace gongji;

namespace {
const QString kCounterPassword = QStringLiteral("Counter-Role-pw-7");
}

class TestOfficePassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminFindsThePassword_data();
    void adminFindsThePassword();
    void deskAsksForThePassword();

private:
    QString address(const QString &password = QString()) const
    {
        const QString secret = password.isEmpty() ? QString() : QLatin1Char(':') + password;
        return QStringLiteral("postgresql://office_counter%1@127.0.0.1:%2/office").arg(secret).arg(m_cluster.port());
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
};

void TestOfficePassword::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!m_cluster.start(PostgresCluster::Tls::Off, PostgresCluster::HostAuth::Password))
        QSKIP(qPrintable(m_cluster.skipReason()));
    QVERIFY(m_cluster.createDatabase(QStringLiteral("office")));
    Database::Options owner;
    owner.upgradeServerSchema = true;
    owner.password = QLatin1String(PostgresCluster::superuserPassword);
    const QString setupAddress = QStringLiteral("postgresql://gongji@127.0.0.1:%1/office").arg(m_cluster.port());
    const Database::OpenResult opened = Database::open(setupAddress, QStringLiteral("setup"), owner);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(CounterRole(QStringLiteral("setup")).setUp(QStringLiteral("office_counter")).ok);
    Database::close(QStringLiteral("setup"));
    QVERIFY(m_cluster.run(QStringLiteral("ALTER ROLE office_counter PASSWORD '%1'").arg(kCounterPassword)));
    // libpq's password file: host:port:database:user:password, private to its owner.
    QVERIFY(AdminCli::writePasswordFile(file(QStringLiteral("pgpass")),
                                        QStringLiteral("127.0.0.1:%1:office:office_counter:%2\n")
                                            .arg(m_cluster.port())
                                            .arg(kCounterPassword)
                                            .toUtf8()));
    QVERIFY(AdminCli::writePasswordFile(file(QStringLiteral("db-password")), kCounterPassword.toUtf8()));
    QVERIFY(AdminCli::writePasswordFile(file(QStringLiteral("wrong-password")), "not-the-password"));
}

void TestOfficePassword::adminFindsThePassword_data()
{
    QTest::addColumn<bool>("passwordFile"); // PGPASSFILE names the password file
    QTest::addColumn<QString>("inAddress"); // the password in the address, or empty
    QTest::addColumn<QString>("dbPasswordFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // in stderr ("": stderr empty)

    QTest::newRow("libpq's password file") << true << QString() << QString() << 0 << QString();
    QTest::newRow("--db-password-file") << false << QString() << QStringLiteral("db-password") << 0 << QString();
    QTest::newRow("in the address: works, warned")
        << false << kCounterPassword << QString() << 0
        << "carries the database password, which other users of this computer can see";
    QTest::newRow("nowhere: refused, says where to put it")
        << false << QString() << QString() << 2
        << "asks for a password, and none was given or found in the password file";
    QTest::newRow("a wrong one") << false << QString() << QStringLiteral("wrong-password") << 2
                                 << "password authentication failed";
}

void TestOfficePassword::adminFindsThePassword()
{
    QFETCH(bool, passwordFile);
    QFETCH(QString, inAddress);
    QFETCH(QString, dbPasswordFile);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    qputenv("PGPASSFILE", (passwordFile ? file(QStringLiteral("pgpass")) : file(QStringLiteral("none"))).toLocal8Bit());
    QStringList arguments{QStringLiteral("--db"), address(inAddress)};
    if (!dbPasswordFile.isEmpty())
        arguments << QStringLiteral("--db-password-file") << file(dbPasswordFile);
    arguments << QStringLiteral("rules") << QStringLiteral("export") << file(QStringLiteral("rules.json"));
    // What `ps` shows: the command line, never the password unless it was put into the address.
    QCOMPARE(arguments.join(QLatin1Char(' ')).contains(kCounterPassword), !inAddress.isEmpty());
    const AdminCli::Run run = AdminCli(file(QStringLiteral("xdg"))).run(arguments);
    qunsetenv("PGPASSFILE");
    QCOMPARE(run.exitCode, exitCode);
    if (message.isEmpty())
        QCOMPARE(run.err, QString());
    else
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!run.err.contains(kCounterPassword));
}

void TestOfficePassword::deskAsksForThePassword()
{
    qputenv("PGPASSFILE", file(QStringLiteral("none")).toLocal8Bit());
    int asked = 0;
    // The dialog is modal: answer it from the event loop, as the clerk would, with the keyboard.
    std::function<void()> answer = [&] {
        auto *dialog = qobject_cast<ServerPasswordDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(20, answer);
            return;
        }
        ++asked;
        auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("serverPassword"));
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QTest::keyClicks(field, kCounterPassword);
        QTest::keyClick(dialog, Qt::Key_Return);
    };
    QTimer::singleShot(0, answer);
    const bool opened = StartupDatabase::openOrRecover(address(), QStringLiteral("desk"));
    qunsetenv("PGPASSFILE");
    QVERIFY(opened);
    QCOMPARE(asked, 1);
    QCOMPARE(Database::pathOf(QStringLiteral("desk")), address());
    Database::close(QStringLiteral("desk"));
}

QTEST_MAIN(TestOfficePassword)
#include "tst_officepassword.moc"
