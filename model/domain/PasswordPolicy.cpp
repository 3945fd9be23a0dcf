#include "model/domain/PasswordPolicy.h"

#include <QCoreApplication>

namespace gongji {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)
};
} // namespace

int PasswordPolicy::classesOf(const QString &password)
{
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true; // punctuation, spaces, and letters without case (Chinese characters)
    }
    return int(lower) + int(upper) + int(digit) + int(other);
}

QString PasswordPolicy::problem(const QString &password) const
{
    if (password.size() < minLength)
        return Text::tr("The password needs at least %1 characters.").arg(minLength);
    if (classesOf(password) < minClasses)
        return Text::tr("The password needs characters of at least %1 of these 4 kinds: lower-case letters, upper-case "
                        "letters, digits, other characters.")
            .arg(minClasses);
    return {};
}

QString PasswordPolicy::invalidity() const
{
    if (minLength < lowestMinLength || minLength > 128)
        return Text::tr("The minimum length is %1 to 128 characters.").arg(lowestMinLength);
    if (minClasses < 1 || minClasses > 4)
        return Text::tr("The number of character kinds is 1 to 4.");
    if (maxAgeDays < 0 || maxAgeDays > highestMaxAgeDays)
        return Text::tr("The maximum age is 0 (never) to %1 days.").arg(highestMaxAgeDays);
    if (historyCount < 0 || historyCount > 24)
        return Text::tr("The number of earlier passwords not to use again is 0 to 24.");
    return {};
}

bool PasswordPolicy::isExpired(const QDateTime &changedAt, const QDateTime &now) const
{
    if (maxAgeDays == 0)
        return false;
    return !changedAt.isValid() || changedAt.addDays(maxAgeDays) <= now;
}

} // namespace gongji
