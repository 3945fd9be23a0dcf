#pragma once
#include <QString>

namespace gongji {

// Creating accounts: the first supervisor (only while there is none), then clerks and further
// supervisors by a supervisor. The role is checked here, in the model, not by hiding buttons.
class ClerkAccounts
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // in the UI language
    };

    explicit ClerkAccounts(const QString &connection);

    Result createFirstSupervisor(const QString &login, const QString &displayName, const QString &password);
    // `actor` must be an active supervisor's login.
    Result add(const QString &actor, const QString &login, const QString &displayName, const QString &role,
               const QString &password);
    // Whether `actor` may do what needs `role` ("clerk": any active account; "supervisor").
    bool allows(const QString &actor, const QString &role) const;

    static constexpr int minimumPasswordLength = 8;

private:
    Result create(const QString &actor, const QString &login, const QString &displayName, const QString &role,
                  const QString &password, bool first);
    QString m_connection;
};

} // namespace gongji
