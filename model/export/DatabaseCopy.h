#pragma once
#include <QMap>
#include <QString>

#include "model/domain/Outcome.h"

namespace gongji {

// Copies everything from one opened database into another, empty one (a counter's SQLite file
// into the office PostgreSQL database, or back for a backup): ids kept, one transaction on the
// target, row counts compared before it commits.
class DatabaseCopy
{
public:
    // Input: different schemas or a target with rows (`refusal` says which); NotAllowed: not a
    // supervisor of the source; Storage: the copy failed or its counts did not match, and the
    // target was left as it was.
    struct Result : Outcome
    {
        enum class Refusal { None, DifferentSchema, TargetNotEmpty, CountMismatch };
        Refusal refusal = Refusal::None;
        QMap<QString, qint64> rows; // table → rows copied
    };

    // Both connections open (Database::open) at the same schema version. `actor` must be an active
    // supervisor of the source (RoleCheck); the accounts travel with the copy.
    static Result copy(const QString &source, const QString &target, const QString &actor);
    // Tables in the order their foreign keys need.
    static QStringList tables();
};

} // namespace gongji
