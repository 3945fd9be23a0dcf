#pragma once
#include <QList>
#include <optional>

#include "model/domain/Person.h"
#include "model/kinship/KinshipDraft.h"
#include "model/domain/Finding.h"

namespace gongji {

struct KinshipVerdict
{
    Findings findings;
    std::optional<Person> holder;
    std::optional<Person> member;
    bool refused() const { return hasRefusal(findings); }
};

// Earlier accepted kinship rows of a batch that are not stored yet.
struct PendingKinship
{
    qint64 holderId = 0;
    qint64 memberId = 0;
};

// The checks of docs/domain.md §8. No insurance-type eligibility applies to kinship accounts.
class KinshipEvaluator
{
public:
    explicit KinshipEvaluator(const QString &connection);
    KinshipVerdict evaluate(const KinshipDraft &draft, const QList<PendingKinship> &pending = {}) const;

private:
    QString m_connection;
};

} // namespace gongji
