#pragma once
#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include "model/domain/Person.h"
#include "model/filing/FilingDraft.h"
#include "model/kinship/KinshipDraft.h"

// A real SQLite file in a temporary directory (or a fresh PostgreSQL database, see path()),
// opened through gongji::Database with the shipped default rule sets seeded, and two accounts:
// `tester` (clerk) and `supervisor`, both with the password `password` (unless Accounts::None;
// their two account_add audit entries are there from the start: count audit rows relative). One per test function
// (init/cleanup) keeps tests independent.
class TestDatabase
{
public:
    enum class Accounts { TesterAndSupervisor, None };
    // On a server: whom the test works as. The database is set up by the owner role as
    // gongji-admin setup-office does; a test works as the counter role unless it does what only
    // the administrator may (copy-to into the server).
    enum class Role { Counter, Owner };

    explicit TestDatabase(const QString &connection = QStringLiteral("test"),
                          Accounts accounts = Accounts::TesterAndSupervisor, Role role = Role::Counter);
    ~TestDatabase();

    static constexpr const char *clerk = "tester";
    static constexpr const char *supervisor = "supervisor";
    static constexpr const char *password = "test-password-1";

    bool isOpen() const { return m_open; }
    // A file holding `password`, for gongji-admin --password-file.
    QString passwordFile() const;
    QString connection() const { return m_connection; }
    // The file, or with GONGJI_TEST_POSTGRES set, the postgresql:// address of a database made
    // for this test on that server (dropped again at the end), as the counter role (or the owner).
    QString path() const;
    // On a server: the address of this test's database as ROLE (gongji_owner, gongji_counter).
    QString serverAddress(const QString &role) const;
    static bool usesServer();
    QString dir() const { return m_dir.path(); }

    // Adds a person to the registry; returns it with its id set. Defaults: active employee,
    // working, pooling region 330100, balance 5000.00 yuan. Birth date/sex derived from 01/17 numbers.
    gongji::Person addPerson(const QString &name, const QString &idNumber,
                             const QString &insuranceType = QStringLiteral("310"),
                             const QString &poolingRegion = QStringLiteral("330100"),
                             const QString &idType = QStringLiteral("01"));
    gongji::Person addPerson(gongji::Person person);

    // A counter filing by `clerk` of `authorizer` for their child `child`, commitment
    // acknowledged, filed today: what most tests submit.
    static gongji::FilingDraft childFiling(const gongji::Person &authorizer, const gongji::Person &child,
                                           const QString &clerk);
    // A counter kinship-account binding by `clerk`: `holder` adds `member` (their `relationship`),
    // face verified, filed today.
    static gongji::KinshipDraft kinshipDraft(const gongji::Person &holder, const gongji::Person &member,
                                             const QString &relationship, const QString &clerk);

    // A valid 18-digit resident ID number with this address code, birth date and sequence.
    static QString residentId(const QString &address, const QDate &birth, int sequence = 123);

private:
    bool addAccounts();

    QTemporaryDir m_dir;
    QString m_connection;
    QString m_serverDatabase;
    Role m_role = Role::Counter;
    bool m_open = false;
};
