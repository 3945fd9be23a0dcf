#include "model/storage/PasswordPolicyStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

PasswordPolicyStore::PasswordPolicyStore(const QString &connection) : m_connection(connection) {}

PasswordPolicy PasswordPolicyStore::current() const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT min_length, min_classes, max_age_days, history_count "
                                  "FROM password_policy ORDER BY id DESC LIMIT 1"));
    q.exec();
    PasswordPolicy policy;
    if (q.next()) {
        policy.minLength = q.value(0).toInt();
        policy.minClasses = q.value(1).toInt();
        policy.maxAgeDays = q.value(2).toInt();
        policy.historyCount = q.value(3).toInt();
    }
    return policy;
}

void PasswordPolicyStore::insert(const PasswordPolicy &policy, const QString &actor)
{
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO password_policy (min_length, min_classes, max_age_days, "
                                  "history_count, set_by, set_at) VALUES (:length, :classes, :age, :history, "
                                  ":actor, :now)"));
    q.bind(QStringLiteral(":length"), policy.minLength)
        .bind(QStringLiteral(":classes"), policy.minClasses)
        .bind(QStringLiteral(":age"), policy.maxAgeDays)
        .bind(QStringLiteral(":history"), policy.historyCount)
        .bind(QStringLiteral(":actor"), actor)
        .bind(QStringLiteral(":now"), Timestamp::nowText())
        .exec();
}

} // namespace gongji
