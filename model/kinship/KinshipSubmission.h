#pragma once
#include <QString>

#include "model/domain/Outcome.h"
#include "model/kinship/KinshipEvaluator.h"

namespace gongji {

// The one path that stores a kinship-account binding: re-checked and written with its audit
// entry in one BEGIN IMMEDIATE transaction.
class KinshipSubmission
{
public:
    // Input: refused by the rules (the verdict says why) or no clerk recorded; NotAllowed: not a
    // clerk account; Storage: nothing was written.
    struct Result : Outcome
    {
        QString number; // QQ… when stored
        qint64 bindingId = 0;
        KinshipVerdict verdict;

        bool stored() const { return ok; }
    };

    explicit KinshipSubmission(const QString &connection);
    Result submit(const KinshipDraft &draft);

private:
    QString m_connection;
};

} // namespace gongji
