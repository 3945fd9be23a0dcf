#pragma once
#include <QString>

#include "model/domain/Outcome.h"

namespace gongji {

// Writes the hand-over journal's lines after a sequence number to a JSON Lines file for the
// provincial platform (docs/journal.md). The lines hold full ID numbers: only a supervisor may
// export, the file is readable by its owner only, and every export is audited. Exporting again
// from the same number writes the same lines (they are stored as exported).
class JournalExport
{
public:
    // Input: a negative sequence number or a file that cannot be written; NotAllowed: not a
    // supervisor; Storage: the journal could not be read (no file is left behind).
    struct Result : Outcome
    {
        qint64 count = 0;
        qint64 lastSeq = 0; // of the last line written, or `after` when none
    };

    explicit JournalExport(const QString &connection);

    Result write(qint64 after, const QString &path, const QString &actor);

private:
    QString m_connection;
};

} // namespace gongji
