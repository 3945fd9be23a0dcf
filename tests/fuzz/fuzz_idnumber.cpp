// libFuzzer target: IdNumber::check over every document type (docs/domain.md §3). Beyond not
// crashing, whatever it accepts must hold what the validator promises.
#include <QDate>
#include <QString>

#include <cstdint>
#include <cstdlib>

#include "model/domain/IdNumber.h"
#include "model/domain/IdType.h"

using namespace gongji;

namespace {

void require(bool condition)
{
    if (!condition)
        abort(); // libFuzzer saves the input that broke a promise
}

bool carriesMod11(const QString &type, const QString &number)
{
    return (type == IdType::ResidentId || type == IdType::ResidencePermitHmt
            || (type == IdType::ForeignPermanent && number.size() == 18));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QList<QString> types = IdType::allCodes() + QList<QString>{QStringLiteral("99"), QString()};
    const QString type = types.at(data[0] % types.size());
    const QString raw = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QDate today(2026, 11, 22);

    const IdCheck check = IdNumber::check(type, raw, today);
    require(check.isValid() == check.detail.isEmpty());
    if (!check.isValid())
        return 0;
    require(IdType::isKnown(check.type));
    require(!check.number.isEmpty() && check.number == check.number.trimmed());
    if (carriesMod11(check.type, check.number)) {
        require(check.number.size() == 18);
        require(IdNumber::mod11CheckChar(check.number.left(17)) == check.number.at(17));
        require(check.birthDate.isValid() && check.birthDate < today);
        require(check.sex == QLatin1Char('M') || check.sex == QLatin1Char('F'));
    }
    // A normalised number is accepted again as it is.
    const IdCheck again = IdNumber::check(check.type, check.number, today);
    require(again.isValid() && again.number == check.number && again.type == check.type);
    // The masked form shows at most the first 6 and the last 4 characters.
    const QString masked = IdNumber::mask(check.number);
    require(masked.size() == check.number.size());
    require(masked.right(4) == check.number.right(4));
    return 0;
}
