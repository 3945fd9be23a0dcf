#pragma once
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/BindingStatus.h"
#include "model/domain/EndRequester.h"
#include "model/domain/Person.h"
#include "model/domain/Finding.h"

namespace gongji {

// One binding seen from the person being looked up: mutual aid (共济) or kinship account (亲情),
// outgoing (the person authorizes / holds) or incoming (the person is target / member).
struct HouseholdBinding
{
    enum class Kind { MutualAid, Kinship };
    enum class Direction { Outgoing, Incoming };

    Kind kind = Kind::MutualAid;
    Direction direction = Direction::Outgoing;
    qint64 bindingId = 0;
    Person counterpart;
    QString relationship; // what the target/member is to the authorizer/holder
    BindingStatus status = BindingStatus::Active;
    QDateTime startedAt;
    QDateTime endedAt;
    QString endedBy;
    std::optional<EndRequester> endRequestedBy;
    QString endReason;
    QString number; // filing number (共济) or kinship binding number (亲情)
    QDate validUntil; // mutual aid: last day of the authorization period; invalid = open-ended
    // Active mutual aid only, filled by RelationshipAgreement::review: where this binding
    // disagrees with another active one (each finding names it).
    Findings agreement;
    std::optional<qint64> quotaFen; // mutual aid: the quota set aside (共济额度), fen; kept after the end
    // What the provincial platform made of the binding's hand-over journal lines (docs/journal.md):
    // "" (stored before the journal), "waiting", "accepted" or "rejected" with its reason.
    QString handover;
    QString handoverReason;

    bool isActive() const { return status == BindingStatus::Active; }
    static QString kindLabel(Kind kind); // "共济" / "亲情" in the UI language
    static QString kindKeyword(Kind kind); // "mutual_aid" / "kinship"
    static QString directionKeyword(Kind kind,
                                    Direction direction); // "authorizes", "authorized_by", "holds", "held_by"
};

// A person and every binding that touches them, active and ended.
struct Household
{
    Person person;
    QList<HouseholdBinding> bindings;

    QList<HouseholdBinding> select(HouseholdBinding::Kind kind, HouseholdBinding::Direction direction,
                                   bool active) const;
    QList<HouseholdBinding> history() const; // every ended binding, newest first
};

} // namespace gongji
