#include "model/domain/ConflictingBinding.h"

#include <QCoreApplication>

#include "model/domain/Relationship.h"

namespace gongji {

QString ConflictingBinding::text() const
{
    const QString label = Relationship::isKnown(relationship) ? Relationship::label(relationship) : relationship;
    // The masked number goes beside the side that is the other person.
    auto side = [this](const QString &name) {
        return name == otherName && !otherIdNumber.isEmpty() ? name + QLatin1Char(' ') + otherIdNumber : name;
    };
    const QString binding = QStringLiteral("%1 → %2 (%3)").arg(side(authorizerName), side(targetName), label);
    if (!filingNumber.isEmpty())
        return QCoreApplication::translate("ConflictingBinding", "%1, filing %2").arg(binding, filingNumber);
    if (batchRow > 0)
        return QCoreApplication::translate("ConflictingBinding", "%1, row %2 of this file").arg(binding).arg(batchRow);
    return QCoreApplication::translate("ConflictingBinding", "%1, earlier in this filing").arg(binding);
}

} // namespace gongji
