#include "model/registry/RegistryImport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include "model/accounts/RoleCheck.h"
#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"
#include "model/registry/AutomaticBindingEnds.h"
#include "model/csv/CsvFile.h"
#include "model/storage/AuditLog.h"
#include "model/storage/PersonStore.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

enum Column {
    Name,
    IdTypeCol,
    IdNumberCol,
    Sex,
    BirthDate,
    Insurance,
    Employment,
    Status,
    Region,
    Balance,
    PublicMedical,
    ColumnCount
};

// Exactly `count` ASCII digits.
bool isDigits(QStringView text, int count)
{
    if (text.size() != count)
        return false;
    for (const QChar c : text)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return true;
}

// YYYY-MM-DD in ASCII digits (whether it is a real date is QDate's question).
bool isPlainDate(const QString &text)
{
    return text.size() == 10 && text.at(4) == QLatin1Char('-') && text.at(7) == QLatin1Char('-')
        && isDigits(QStringView(text).left(4), 4) && isDigits(QStringView(text).mid(5, 2), 2)
        && isDigits(QStringView(text).mid(8, 2), 2);
}

// Checks one data row and fills `person`; returns the problems, one message each. `today` is
// asked once per file (the clock costs more than a row's checks).
// Fields are trimmed first: export tools pad columns, and no value here has meaningful spaces.
QStringList validateRow(QStringList fields, const QDate &today, Person &person)
{
    QStringList problems;
    if (fields.size() != ColumnCount) {
        problems << QCoreApplication::translate("RegistryImport",
                                                "expected %1 columns, found %2; check for a missing or "
                                                "extra comma (a value containing a comma must be in "
                                                "quotes).")
                        .arg(ColumnCount)
                        .arg(fields.size());
        return problems;
    }
    for (QString &field : fields)
        field = field.trimmed();

    person.name = fields.at(Name);
    if (person.name.isEmpty())
        problems << QCoreApplication::translate("RegistryImport", "the name is empty; fill in the person's name.");
    else if (person.name.contains(QLatin1Char('\n')))
        problems << QCoreApplication::translate("RegistryImport",
                                                "the name contains a line break; write it on one line.");

    const QString type = fields.at(IdTypeCol);
    IdCheck id;
    if (!IdType::isKnown(type)) {
        problems << QCoreApplication::translate("RegistryImport", "unknown id_type \"%1\"; use one of %2.")
                        .arg(type, IdType::allCodes().join(QStringLiteral(", ")));
    } else {
        id = IdNumber::check(type, fields.at(IdNumberCol), today);
        if (!id.isValid())
            problems << QCoreApplication::translate("RegistryImport",
                                                    "the ID number is not "
                                                    "valid: %1")
                            .arg(id.detail);
        person.idType = id.type;
        person.idNumber = id.number;
    }
    const bool idOk = IdType::isKnown(type) && id.isValid();

    const QString sex = fields.at(Sex);
    if (!sex.isEmpty() && sex != QLatin1String("M") && sex != QLatin1String("F")) {
        problems << QCoreApplication::translate("RegistryImport", "sex must be M or F, found \"%1\".").arg(sex);
    } else if (sex.isEmpty()) {
        if (idOk && id.sex.isNull())
            problems << QCoreApplication::translate("RegistryImport",
                                                    "sex is empty, and this ID type does not carry it; fill in "
                                                    "M or F.");
        person.sex = id.sex;
    } else {
        person.sex = sex.at(0);
        if (idOk && !id.sex.isNull() && id.sex != person.sex)
            problems << QCoreApplication::translate("RegistryImport",
                                                    "sex %1 does not match the ID number, which gives "
                                                    "%2; correct the sex or leave it empty.")
                            .arg(sex, QString(id.sex));
    }

    const QString birthText = fields.at(BirthDate);
    if (birthText.isEmpty()) {
        if (idOk && !id.birthDate.isValid())
            problems << QCoreApplication::translate("RegistryImport",
                                                    "birth_date is empty, and this ID type does not carry it; "
                                                    "fill in the date as YYYY-MM-DD.");
        person.birthDate = id.birthDate;
    } else {
        // The stored date form, read by hand (Qt's format parser costs microseconds a row).
        const QDate birth = isPlainDate(birthText) ? Timestamp::dateFromText(birthText) : QDate();
        if (!birth.isValid() || birth > today)
            problems << QCoreApplication::translate("RegistryImport",
                                                    "birth_date \"%1\" is not a real past date in the "
                                                    "form YYYY-MM-DD.")
                            .arg(birthText);
        else if (idOk && id.birthDate.isValid() && id.birthDate != birth)
            problems << QCoreApplication::translate("RegistryImport",
                                                    "birth_date %1 does not match the ID number, which "
                                                    "gives %2; correct the date or leave it empty.")
                            .arg(birthText, id.birthDate.toString(Qt::ISODate));
        person.birthDate = birth;
    }

    person.insuranceType = fields.at(Insurance);
    const bool employee = person.insuranceType == QLatin1String("310");
    const bool resident = person.insuranceType == QLatin1String("390");
    // With an unknown insurance type, employment and balance cannot be judged: one message.
    if (!employee && !resident)
        problems << QCoreApplication::translate("RegistryImport",
                                                "insurance_type must be 310 (employee) or 390 "
                                                "(resident), found \"%1\".")
                        .arg(person.insuranceType);

    person.employment = fields.at(Employment);
    if (employee && person.employment != QLatin1String("working") && person.employment != QLatin1String("retired"))
        problems << QCoreApplication::translate("RegistryImport",
                                                "employment must be working or retired for an employee "
                                                "(310), found \"%1\".")
                        .arg(person.employment);
    if (resident && !person.employment.isEmpty())
        problems << QCoreApplication::translate("RegistryImport",
                                                "employment must be empty for a resident (390), found "
                                                "\"%1\".")
                        .arg(person.employment);

    person.status = fields.at(Status);
    static const QStringList statuses{QStringLiteral("active"), QStringLiteral("suspended"),
                                      QStringLiteral("terminated"), QStringLiteral("deceased")};
    if (!statuses.contains(person.status))
        problems << QCoreApplication::translate("RegistryImport", "status must be one of %1, found \"%2\".")
                        .arg(statuses.join(QStringLiteral(", ")), person.status);

    person.poolingRegion = fields.at(Region);
    if (!isDigits(person.poolingRegion, 6))
        problems << QCoreApplication::translate("RegistryImport",
                                                "pooling_region must be a 6-digit region code such as "
                                                "330100, found \"%1\".")
                        .arg(person.poolingRegion);

    const QString balanceText = fields.at(Balance);
    const std::optional<qint64> balance
        = balanceText.isEmpty() ? std::optional<qint64>() : Money::parseYuan(balanceText);
    if (employee && balanceText.isEmpty())
        problems << QCoreApplication::translate("RegistryImport",
                                                "balance is empty; an employee's balance is required, in yuan "
                                                "such as 1234.56.");
    else if (!balanceText.isEmpty() && !balance)
        problems << QCoreApplication::translate("RegistryImport",
                                                "balance \"%1\" is not an amount in yuan such as "
                                                "1234.56 (no sign or thousands separator, at most 2 "
                                                "decimals).")
                        .arg(balanceText);
    else if (resident && !balanceText.isEmpty() && balance.value_or(-1) != 0)
        problems << QCoreApplication::translate("RegistryImport",
                                                "a resident (390) has no personal account; leave "
                                                "balance empty or 0, found \"%1\".")
                        .arg(balanceText);
    person.balanceFen = employee ? balance.value_or(0) : 0;

    const QString publicMedical = fields.at(PublicMedical);
    if (publicMedical != QLatin1String("0") && publicMedical != QLatin1String("1"))
        problems << QCoreApplication::translate("RegistryImport", "public_medical must be 0 or 1, found \"%1\".")
                        .arg(publicMedical);
    person.publicMedical = publicMedical == QLatin1String("1");
    return problems;
}

} // namespace

