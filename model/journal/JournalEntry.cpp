#include "model/journal/JournalEntry.h"

#include <QJsonArray>

#include "model/domain/Money.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(Timestamp::dateToText(date)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject JournalEntry::toJson(qint64 seq, const QString &office) const
{
    QJsonArray parties;
    for (const Party &party : persons) {
        parties.append(QJsonObject{{QStringLiteral("role"), party.role},
                                   {QStringLiteral("name"), party.person.name},
                                   {QStringLiteral("id_type"), party.person.idType},
                                   {QStringLiteral("id_number"), party.person.idNumber},
                                   {QStringLiteral("pooling_region"), party.person.poolingRegion}});
    }
    QJsonObject object = reference;
    object.insert(QStringLiteral("seq"), seq);
    object.insert(QStringLiteral("item"), item);
    object.insert(QStringLiteral("office"), office);
    object.insert(QStringLiteral("clerk"), clerk);
    object.insert(QStringLiteral("time"), Timestamp::toText(at));
    object.insert(QStringLiteral("persons"), parties);
    object.insert(QStringLiteral("relationship"),
                  relationship.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(relationship));
    object.insert(QStringLiteral("rule_set"),
                  ruleSetId > 0 ? QJsonValue(
                      QJsonObject{{QStringLiteral("id"), ruleSetId}, {QStringLiteral("region"), ruleSetRegion}})
                                : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("period"),
                  QJsonObject{{QStringLiteral("from"), dateOrNull(periodFrom)},
                              {QStringLiteral("until"), dateOrNull(periodUntil)}});
    object.insert(QStringLiteral("quota"),
                  quotaFen ? QJsonValue(Money::formatYuan(*quotaFen)) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("result"), result);
    return object;
}

} // namespace gongji
