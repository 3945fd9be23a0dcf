#pragma once
#include <QString>

namespace gongji {

// One unit of writing. Starts with BEGIN IMMEDIATE so that a read-then-write unit holds the
// write lock from its first read: another counter's process waits (busy timeout) instead of racing.
// Rolls back in the destructor unless commit() was called.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QString &connection);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    void commit(); // throws StorageError
    void rollback();

private:
    QString m_connection;
    bool m_open = false;
};

} // namespace gongji
