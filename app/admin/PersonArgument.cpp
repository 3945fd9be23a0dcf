#include "PersonArgument.h"

#include "model/domain/IdNumber.h"
#include "model/storage/PersonStore.h"

namespace gongji {

QString PersonArgument::usageProblem(const QString &text, const QString &what)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return QStringLiteral("%1 \"%2\" is not TYPE:NUMBER; give the ID type code and the number, "
                              "e.g. 01:110101199003071234 (01 resident ID, 04/05 Hong Kong/Macau "
                              "permit, 06 Taiwan permit, 07 permanent residence card, 08 foreign "
                              "passport, 16 Chinese passport, 17 residence permit).")
            .arg(what, text);
    return {};
}

PersonArgument::Found PersonArgument::find(const QString &connection, const QString &text, const QString &what)
{
    Found found;
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString type = text.left(colon).trimmed();
    const IdCheck id = IdNumber::check(type, text.mid(colon + 1));
    if (!id.isValid()) {
        found.error = QStringLiteral("%1 %2: %3 (%4)")
                          .arg(what, text, id.detail.isEmpty() ? RefusalCodes::message(id.error) : id.detail,
                               RefusalCodes::name(id.error));
        return found;
    }
    found.person = PersonStore(connection).findByDocument(id.type, id.number);
    if (!found.person)
        found.error = QStringLiteral("%1 %2: no person with this ID type and number is in the registry "
                                     "(PERSON_NOT_FOUND). Check the number on the document, or import "
                                     "the registry first (import-registry).")
                          .arg(what, text);
    return found;
}

QString PersonArgument::describe(const Person &person)
{
    return QStringLiteral("%1 (%2 %3)").arg(person.name, person.idType, IdNumber::mask(person.idNumber));
}

} // namespace gongji
