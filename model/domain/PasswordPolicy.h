#pragma once
#include <QDateTime>
#include <QString>

namespace gongji {

// What a clerk's password must be, set by a supervisor (PasswordPolicyStore keeps every
// version). The default meets level-2 practice (网络安全等级保护 第二级): at least 8 characters
// of at least 3 of the 4 classes (lower-case, upper-case, digits, other), changed at least every
// 90 days, none of the last 5 again. See docs/office-security.md.
struct PasswordPolicy
{
    int minLength = 8;
    int minClasses = 3; // of lower-case, upper-case, digits, other characters
    int maxAgeDays = 90; // 0: passwords do not expire
    int historyCount = 5; // the last N passwords may not be used again (0: no check)

    // Below these a policy is refused: a supervisor may make it stricter, never weaker than this.
    static constexpr int lowestMinLength = 8;
    static constexpr int highestMaxAgeDays = 365;

    // How many of the four classes `password` has characters of.
    static int classesOf(const QString &password);
    // Why `password` does not meet the policy (in the UI language), or empty.
    QString problem(const QString &password) const;
    // Why the policy itself is refused, or empty.
    QString invalidity() const;
    // A password set at `changedAt` must be changed at `now` (an unknown time counts as expired).
    bool isExpired(const QDateTime &changedAt, const QDateTime &now) const;

    bool operator==(const PasswordPolicy &other) const
    {
        return minLength == other.minLength && minClasses == other.minClasses && maxAgeDays == other.maxAgeDays
            && historyCount == other.historyCount;
    }
};

} // namespace gongji
