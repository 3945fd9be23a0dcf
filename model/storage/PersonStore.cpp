#include "model/storage/PersonStore.h"

#include <QHash>
#include <QMutex>

#include "model/storage/SqlRow.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const QStringList kColumnNames
    = {"id",         "name",   "id_type",        "id_number",   "sex",           "birth_date", "insurance_type",
       "employment", "status", "pooling_region", "balance_fen", "public_medical"};
const QString kColumns = kColumnNames.join(QStringLiteral(", "));

Person personFrom(const SqlStatement &row) { return PersonStore::fromRow(row, 0); }

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// 'M' and 'F' without building a string for every row; NULL when not known.
QVariant sexText(QChar sex)
{
    static const QString male = QStringLiteral("M"), female = QStringLiteral("F");
    if (sex.isNull())
        return textOrNull(QString());
    return sex == u'M' ? male : sex == u'F' ? female : QString(sex);
}

// A new row with the values bindValues() gives and its document (:type, :number).
const char kInsert[]
    = "INSERT INTO person (name, id_type, id_number, sex, birth_date, insurance_type, employment, "
      "status, pooling_region, balance_fen, public_medical, updated_at) VALUES (:name, :type, :number, "
      ":sex, :birth, :insurance, :employment, :status, :region, :balance, :public, :now)";

// The values of every column an INSERT or UPDATE writes, but the document and the id.
void bindValues(SqlStatement &q, const Person &person)
{
    q.bind(QStringLiteral(":name"), person.name)
        .bind(QStringLiteral(":sex"), sexText(person.sex))
        .bind(QStringLiteral(":birth"), textOrNull(Timestamp::dateToText(person.birthDate)))
        .bind(QStringLiteral(":insurance"), person.insuranceType)
        .bind(QStringLiteral(":employment"), textOrNull(person.employment))
        .bind(QStringLiteral(":status"), person.status)
        .bind(QStringLiteral(":region"), person.poolingRegion)
        .bind(QStringLiteral(":balance"), person.balanceFen)
        .bind(QStringLiteral(":public"), person.publicMedical ? 1 : 0)
        .bind(QStringLiteral(":now"), Timestamp::nowText());
}

bool samePerson(const Person &a, const Person &b)
{
    return a.name == b.name && a.sex == b.sex && a.birthDate == b.birthDate && a.insuranceType == b.insuranceType
        && a.employment == b.employment && a.status == b.status && a.poolingRegion == b.poolingRegion
        && a.balanceFen == b.balanceFen && a.publicMedical == b.publicMedical;
}

} // namespace

PersonStore::PersonStore(const QString &connection) : m_connection(connection) {}

QString PersonStore::columns(const QString &alias)
{
    // Built once per alias: other stores ask for it on every query they make.
    static QMutex mutex;
    static QHash<QString, QString> built;
    QMutexLocker lock(&mutex);
    const auto found = built.constFind(alias);
    if (found != built.cend())
        return *found;
    QStringList qualified;
    for (const QString &column : kColumnNames)
        qualified.append(alias + QLatin1Char('.') + column);
    return *built.insert(alias, qualified.join(QStringLiteral(", ")));
}

Person PersonStore::fromRow(const SqlRow &row, int first)
{
    Person p;
    p.id = row.value(first).toLongLong();
    p.name = row.value(first + 1).toString();
    p.idType = row.value(first + 2).toString();
    p.idNumber = row.value(first + 3).toString();
    const QString sex = row.value(first + 4).toString();
    p.sex = sex.isEmpty() ? QChar() : sex.at(0);
    p.birthDate = Timestamp::dateFromText(row.value(first + 5).toString());
    p.insuranceType = row.value(first + 6).toString();
    p.employment = row.value(first + 7).toString();
    p.status = row.value(first + 8).toString();
    p.poolingRegion = row.value(first + 9).toString();
    p.balanceFen = row.value(first + 10).toLongLong();
    p.publicMedical = row.value(first + 11).toInt() != 0;
    return p;
}

namespace {

const QString &byDocumentSql()
{
    static const QString sql
        = QStringLiteral("SELECT %1 FROM person WHERE id_type = :type AND id_number = :number").arg(kColumns);
    return sql;
}

} // namespace