RegistryImport::RegistryImport(const QString &connection) : m_connection(connection) {}

QString RegistryImport::expectedHeader()
{
    return QStringLiteral("name,id_type,id_number,sex,birth_date,insurance_type,employment,"
                          "status,pooling_region,balance,public_medical");
}

RegistryImport::Result RegistryImport::parse(const QString &path, QList<Person> &persons) const
{
    Result result;
    persons.clear();
    CsvFile file;
    const QString wrongHeader = QCoreApplication::translate("RegistryImport",
                                                            "The first row is not the registry header.\n"
                                                            "Expected: %1\nFound:    %2\nExport the registry "
                                                            "with exactly these columns in this order.");
    if (!file.open(path, expectedHeader(), wrongHeader)) {
        result.fileError = file.error();
        return result;
    }
    CsvReader &reader = file.reader();

    // Room for every row at once (a registry line is some 70 bytes): growing a list or a hash of
    // a million entries step by step costs more than reading the file.
    const qsizetype expectedRows = qBound(qint64(16), file.size() / 64, qint64(4'000'000));
    QList<Person> rows;
    rows.reserve(expectedRows);
    QHash<std::pair<QString, QString>, int> firstLine; // (type, number) → line, to find the same person twice
    firstLine.reserve(expectedRows);
    QStringList fields;
    const QDate today = QDate::currentDate();
    while (reader.readRecord(fields)) {
        Person person;
        const QStringList problems = validateRow(fields, today, person);
        for (const QString &problem : problems)
            result.rowErrors.append({reader.recordLine(), problem});
        if (!problems.isEmpty())
            continue;
        const qsizetype known = firstLine.size();
        int &first = firstLine[std::pair(person.idType, person.idNumber)]; // one look-up: adds when new
        if (firstLine.size() == known) {
            result.rowErrors.append({reader.recordLine(),
                                     QCoreApplication::translate("RegistryImport",
                                                                 "the same person (ID type and "
                                                                 "number) as on line %1; keep one row per person.")
                                         .arg(first)});
            continue;
        }
        first = reader.recordLine();
        rows.append(std::move(person));
    }
    result.encoding = CsvEncodings::name(reader.encoding());
    if (reader.hasError())
        result.fileError = reader.error();
    if (!result.fileError.isEmpty() || !result.rowErrors.isEmpty())
        return result;
    persons = rows;
    result.ok = true;
    return result;
}

