#pragma once
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/Person.h"

namespace gongji {

// One stored change as the provincial platform needs it (docs/journal.md): what happened (item),
// where and by whom, the persons with their full ID numbers, the relationship, the rule set, the
// period, the quota and the result. HandoverJournal gives it its sequence number.
struct JournalEntry
{
    struct Party
    {
        QString role; // "authorizer", "target", "holder", "member"
        Person person;
    };

    QString item; // "filing", "binding", "revocation", "automatic_end", "kinship_binding", …
    QString clerk;
    QDateTime at; // UTC
    QList<Party> persons;
    QString relationship; // what the target/member is to the authorizer/holder
    qint64 ruleSetId = 0; // 0: none (kinship accounts have no rule set)
    QString ruleSetRegion;
    QDate periodFrom;
    QDate periodUntil; // invalid: open-ended
    std::optional<qint64> quotaFen;
    QString result; // "stored", "bound", "ended", …
    QJsonObject reference; // filing_no, binding_id, binding_no, channel, requested_by, reason
    qint64 bindingId = 0; // the mutual-aid binding the entry is about (household screen)
    qint64 kinshipBindingId = 0; // the kinship binding the entry is about

    // The exported line's object: seq, item, office, clerk, time, persons, relationship, rule_set,
    // period, quota, result and the reference fields.
    QJsonObject toJson(qint64 seq, const QString &office) const;
};

} // namespace gongji
