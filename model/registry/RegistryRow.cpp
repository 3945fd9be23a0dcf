#include "model/registry/RegistryRow.h"

#include <QCoreApplication>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"
#include "model/domain/Money.h"
#include "model/storage/Timestamp.h"

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

} // namespace

// Fields are trimmed first: export tools pad columns, and no value here has meaningful spaces.
QStringList RegistryRow::read(QStringList fields, const QDate &today, Person &person)
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

} // namespace gongji
