#pragma once
#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include "model/domain/RuleSet.h"

namespace gongji {

// What a rules change would do to existing bindings: the active bindings that the changed or new
// sets would refuse today, with the codes, so that a supervisor saves knowingly.
class RuleImpact
{
public:
    struct Row
    {
        qint64 bindingId = 0;
        QString authorizerName;
        QString authorizerId; // masked
        QString targetName;
        QString targetId; // masked
        QString relationship;
        qint64 ruleSetId = 0; // the proposed set that would govern it (negative: not saved yet)
        QStringList codes;
    };
    struct Report
    {
        QList<Row> rows;
        QMap<QString, int> countsByCode;
        qint64 bindingsChecked = 0;
        QByteArray toCsv() const; // UTF-8, header row, masked numbers
        QString summary() const; // "3 of 120 active bindings would be refused: SCOPE_MISMATCH 2, …"
    };

    explicit RuleImpact(const QString &connection);

    // `proposed`: every rule set as it would be after the change. `changed`: ids in `proposed` of
    // the new or edited sets (give unsaved sets distinct negative ids). Only bindings that a
    // changed set would govern on `today` are judged.
    Report report(const QList<RuleSet> &proposed, const QSet<qint64> &changed,
                  const QDate &today = QDate::currentDate()) const;

private:
    QString m_connection;
};

} // namespace gongji
