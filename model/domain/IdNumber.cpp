#include "model/domain/IdNumber.h"

#include <algorithm>

#include "model/domain/IdType.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(IdNumber)
};

// ASCII only: QChar::isDigit() also accepts other scripts' digits, which no document uses.
bool isAsciiDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (!isAsciiDigit(c))
            return false;
    return !s.isEmpty();
}

bool matches(const QString &number, const char *pattern)
{
    // Compiled once per pattern: a registry import checks a million numbers.
    static thread_local QHash<const char *, QRegularExpression> compiled; // counters may check on several threads
    auto it = compiled.find(pattern);
    if (it == compiled.end())
        it = compiled.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern))));
    return it->match(number).hasMatch();
}

// Province part of a mainland resident ID address code (GB/T 2260).
bool isMainlandProvince(const QString &address)
{
    static const QList<int> provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                                         42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
    return provinces.contains(address.left(2).toInt());
}

IdCheck fail(IdCheck result, RefusalCode code, const QString &detail)
{
    result.error = code;
    result.detail = detail;
    result.birthDate = QDate();
    result.sex = QChar();
    return result;
}

// Birth date YYYYMMDD at positions 7-14 and sex from the 17th digit of an 18-character number
// (01, 17, 07 new card). Returns false with the detail set when the date is impossible.
bool deriveBirth(IdCheck &result, const QDate &today)
{
    const QString digits = result.number.mid(6, 8);
    // By hand: QDate::fromString with a format was 15 % of a registry import's time.
    int value[8];
    for (int i = 0; i < 8; ++i)
        value[i] = i < digits.size() ? digits.at(i).digitValue() : -1;
    const bool allDigits = std::all_of(std::begin(value), std::end(value), [](int v) { return v >= 0; });
    const QDate birth = allDigits ? QDate(value[0] * 1000 + value[1] * 100 + value[2] * 10 + value[3],
                                          value[4] * 10 + value[5], value[6] * 10 + value[7])
                                  : QDate();
    if (!birth.isValid()) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("Characters 7 to 14 should be the birth date, but %1 is not a real date; "
                               "please check the number on the document.")
                          .arg(digits));
        return false;
    }
    if (birth < QDate(1900, 1, 1)) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("The birth date %1 in the number is before 1900; please check the number "
                               "on the document.")
                          .arg(birth.toString(Qt::ISODate)));
        return false;
    }
    if (today.isValid() && birth > today) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("The birth date %1 in the number is in the future; please check the "
                               "number on the document.")
                          .arg(birth.toString(Qt::ISODate)));
        return false;
    }
    result.birthDate = birth;
    result.sex = (result.number.at(16).digitValue() % 2 == 1) ? QLatin1Char('M') : QLatin1Char('F');
    return true;
}

// 17 digits + check character, MOD 11-2. The checksum is tested before the birth date: a wrong
// check character means a typo somewhere, and re-typing is the right advice in either case.
bool checkEighteen(IdCheck &result, const QDate &today)
{
    const QString &n = result.number;
    if (n.size() != 18) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("The number must be 18 characters: 17 digits and a final digit or X "
                               "(%1 characters were entered).")
                          .arg(n.size()));
        return false;
    }
    for (int i = 0; i < 18; ++i) {
        const QChar c = n.at(i);
        if (isAsciiDigit(c) || (i == 17 && c == QLatin1Char('X')))
            continue;
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("Character %1 (\"%2\") must be a digit; only the last character may be "
                               "X. Please check the number.")
                          .arg(i + 1)
                          .arg(c));
        return false;
    }
    const QChar expected = IdNumber::mod11CheckChar(n.left(17));
    if (n.at(17) != expected) {
        result = fail(result, RefusalCode::IdChecksumInvalid,
                      Text::tr("The check character should be %1, not %2; please re-type the number "
                               "from the document.")
                          .arg(expected)
                          .arg(n.at(17)));
        return false;
    }
    return deriveBirth(result, today);
}

void checkResidentId(IdCheck &result, const QDate &today)
{
    QString &n = result.number;
    if (n.startsWith(QLatin1Char('9'))) {
        if (n.size() == 18) {
            // A 9… number is a foreigner's 2023 permanent residence card entered as 01.
            result.type = IdType::ForeignPermanent;
            result.typeRerouted = true;
            checkEighteen(result, today);
            return;
        }
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A number starting with 9 is a foreigner's permanent residence ID card "
                               "(18 characters); please check the number and the document type."));
        return;
    }
    if (n.size() == 15) {
        if (!allDigits(n)) {
            result = fail(result, RefusalCode::IdFormatInvalid,
                          Text::tr("An old 15-digit identity card number has digits only; please check "
                                   "the number."));
            return;
        }
        // Legacy card: YYMMDD with century 19 and no check character.
        n = n.left(6) + QLatin1String("19") + n.mid(6);
        n.append(IdNumber::mod11CheckChar(n));
        result.upgradedFrom15 = true;
    } else if (!checkEighteen(result, today)) {
        return;
    }
    const QString address = n.left(6);
    if (address == QLatin1String("810000") || address == QLatin1String("820000")
        || address == QLatin1String("830000")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("Address code %1 belongs to a residence permit for Hong Kong, Macau and "
                               "Taiwan residents; please choose that document type (17).")
                          .arg(address));
        return;
    }
    if (!isMainlandProvince(address)) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("The first six digits (%1) are not a mainland address code; please check "
                               "the number.")
                          .arg(address));
        return;
    }
    if (result.upgradedFrom15)
        deriveBirth(result, today);
}

