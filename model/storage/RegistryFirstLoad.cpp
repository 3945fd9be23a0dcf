#include "model/storage/RegistryFirstLoad.h"

#include "model/storage/PostgresCopy.h"
#include "model/storage/RegistryStaging.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

RegistryFirstLoad::RegistryFirstLoad(const QString &connection)
    : m_connection(connection)
    , m_stamp(Timestamp::nowText()) // one time for every row, as the merge stamps them
{
    RegistryStaging::liftBounds(m_connection);
    SqlStatement::run(m_connection, QStringLiteral("SAVEPOINT registry_first_load"));
    m_copy = std::make_unique<PostgresCopy>(
        m_connection, QStringLiteral("COPY person (%1, updated_at) FROM STDIN").arg(RegistryStaging::personColumns()));
}

RegistryFirstLoad::~RegistryFirstLoad() = default;

void RegistryFirstLoad::add(const Person &person)
{
    RegistryStaging::sendPerson(*m_copy, person);
    m_copy->field(m_stamp);
    m_copy->endRow();
}

bool RegistryFirstLoad::finish()
{
    try {
        m_copy->finish();
        m_copy.reset();
        SqlStatement::run(m_connection, QStringLiteral("RELEASE SAVEPOINT registry_first_load"));
        return true;
    } catch (const StorageError &error) {
        m_copy.reset();
        if (error.kind() != StorageError::Kind::Constraint)
            throw;
        SqlStatement::run(m_connection, QStringLiteral("ROLLBACK TO SAVEPOINT registry_first_load"));
        return false;
    }
}

} // namespace gongji
