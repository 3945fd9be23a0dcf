#pragma once
#include <QString>
#include <stdexcept>

class QSqlError;

namespace gongji {

// A database failure, carried up to the service that owns the transaction, which rolls back
// and turns it into a message. Kinds are decided by SQLite's native code, never message text.
class StorageError : public std::runtime_error
{
public:
    enum class Kind {
        Other,
        Busy,
        Corrupt,
        NotADatabase,
        Constraint,
        ReadOnly,
        NewerSchema,
        CannotOpen,
        ConnectionLost,
        OlderSchema,
        NotPermitted
    };

    StorageError(Kind kind, const QString &message, const QString &nativeCode = {});
    static StorageError fromSqlError(const QSqlError &error, const QString &what);

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    QString nativeCode() const { return m_nativeCode; }
    // What the clerk or administrator should be told, in the UI language.
    QString userMessage() const;

private:
    Kind m_kind;
    QString m_message;
    QString m_nativeCode;
};

} // namespace gongji
