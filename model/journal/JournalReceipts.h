#pragma once
#include <QString>

#include "model/domain/Outcome.h"

namespace gongji {

// Records the provincial platform's answers to exported journal lines (docs/journal.md): a JSON
// Lines file, one object per line, {"seq": N, "result": "accepted"} or {"seq": N, "result":
// "rejected", "reason": "…"}. The file is taken whole or not at all: a malformed line, a seq the
// journal does not hold, or a second answer for one seq (in the file, or a different answer
// already recorded) refuses it, naming the line. An answer already recorded the same way is
// skipped, so a file can be read twice. Supervisors only; audited.
class JournalReceipts
{
public:
    // Input: the file, not the database, was at fault (the error names each line); NotAllowed:
    // not a supervisor; Storage: nothing was recorded.
    struct Result : Outcome
    {
        int accepted = 0;
        int rejected = 0;
        int alreadyRecorded = 0;
    };

    explicit JournalReceipts(const QString &connection);

    Result record(const QString &path, const QString &actor);

private:
    QString m_connection;
};

} // namespace gongji