RegistryImport::Result RegistryImport::importFile(const QString &path, const QString &actor, const Progress &progress)
{
    QList<Person> persons;
    const Result parsed = parse(path, persons);
    if (!parsed.ok)
        return parsed;
    Result stored = store(persons, actor, QFileInfo(path).fileName(), progress);
    stored.encoding = parsed.encoding;
    return stored;
}

RegistryImport::Result RegistryImport::store(const QList<Person> &persons, const QString &actor, const QString &source,
                                             const Progress &progress)
{
    Result result;
    const int total = int(persons.size());
    try {
        WriteTransaction transaction(m_connection);
        result.fileError = RoleCheck(m_connection).refusal(actor, ClerkRole::Supervisor);
        if (!result.fileError.isEmpty())
            return result; // a registry import is a supervisor's; nothing was stored
        PersonStore store(m_connection);
        AutomaticBindingEnds ends(m_connection);
        // Into an empty registry (an office's first import) every row is new: one INSERT a row
        // instead of a look-up and an INSERT.
        const bool firstImport = store.isEmpty();
        int done = 0;
        for (Person person : persons) {
            // Leaving without commit() rolls the transaction back: a cancelled import stores nothing.
            if (progress && !progress(done++, total)) {
                result = Result();
                result.cancelled = true;
                return result;
            }
            std::optional<Person> before;
            const PersonStore::UpsertResult outcome = firstImport && store.insertIfAbsent(person)
                ? PersonStore::UpsertResult::Added
                : store.upsert(person, &before);
            switch (outcome) {
            case PersonStore::UpsertResult::Added:
                ++result.added;
                break;
            case PersonStore::UpsertResult::Unchanged:
                ++result.unchanged;
                break;
            case PersonStore::UpsertResult::Updated:
                ++result.updated;
                // A person now terminated, deceased or moved out of scope loses their bindings
                // in this same transaction: the import and the ends stand or fall together.
                if (before)
                    result.bindingsEnded += ends.apply(*before, person, actor).total();
                break;
            }
        }
        AuditLog(m_connection)
            .append(actor, AuditAction::RegistryImport, source,
                    QJsonObject{{QStringLiteral("rows"), persons.size()},
                                {QStringLiteral("added"), result.added},
                                {QStringLiteral("updated"), result.updated},
                                {QStringLiteral("unchanged"), result.unchanged},
                                {QStringLiteral("bindings_ended"), result.bindingsEnded}});
        if (progress && !progress(total, total)) {
            result = Result();
            result.cancelled = true;
            return result;
        }
        transaction.commit();
        result.ok = true;
    } catch (const StorageError &error) {
        // The transaction has rolled back on leaving the try block: nothing of the file is kept.
        result = Result();
        result.fileError = error.userMessage();
    }
    return result;
}

} // namespace gongji
