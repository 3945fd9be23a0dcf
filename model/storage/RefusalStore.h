#pragma once
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gongji {

// Every SQL statement that writes the refusals counted by the statistics: one refused_target row
// per target refused, one refused_code row per code. No ID number, no name: only who, when, where.
class RefusalStore
{
public:
    struct RefusedTarget
    {
        QDateTime at;
        QString clerk;
        QString channel; // "counter" | "batch"
        QString poolingRegion; // the authorizer's, or "" when not found in the registry
        qint64 ruleSetId = 0; // the set in force for the authorizer, or 0
        QStringList codes;
    };

    explicit RefusalStore(const QString &connection);

    // Call inside a WriteTransaction.
    void insert(const RefusedTarget &refused) const;

private:
    QString m_connection;
};

} // namespace gongji
