#include "model/domain/Finding.h"

#include <algorithm>

namespace gongji {

QString Finding::text() const
{
    QString result = RefusalCodes::name(code) + QStringLiteral(": ") + RefusalCodes::message(code);
    if (!detail.isEmpty())
        result += QStringLiteral(" (") + detail + QLatin1Char(')');
    return result;
}

bool hasRefusal(const Findings &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return !f.isWarning(); });
}

bool hasWarning(const Findings &findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isWarning(); });
}

namespace {
QStringList namesWhere(const Findings &findings, bool warnings)
{
    QList<RefusalCode> codes;
    for (const Finding &f : findings) {
        if (f.isWarning() == warnings && !codes.contains(f.code))
            codes.append(f.code);
    }
    std::sort(codes.begin(), codes.end());
    QStringList names;
    for (RefusalCode code : codes)
        names.append(RefusalCodes::name(code));
    return names;
}
} // namespace

QStringList refusalNames(const Findings &findings) { return namesWhere(findings, false); }

QStringList warningNames(const Findings &findings) { return namesWhere(findings, true); }

} // namespace gongji