void checkResidencePermit(IdCheck &result, const QDate &today)
{
    if (!checkEighteen(result, today))
        return;
    const QString address = result.number.left(6);
    if (address != QLatin1String("810000") && address != QLatin1String("820000")
        && address != QLatin1String("830000")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A residence permit number starts with 810000 (Hong Kong), 820000 (Macau) "
                               "or 830000 (Taiwan), not %1; please check the number and the document "
                               "type.")
                          .arg(address));
    }
}

void checkForeignPermanent(IdCheck &result, const QDate &today)
{
    const QString &n = result.number;
    if (matches(n, "[A-Z]{3}[0-9]{12}"))
        return; // 2017 card: no birth date is derived from it
    if (n.size() == 18 && n.startsWith(QLatin1Char('9'))) {
        checkEighteen(result, today);
        return;
    }
    result = fail(result, RefusalCode::IdFormatInvalid,
                  Text::tr("A permanent residence ID card number is 18 characters starting with 9 "
                           "(2023 card) or 3 letters followed by 12 digits (older card); please check "
                           "the number."));
}

// Formats without a check character: one pattern, one explanation each.
void checkPattern(IdCheck &result)
{
    const QString &n = result.number;
    const QString &t = result.type;
    if (t == IdType::HongKongPermit && !matches(n, "H([0-9]{8}|[0-9]{10})")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A Hong Kong permit number is H followed by 8 or 10 digits; please check "
                               "the number."));
    } else if (t == IdType::MacauPermit && !matches(n, "M([0-9]{8}|[0-9]{10})")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A Macau permit number is M followed by 8 or 10 digits; please check the "
                               "number."));
    } else if (t == IdType::TaiwanPermit && !matches(n, "[0-9]{8}|[A-Z0-9]{10}")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A Taiwan permit number is 8 digits (older booklets: 10 letters and "
                               "digits); please check the number."));
    } else if (t == IdType::ForeignPassport && !matches(n, "[A-Z0-9]{5,17}")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A foreign passport number is 5 to 17 letters and digits; please check "
                               "the number."));
    } else if (t == IdType::ChinesePassport && !matches(n, "E[0-9]{8}|E[A-Z][0-9]{7}|G[0-9]{8}")) {
        result = fail(result, RefusalCode::IdFormatInvalid,
                      Text::tr("A Chinese passport number is E followed by 8 digits, E, a letter and 7 "
                               "digits, or (older passports) G followed by 8 digits; please check the "
                               "number."));
    }
}

} // namespace

IdCheck IdNumber::check(const QString &type, const QString &raw, const QDate &today)
{
    IdCheck result;
    result.type = type.trimmed();
    // NFKC turns full-width digits and letters (an IME left in full-width mode) into ASCII.
    // Inner whitespace is removed too. A card reader in keyboard mode types the bare number,
    // but numbers copied from printouts or messages come grouped ("110105 19491231 002X"), and
    // no document number contains a space, so removing it cannot turn a wrong number valid.
    QString number = raw.normalized(QString::NormalizationForm_KC).toUpper();
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    // Only when needed: a registry import checks a million numbers of letters and digits.
    const auto isAsciiLetterOrDigit = [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); };
    if (!std::all_of(number.cbegin(), number.cend(), isAsciiLetterOrDigit))
        number.remove(whitespace);
    result.number = number;

    if (!IdType::isKnown(result.type)) {
        return fail(result, RefusalCode::IdTypeNotAccepted,
                    Text::tr("Document type \"%1\" is not known; please choose one of the listed "
                             "document types.")
                        .arg(result.type));
    }
    if (number.isEmpty()) {
        return fail(result, RefusalCode::IdFormatInvalid, Text::tr("Please enter the document number."));
    }

    if (result.type == IdType::ResidentId)
        checkResidentId(result, today);
    else if (result.type == IdType::ResidencePermitHmt)
        checkResidencePermit(result, today);
    else if (result.type == IdType::ForeignPermanent)
        checkForeignPermanent(result, today);
    else
        checkPattern(result);
    return result;
}

QChar IdNumber::mod11CheckChar(const QString &first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checkChars[] = "10X98765432";
    if (first17.size() != 17 || !allDigits(first17))
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QLatin1Char(checkChars[sum % 11]);
}

QString IdNumber::mask(const QString &number)
{
    const qsizetype length = number.size();
    if (length >= 11)
        return number.left(6) + QString(length - 10, QLatin1Char('*')) + number.right(4);
    // Four characters or fewer would be shown whole: a mask must never reveal a full number.
    if (length <= 4)
        return QString(length, QLatin1Char('*'));
    return QString(length - 4, QLatin1Char('*')) + number.right(4);
}

QString IdNumber::maskWithin(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("[0-9]{14,}[0-9Xx]"));
    QString masked = text;
    qsizetype from = 0;
    QRegularExpressionMatch match;
    while ((match = number.match(masked, from)).hasMatch()) {
        masked.replace(match.capturedStart(), match.capturedLength(), mask(match.captured()));
        from = match.capturedEnd();
    }
    return masked;
}

} // namespace gongji
