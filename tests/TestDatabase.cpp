#include "TestDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/domain/IdNumber.h"
#include "model/storage/CounterRole.h"
#include "model/storage/Database.h"
#include "model/storage/PersonStore.h"
#include "model/storage/WriteTransaction.h"

using namespace gongji;

namespace {

// With GONGJI_TEST_POSTGRES=postgresql://USER@HOST:PORT/postgres (tests/postgres/with-postgres.sh
// sets it), every TestDatabase is a new database on that server instead of a file.
QString serverAdminUrl() { return qEnvironmentVariable("GONGJI_TEST_POSTGRES"); }

// The roles of an office (docs/office-security.md): the tests' databases are owned by the
// owner role, which sets up the schema; the tests then work as the counter role, as a counter does.
const char kOwnerRole[] = "gongji_owner";
const char kCounterRole[] = "gongji_counter";

bool runOnServer(const QString &sql)
{
    const QString admin = QStringLiteral("test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), admin);
        const QUrl url(serverAdminUrl());
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        ok = db.open() && QSqlQuery(db).exec(sql); // test set-up only: names are our own
        if (!ok)
            qWarning() << "test database server:" << db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(admin);
    return ok;
}

bool makeRoles()
{
    static const bool made = runOnServer(
        QStringLiteral("DO $$ BEGIN "
                       "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN CREATE ROLE %1 LOGIN; END IF; "
                       "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2') THEN CREATE ROLE %2 LOGIN; END IF; "
                       "END $$")
            .arg(QLatin1String(kOwnerRole), QLatin1String(kCounterRole)));
    return made;
}

// As the office's administrator does with gongji-admin setup-office: the schema, then the counter role.
bool setUpOffice(const QString &ownerAddress)
{
    const QString connection = QStringLiteral("test-office-setup");
    Database::Options options;
    options.upgradeServerSchema = true;
    const Database::OpenResult opened = Database::open(ownerAddress, connection, options);
    const CounterRole::Result counter
        = opened.ok ? CounterRole(connection).setUp(QLatin1String(kCounterRole)) : CounterRole::Result{};
    Database::close(connection);
    if (!opened.ok || !counter.ok)
        qWarning() << "test office set-up:" << opened.error << counter.error;
    return opened.ok && counter.ok;
}

} // namespace

TestDatabase::TestDatabase(const QString &connection, Accounts accounts, Role role)
    : m_connection(connection)
    , m_role(role)
{
    QStandardPaths::setTestModeEnabled(true);
    if (usesServer()) {
        static int counter = 0;
        m_serverDatabase = QStringLiteral("gongji_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
        if (!makeRoles()
            || !runOnServer(
                QStringLiteral(
                    "CREATE DATABASE %1 OWNER %2 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
                    .arg(m_serverDatabase, QLatin1String(kOwnerRole)))
            || !setUpOffice(serverAddress(QLatin1String(kOwnerRole))))
            return;
    }
    const Database::OpenResult opened = m_dir.isValid() ? Database::open(path(), m_connection) : Database::OpenResult{};
    m_open = opened.ok && (accounts == Accounts::None || addAccounts());
    if (!opened.ok)
        qWarning() << "test database did not open:" << opened.error;
}

TestDatabase::~TestDatabase()
{
    Database::close(m_connection);
    if (!m_serverDatabase.isEmpty())
        runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_serverDatabase));
}

bool TestDatabase::addAccounts()
{
    // The cheapest Argon2id parameters: real hashes, but hundreds of tests stay fast.
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
    ClerkAccounts accounts(m_connection);
    const QString pass = QString::fromLatin1(password);
    const ClerkAccounts::Result first
        = accounts.createFirstSupervisor(QString::fromLatin1(supervisor), QStringLiteral("王主管"), pass);
    const ClerkAccounts::Result second = accounts.add(QString::fromLatin1(supervisor), QString::fromLatin1(clerk),
                                                      QStringLiteral("李柜员"), ClerkRole::Clerk, pass);
    if (!first.ok || !second.ok) {
        qWarning() << "test accounts:" << first.error << second.error;
        return false;
    }
    QFile file(passwordFile());
    return file.open(QIODevice::WriteOnly) && file.write(password) > 0;
}

QString TestDatabase::passwordFile() const { return m_dir.filePath(QStringLiteral("password.txt")); }

bool TestDatabase::usesServer() { return !serverAdminUrl().isEmpty(); }

QString TestDatabase::path() const
{
    if (!m_serverDatabase.isEmpty())
        return serverAddress(QLatin1String(m_role == Role::Owner ? kOwnerRole : kCounterRole));
    return m_dir.filePath(QStringLiteral("test.sqlite"));
}

QString TestDatabase::serverAddress(const QString &role) const
{
    QUrl url(serverAdminUrl());
    url.setUserName(role);
    url.setPassword(QString());
    url.setPath(QLatin1Char('/') + m_serverDatabase);
    return url.toString();
}

Person TestDatabase::addPerson(const QString &name, const QString &idNumber, const QString &insuranceType,
                               const QString &poolingRegion, const QString &idType)
{
    Person person;
    person.name = name;
    person.idType = idType;
    person.idNumber = idNumber;
    person.insuranceType = insuranceType;
    person.employment = insuranceType == QLatin1String("310") ? QStringLiteral("working") : QString();
    person.status = QStringLiteral("active");
    person.poolingRegion = poolingRegion;
    person.balanceFen = insuranceType == QLatin1String("310") ? 500000 : 0;
    return addPerson(person);
}

Person TestDatabase::addPerson(Person person)
{
    const IdCheck check = IdNumber::check(person.idType, person.idNumber);
    if (check.isValid()) {
        person.idType = check.type;
        person.idNumber = check.number;
        if (!person.birthDate.isValid())
            person.birthDate = check.birthDate;
        if (person.sex.isNull())
            person.sex = check.sex;
    }
    WriteTransaction transaction(m_connection);
    PersonStore(m_connection).upsert(person);
    transaction.commit();
    return person;
}

FilingDraft TestDatabase::childFiling(const Person &authorizer, const Person &child, const QString &clerk)
{
    FilingDraft draft;
    draft.authorizerIdType = authorizer.idType;
    draft.authorizerIdNumber = authorizer.idNumber;
    draft.commitmentAcknowledged = true;
    draft.commitmentVersion = QStringLiteral("test");
    draft.filedOn = QDate::currentDate();
    draft.clerk = clerk;
    draft.targets.append(TargetEntry{QStringLiteral("child"), child.idType, child.idNumber, child.name, {}, false});
    return draft;
}

KinshipDraft TestDatabase::kinshipDraft(const Person &holder, const Person &member, const QString &relationship,
                                        const QString &clerk)
{
    KinshipDraft draft;
    draft.holderIdType = holder.idType;
    draft.holderIdNumber = holder.idNumber;
    draft.memberIdType = member.idType;
    draft.memberIdNumber = member.idNumber;
    draft.relationship = relationship;
    draft.faceVerified = true;
    draft.filedOn = QDate::currentDate();
    draft.clerk = clerk;
    return draft;
}

QString TestDatabase::residentId(const QString &address, const QDate &birth, int sequence)
{
    const QString first17 = address + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::mod11CheckChar(first17);
}
