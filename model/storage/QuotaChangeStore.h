#pragma once
#include <QList>
#include <QString>
#include <optional>

#include "model/domain/QuotaChangeRecord.h"

namespace gongji {

// Every SQL statement on the changes of a binding's quota (binding_quota_change).
class QuotaChangeStore
{
public:
    explicit QuotaChangeStore(const QString &connection);

    // Inserts; sets record.id. Call inside a WriteTransaction.
    void insert(QuotaChangeRecord &record);
    std::optional<QuotaChangeRecord> findById(qint64 id) const;
    QList<QuotaChangeRecord> byBinding(qint64 bindingId) const; // oldest first

private:
    QString m_connection;
};

} // namespace gongji
