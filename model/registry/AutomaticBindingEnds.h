#pragma once
#include <QDate>
#include <QString>

#include "model/domain/Person.h"

namespace gongji {

// docs/domain.md §7: when a registry import makes a person terminated or deceased, or moves their
// pooling region beyond the scope of the rule set in force, their active bindings end with that
// reason. Runs inside the import's own transaction, so the import and the ends stand or fall together.
class AutomaticBindingEnds
{
public:
    struct Counts
    {
        int mutualAid = 0;
        int kinship = 0;
        int total() const { return mutualAid + kinship; }
    };

    explicit AutomaticBindingEnds(const QString &connection);

    // `before` as stored until now, `after` as just stored (same id). Throws StorageError.
    Counts apply(const Person &before, const Person &after, const QString &actor,
                 const QDate &today = QDate::currentDate());

    static QString endedReason(const QString &status); // "registry: deceased" …
    static QString movedReason(); // "registry: pooling region out of scope"

private:
    QString m_connection;
};

} // namespace gongji
