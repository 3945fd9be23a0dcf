#include "model/storage/RegistryStaging.h"

#include "model/storage/PersonStore.h"
#include "model/storage/PostgresCopy.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

// The person table's columns as PersonStore writes them, for staging and merging alike.
const QString kValues = QStringLiteral("name, id_type, id_number, sex, birth_date, insurance_type, employment, status, "
                                       "pooling_region, balance_fen, public_medical");

} // namespace

void RegistryStaging::liftBounds(const QString &connection)
{
    // A city's registry takes minutes to load and merge: the 60 s bound every statement of a
    // counter has (Database::open) would cancel it halfway. Lifted for this transaction only.
    SqlStatement::run(connection, QStringLiteral("SET LOCAL statement_timeout = 0"));
    // The staging table's sorts and hashes (a file's repeats, the merge in line order) in memory
    // rather than spilled to disk; imports run one at a time (the writer lock).
    SqlStatement::run(connection, QStringLiteral("SET LOCAL work_mem = '64MB'"));
}

QString RegistryStaging::personColumns() { return kValues; }

void RegistryStaging::sendPerson(PostgresCopy &copy, const Person &person)
{
    // The stored forms of PersonStore: empty texts as NULL, sex as M/F, dates as YYYY-MM-DD.
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QString() : text; };
    copy.field(person.name);
    copy.field(person.idType);
    copy.field(person.idNumber);
    copy.field(person.sex.isNull() ? QString() : QString(person.sex));
    copy.field(orNull(Timestamp::dateToText(person.birthDate)));
    copy.field(person.insuranceType);
    copy.field(orNull(person.employment));
    copy.field(person.status);
    copy.field(person.poolingRegion);
    copy.field(person.balanceFen);
    copy.field(qint64(person.publicMedical ? 1 : 0));
}

RegistryStaging::RegistryStaging(const QString &connection) : m_connection(connection)
{
    liftBounds(m_connection);
    // The table is the schema's (step 13); the transaction sees only the rows it sends.
    m_copy = std::make_unique<PostgresCopy>(m_connection,
                                            QStringLiteral("COPY registry_staging (line, %1) FROM STDIN").arg(kValues));
}

RegistryStaging::~RegistryStaging() = default;

void RegistryStaging::add(const Person &person, int line)
{
    m_copy->field(qint64(line));
    sendPerson(*m_copy, person);
    m_copy->endRow();
}

qint64 RegistryStaging::finishLoading()
{
    const qint64 rows = m_copy->finish();
    m_copy.reset();
    return rows;
}

QList<RegistryStaging::Repeat> RegistryStaging::repeats(int limit, int *total) const
{
    SqlStatement count(m_connection,
                       QStringLiteral("SELECT COALESCE(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM registry_staging "
                                      "GROUP BY id_type, id_number HAVING count(*) > 1) d"));
    count.exec();
    *total = count.next() ? count.value(0).toInt() : 0;
    QList<Repeat> found;
    if (*total == 0)
        return found;
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY id_type, "
                                  "id_number) AS first FROM registry_staging) d WHERE line <> first "
                                  "ORDER BY line LIMIT :limit"));
    q.bind(QStringLiteral(":limit"), limit).exec();
    while (q.next())
        found.append({q.value(0).toInt(), q.value(1).toInt()});
    return found;
}

RegistryStaging::Merged RegistryStaging::merge()
{
    // The planner has no statistics of the staging table (the counter role may not ANALYZE it)
    // and takes it for one row: it would probe the registry's index once per row. Whole-table
    // joins are what the merge does; the paging read after it (changedStatusOrRegion) probes again.
    SqlStatement::run(m_connection, QStringLiteral("SET LOCAL enable_nestloop = off"));
    // Who loses bindings (docs/domain.md §7) is judged against the rows as they were: noted first.
    SqlStatement::run(
        m_connection,
        QStringLiteral(
            "UPDATE registry_staging s SET person_id = p.id, old_status = p.status, old_region = p.pooling_region "
            "FROM person p WHERE p.id_type = s.id_type AND p.id_number = s.id_number AND "
            "((s.status IN ('terminated', 'deceased') AND s.status <> p.status) OR s.pooling_region <> "
            "p.pooling_region)"));
    // One statement: both parts see the registry as it was, so a row is either updated or added.
    static const QString sql
        = QStringLiteral(
              "WITH changed AS (UPDATE person p SET name = s.name, sex = s.sex, birth_date = s.birth_date, "
              "insurance_type = s.insurance_type, employment = s.employment, status = s.status, "
              "pooling_region = s.pooling_region, balance_fen = s.balance_fen, public_medical = s.public_medical, "
              "updated_at = :now FROM registry_staging s WHERE p.id_type = s.id_type AND p.id_number = s.id_number "
              "AND (p.name, p.sex, p.birth_date, p.insurance_type, p.employment, p.status, p.pooling_region, "
              "p.balance_fen, "
              "p.public_medical) IS DISTINCT FROM (s.name, s.sex, s.birth_date, s.insurance_type, s.employment, "
              "s.status, "
              "s.pooling_region, s.balance_fen, s.public_medical) RETURNING 1), "
              "added AS (INSERT INTO person (%1, updated_at) SELECT %1, :now FROM registry_staging s WHERE NOT EXISTS "
              "(SELECT 1 FROM person p WHERE p.id_type = s.id_type AND p.id_number = s.id_number) ORDER BY s.line "
              "RETURNING 1) "
              "SELECT (SELECT count(*) FROM added), (SELECT count(*) FROM changed)")
              .arg(kValues);
    SqlStatement q(m_connection, sql);
    q.bind(QStringLiteral(":now"), Timestamp::nowText()).exec();
    Merged merged;
    if (q.next()) {
        merged.added = q.value(0).toInt();
        merged.updated = q.value(1).toInt();
    }
    SqlStatement::run(m_connection, QStringLiteral("SET LOCAL enable_nestloop = on"));
    return merged;
}

void RegistryStaging::clear() { SqlStatement::run(m_connection, QStringLiteral("DELETE FROM registry_staging")); }

QList<std::pair<Person, Person>> RegistryStaging::changedStatusOrRegion(int afterLine, int limit, int *lastLine) const
{
    static const QString sql = QStringLiteral("SELECT s.line, s.old_status, s.old_region, %1 FROM registry_staging s "
                                              "JOIN person p ON p.id = s.person_id WHERE s.line > :after "
                                              "ORDER BY s.line LIMIT :limit")
                                   .arg(PersonStore::columns(QStringLiteral("p")));
    SqlStatement q(m_connection, sql);
    q.bind(QStringLiteral(":after"), afterLine).bind(QStringLiteral(":limit"), limit).exec();
    QList<std::pair<Person, Person>> changed;
    while (q.next()) {
        *lastLine = q.value(0).toInt();
        const Person now = PersonStore::fromRow(q, 3);
        Person before = now;
        before.status = q.value(1).toString();
        before.poolingRegion = q.value(2).toString();
        changed.append({before, now});
    }
    return changed;
}

} // namespace gongji
