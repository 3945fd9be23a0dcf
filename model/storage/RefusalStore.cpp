#include "model/storage/RefusalStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

RefusalStore::RefusalStore(const QString &connection) : m_connection(connection) {}

void RefusalStore::insert(const RefusedTarget &refused) const
{
    const QString at = Timestamp::toText(refused.at);
    SqlStatement target(m_connection,
                        QStringLiteral("INSERT INTO refused_target (at, clerk, channel, pooling_region, rule_set_id) "
                                       "VALUES (:at, :clerk, :channel, :region, :rules) RETURNING id"));
    target.bind(QStringLiteral(":at"), at)
        .bind(QStringLiteral(":clerk"), refused.clerk)
        .bind(QStringLiteral(":channel"), refused.channel)
        .bind(QStringLiteral(":region"), refused.poolingRegion)
        .bind(QStringLiteral(":rules"),
              refused.ruleSetId > 0 ? QVariant(refused.ruleSetId) : QVariant(QMetaType(QMetaType::LongLong)))
        .exec();
    const qint64 id = target.insertedId();
    for (const QString &code : refused.codes) {
        SqlStatement q(
            m_connection,
            QStringLiteral("INSERT INTO refused_code (refused_target_id, code, at) VALUES (:id, :code, :at)"));
        q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":code"), code).bind(QStringLiteral(":at"), at).exec();
    }
}

} // namespace gongji
