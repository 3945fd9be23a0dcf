#include "model/domain/IdType.h"

#include <QCoreApplication>
#include <QHash>

namespace gongji {

const QString IdType::ResidentId = QStringLiteral("01");
const QString IdType::HongKongPermit = QStringLiteral("04");
const QString IdType::MacauPermit = QStringLiteral("05");
const QString IdType::TaiwanPermit = QStringLiteral("06");
const QString IdType::ForeignPermanent = QStringLiteral("07");
const QString IdType::ForeignPassport = QStringLiteral("08");
const QString IdType::ChinesePassport = QStringLiteral("16");
const QString IdType::ResidencePermitHmt = QStringLiteral("17");

QList<QString> IdType::allCodes()
{
    // Display order: the documents most often seen at a mainland counter first.
    return {ResidentId,   ResidencePermitHmt, HongKongPermit,  MacauPermit,
            TaiwanPermit, ForeignPermanent,   ForeignPassport, ChinesePassport};
}

bool IdType::isKnown(const QString &code)
{
    static const QList<QString> codes = allCodes(); // built once: an import asks a million times
    return codes.contains(code);
}

QString IdType::label(const QString &code)
{
    if (code == ResidentId)
        return QCoreApplication::translate("IdType", "Resident identity card (household register)");
    if (code == HongKongPermit)
        return QCoreApplication::translate("IdType", "Mainland travel permit for Hong Kong residents");
    if (code == MacauPermit)
        return QCoreApplication::translate("IdType", "Mainland travel permit for Macau residents");
    if (code == TaiwanPermit)
        return QCoreApplication::translate("IdType", "Mainland travel permit for Taiwan residents");
    if (code == ForeignPermanent)
        return QCoreApplication::translate("IdType", "Foreigner's permanent residence ID card");
    if (code == ForeignPassport)
        return QCoreApplication::translate("IdType", "Foreign passport");
    if (code == ChinesePassport)
        return QCoreApplication::translate("IdType", "Chinese passport");
    if (code == ResidencePermitHmt)
        return QCoreApplication::translate("IdType", "Residence permit for Hong Kong, Macau and Taiwan residents");
    // An unknown code is shown as such, so a bad import row stays recognisable.
    return QCoreApplication::translate("IdType", "Unknown document type %1").arg(code);
}

QStringList IdType::shorthands(const QString &code)
{
    // 身份证, 户口簿; 回乡证 for both permits of Hong Kong and Macau (the clerk then picks); 台胞证;
    // 永居证; 外国护照; 护照; 居住证.
    static const QHash<QString, QStringList> initials = {
        {ResidentId, {QStringLiteral("sfz"), QStringLiteral("hkb")}},
        {HongKongPermit, {QStringLiteral("hxz"), QStringLiteral("xg")}},
        {MacauPermit, {QStringLiteral("hxz"), QStringLiteral("am")}},
        {TaiwanPermit, {QStringLiteral("tbz")}},
        {ForeignPermanent, {QStringLiteral("yjz")}},
        {ForeignPassport, {QStringLiteral("wghz")}},
        {ChinesePassport, {QStringLiteral("hz")}},
        {ResidencePermitHmt, {QStringLiteral("jzz")}},
    };
    if (!isKnown(code))
        return {};
    return QStringList{code} + initials.value(code);
}

bool IdType::numberCarriesBirthDate(const QString &code)
{
    // 07 carries it only on the 2023 card; callers that have the number use IdNumber::check,
    // which derives it only for the 18-digit form.
    return code == ResidentId || code == ResidencePermitHmt || code == ForeignPermanent;
}

} // namespace gongji
