#include "ResilienceFixture.h"

#include <QFile>
#include <QTextStream>

#include "PopulationGenerator.h"
#include "model/accounts/ClerkAccounts.h"
#include "model/accounts/PasswordHash.h"
#include "model/storage/Database.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

QString ResilienceFixture::create(const QString &databasePath, int households, quint64 seed)
{
    const QString connection = QStringLiteral("resilience-fixture");
    const auto opened = Database::open(databasePath, connection);
    if (!opened.ok)
        return opened.error;
    PopulationGenerator generator(seed, 0);
    const auto &regions = PopulationGenerator::regions();
    // Filings need a clerk's account (RoleCheck): the supervisor and the clerk `worker`.
    PasswordHash::setCost(PasswordHash::Cost::TestOnlyMinimum);
    ClerkAccounts accounts(connection);
    const ClerkAccounts::Result supervisor
        = accounts.createFirstSupervisor(supervisorLogin(), QStringLiteral("主管"), password());
    const ClerkAccounts::Result clerk = supervisor.ok
        ? accounts.add(supervisorLogin(), clerkLogin(), QStringLiteral("柜员"), ClerkRole::Clerk, password())
        : supervisor;
    if (!clerk.ok) {
        Database::close(connection);
        return clerk.error;
    }
    try {
        WriteTransaction transaction(connection);
        PersonStore persons(connection);
        for (int h = 0; h < households; ++h) {
            // Regions in turn; sizes 2..6 in each region.
            auto household
                = generator.nextHouseholdIn(regions.at(h % regions.size()).pooling, 2 + (h / regions.size()) % 5);
            Family family;
            family.poolingRegion = household.members.first().person.poolingRegion;
            for (auto &member : household.members) {
                persons.upsert(member.person);
                family.members.append({member.person.idNumber, member.person.name, member.relationship});
            }
            m_families.append(family);
        }
        transaction.commit();
    } catch (const StorageError &error) {
        Database::close(connection);
        return error.message();
    }
    Database::close(connection);
    return QString();
}

bool ResilienceFixture::writeFilingsCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&file);
    out << "authorizer_id_type,authorizer_id_number,authorizer_name,target_id_type,target_id_number,target_name,"
           "relationship,filed_on,commitment\n";
    for (const Family &family : m_families) {
        const Member &head = family.members.first();
        for (int i = 1; i < family.members.size(); ++i) {
            const Member &target = family.members.at(i);
            out << "01," << head.idNumber << ',' << head.name << ",01," << target.idNumber << ',' << target.name << ','
                << target.relationship << ',' << filedOn() << ",yes\n";
        }
    }
    out.flush();
    return file.error() == QFile::NoError;
}

QHash<QString, int> ResilienceFixture::targetsPerAuthorizer() const
{
    QHash<QString, int> targets;
    for (const Family &family : m_families)
        targets.insert(family.members.first().idNumber, int(family.members.size()) - 1);
    return targets;
}

} // namespace gongji
