#pragma once
#include <QString>

namespace gongji {

// A transaction that is always rolled back, for work that writes only scratch rows (a temporary
// table) and must leave nothing behind. A plain BEGIN: it takes no write lock on the database,
// so other counters go on filing meanwhile.
class ScratchTransaction
{
public:
    explicit ScratchTransaction(const QString &connection); // throws StorageError
    ~ScratchTransaction();
    ScratchTransaction(const ScratchTransaction &) = delete;
    ScratchTransaction &operator=(const ScratchTransaction &) = delete;

private:
    QString m_connection;
};

} // namespace gongji
