#pragma once
#include <QString>

#include "model/domain/Outcome.h"

namespace gongji {

// The one way to see a person's full ID number: everywhere else (lists, diagrams, printouts,
// audit details, logs) numbers are masked (IdNumber::mask: first 6, last 4). A reveal needs an
// active account (role "clerk") and a purpose, and is audited ("id_reveal", subject = the
// person's id, detail = the masked number and the purpose) in the same transaction that reads
// the number, so there is no reveal without its audit entry.
class IdReveal
{
public:
    // Input: no purpose given; NotAllowed: not a clerk account; Stale: the person is gone;
    // Storage: nothing was revealed (and nothing audited).
    struct Result : Outcome
    {
        QString idNumber; // the full number, when ok; show it only on screen, never log it
        QString idType;
    };

    explicit IdReveal(const QString &connection);

    // `purpose`: why the clerk needs the full number (e.g. "compare with the ID card"), required.
    Result reveal(const QString &actor, qint64 personId, const QString &purpose);

private:
    QString m_connection;
};

} // namespace gongji
