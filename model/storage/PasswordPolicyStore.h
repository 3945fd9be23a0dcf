#pragma once
#include <QString>

#include "model/domain/PasswordPolicy.h"

namespace gongji {

// Every SQL statement on the clerks' password policy: one row per version, the newest applies
// (the first, the level-2 default, comes with the schema).
class PasswordPolicyStore
{
public:
    explicit PasswordPolicyStore(const QString &connection);

    PasswordPolicy current() const;
    // A new version set by `actor`; call inside a WriteTransaction.
    void insert(const PasswordPolicy &policy, const QString &actor);

private:
    QString m_connection;
};

} // namespace gongji