std::optional<Person> PersonStore::findByDocument(const QString &idType, const QString &idNumber) const
{
    // A kept statement, not a batch of one: the registry import on SQLite asks this once a row.
    SqlStatement q(m_connection, byDocumentSql());
    q.bind(QStringLiteral(":type"), idType).bind(QStringLiteral(":number"), idNumber).exec();
    if (!q.next())
        return std::nullopt;
    return personFrom(q);
}

int PersonStore::queueFindByDocument(StatementBatch &batch, const QString &idType, const QString &idNumber)
{
    const int index = batch.add(byDocumentSql());
    batch.bind(QStringLiteral(":type"), idType).bind(QStringLiteral(":number"), idNumber);
    return index;
}

std::optional<Person> PersonStore::readPerson(const StatementBatch &batch, int index)
{
    StatementBatch::Rows row = batch.rows(index);
    return row.next() ? std::optional<Person>(fromRow(row, 0)) : std::nullopt;
}

std::optional<Person> PersonStore::findById(qint64 id) const
{
    static const QString sql = QStringLiteral("SELECT %1 FROM person WHERE id = :id").arg(kColumns);
    SqlStatement q(m_connection, sql);
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return personFrom(q);
}

QList<Person> PersonStore::findByNamePrefix(const QString &prefix, int limit, const Person *after) const
{
    // A range on the indexed column instead of LIKE, which SQLite cannot serve from the index
    // for non-ASCII text. U+FFFF sorts after every character a name can hold.
    const QString keyset
        = after ? QStringLiteral("AND (name > :afterName OR (name = :afterName AND id > :afterId)) ") : QString();
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT %1 FROM person WHERE name >= :low AND name < :high %2"
                                  "ORDER BY name, id LIMIT :limit")
                       .arg(kColumns, keyset));
    q.bind(QStringLiteral(":low"), prefix)
        .bind(QStringLiteral(":high"), QString(prefix + QChar(0xFFFF)))
        .bind(QStringLiteral(":limit"), limit);
    if (after)
        q.bind(QStringLiteral(":afterName"), after->name).bind(QStringLiteral(":afterId"), after->id);
    q.exec();
    QList<Person> persons;
    while (q.next())
        persons.append(personFrom(q));
    return persons;
}

PersonStore::UpsertResult PersonStore::upsert(Person &person, std::optional<Person> *previous)
{
    std::optional<Person> existing = findByDocument(person.idType, person.idNumber);
    if (existing && samePerson(*existing, person)) {
        person.id = existing->id;
        if (previous)
            *previous = std::move(existing);
        return UpsertResult::Unchanged;
    }
    static const QString update = QStringLiteral(
        "UPDATE person SET name = :name, sex = :sex, birth_date = :birth, insurance_type = :insurance, "
        "employment = :employment, status = :status, pooling_region = :region, balance_fen = :balance, "
        "public_medical = :public, updated_at = :now WHERE id = :id");
    static const QString insert = QString::fromLatin1(kInsert) + QStringLiteral(" RETURNING id");
    SqlStatement q(m_connection, existing ? update : insert);
    bindValues(q, person);
    if (existing)
        q.bind(QStringLiteral(":id"), existing->id);
    else
        q.bind(QStringLiteral(":type"), person.idType).bind(QStringLiteral(":number"), person.idNumber);
    q.exec();
    person.id = existing ? existing->id : q.insertedId();
    const UpsertResult result = existing ? UpsertResult::Updated : UpsertResult::Added;
    if (previous)
        *previous = std::move(existing);
    return result;
}

bool PersonStore::insertIfAbsent(Person &person)
{
    // ON CONFLICT … DO NOTHING: SQLite 3.24+ and PostgreSQL alike; RETURNING gives no row then.
    static const QString insert
        = QString::fromLatin1(kInsert) + QStringLiteral(" ON CONFLICT (id_type, id_number) DO NOTHING RETURNING id");
    SqlStatement q(m_connection, insert);
    bindValues(q, person);
    q.bind(QStringLiteral(":type"), person.idType).bind(QStringLiteral(":number"), person.idNumber).exec();
    const qint64 id = q.insertedId();
    if (id == 0)
        return false;
    person.id = id;
    return true;
}

bool PersonStore::isEmpty() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT 1 FROM person LIMIT 1"));
    q.exec();
    return !q.next();
}

qint64 PersonStore::count() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM person"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace gongji
