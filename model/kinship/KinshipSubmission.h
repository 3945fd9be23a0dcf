#pragma once
#include <QString>

#include "model/kinship/KinshipEvaluator.h"

namespace gongji {

// The one path that stores a kinship-account binding: re-checked and written with its audit
// entry in one BEGIN IMMEDIATE transaction.
class KinshipSubmission
{
public:
    struct Result
    {
        bool stored = false;
        QString number; // QQ… when stored
        qint64 bindingId = 0;
        KinshipVerdict verdict;
        QString error; // not a clerk account (nothing stored), storage failure; in the UI language
    };

    explicit KinshipSubmission(const QString &connection);
    Result submit(const KinshipDraft &draft);

private:
    QString m_connection;
};

} // namespace gongji
