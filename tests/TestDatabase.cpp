#include "TestDatabase.h"

#include <QStandardPaths>

#include "domain/IdNumber.h"
#include "storage/Database.h"
#include "storage/PersonStore.h"
#include "storage/WriteTransaction.h"

using namespace gongji;

TestDatabase::TestDatabase(const QString &connection) : m_connection(connection)
{
    QStandardPaths::setTestModeEnabled(true);
    m_open = m_dir.isValid() && Database::open(path(), m_connection).ok;
}

TestDatabase::~TestDatabase()
{
    Database::close(m_connection);
}

QString TestDatabase::path() const
{
    return m_dir.filePath(QStringLiteral("test.sqlite"));
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

QString TestDatabase::residentId(const QString &address, const QDate &birth, int sequence)
{
    const QString first17 = address + birth.toString(QStringLiteral("yyyyMMdd"))
                            + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::mod11CheckChar(first17);
}
