#pragma once
#include <QString>

namespace gongji {

// The one path that ends a mutual-aid binding (解除): one transaction, the binding ended with
// clerk, time, who asked and why, and an audit entry.
class BindingRevocation
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // in the UI language: no such active binding, storage failure …
    };

    explicit BindingRevocation(const QString &connection);

    // requestedBy: "authorizer", "target" or "system" (automatic ends).
    Result revoke(qint64 bindingId, const QString &requestedBy, const QString &reason,
                  const QString &clerk);

private:
    QString m_connection;
};

} // namespace gongji
