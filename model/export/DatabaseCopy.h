#pragma once
#include <QMap>
#include <QString>

namespace gongji {

// Copies everything from one opened database into another, empty one (a counter's SQLite file
// into the office PostgreSQL database, or back for a backup): ids kept, one transaction on the
// target, row counts compared before it commits.
class DatabaseCopy
{
public:
    struct Result
    {
        enum class Failure { None, NotAllowed, DifferentSchema, TargetNotEmpty, CountMismatch, Storage };
        bool ok = false;
        Failure failure = Failure::None;
        QString error; // in the UI language
        QMap<QString, qint64> rows; // table → rows copied
    };

    // Both connections open (Database::open) at the same schema version. `actor` must be an active
    // supervisor of the source (RoleCheck); the accounts travel with the copy.
    static Result copy(const QString &source, const QString &target, const QString &actor);
    // Tables in the order their foreign keys need.
    static QStringList tables();
};

} // namespace gongji
