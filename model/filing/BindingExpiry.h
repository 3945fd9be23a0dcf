#pragma once
#include <QDate>
#include <QString>

namespace gongji {

// The end of authorization periods (授权期限): a mutual-aid binding whose valid_until lies before
// today is ended with MutualAidBinding::expiredReason(), by `system`, audited, as of the first day after
// its period. Run by every program that opens the database (DatabaseStartup::open), so the first one
// to open it after that day ends it; readers never count such a binding as active meanwhile
// (BindingStore's "active on a day").
class BindingExpiry
{
public:
    explicit BindingExpiry(const QString &connection);

    // Ends every binding whose period is over on `today`, in one transaction; returns how many.
    // `today` is the caller's (the clock at start-up; tests inject it). Throws StorageError.
    int endExpired(const QDate &today);
    // The same inside a write transaction the caller holds (a filing that binds the same pair
    // again must find the expired binding ended). Throws StorageError.
    static int endExpiredWithin(const QString &connection, const QDate &today);

private:
    QString m_connection;
};

} // namespace gongji
