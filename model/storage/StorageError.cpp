#include "storage/StorageError.h"

#include <QCoreApplication>
#include <QSqlError>

namespace gongji {

StorageError::StorageError(Kind kind, const QString &message, const QString &nativeCode)
    : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message), m_nativeCode(nativeCode)
{
}

StorageError StorageError::fromSqlError(const QSqlError &error, const QString &what)
{
    // SQLite result codes; the extended code carries the primary one in its low byte.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    Kind kind = Kind::Other;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        kind = Kind::Busy;
        break;
    case 11: // SQLITE_CORRUPT
        kind = Kind::Corrupt;
        break;
    case 26: // SQLITE_NOTADB
        kind = Kind::NotADatabase;
        break;
    case 19: // SQLITE_CONSTRAINT
        kind = Kind::Constraint;
        break;
    case 8: // SQLITE_READONLY
        kind = Kind::ReadOnly;
        break;
    case 14: // SQLITE_CANTOPEN
        kind = Kind::CannotOpen;
        break;
    default:
        break;
    }
    return StorageError(kind, what + QStringLiteral(": ") + error.text(), error.nativeErrorCode());
}

QString StorageError::userMessage() const
{
    switch (m_kind) {
    case Kind::Busy:
        return QCoreApplication::translate("StorageError",
            "The database is busy with another counter and did not become free in time. Nothing was saved; please try again.");
    case Kind::Corrupt:
        return QCoreApplication::translate("StorageError",
            "The database file is damaged. Nothing was saved. Stop working with it and restore the latest backup.");
    case Kind::NotADatabase:
        return QCoreApplication::translate("StorageError", "The file is not a Gongji Desk database.");
    case Kind::ReadOnly:
        return QCoreApplication::translate("StorageError",
            "The database file cannot be written (read-only file or disk). Nothing was saved.");
    case Kind::Constraint:
        return QCoreApplication::translate("StorageError",
            "The change conflicts with data already stored (%1). Nothing was saved.").arg(m_message);
    default:
        return QCoreApplication::translate("StorageError", "Database error: %1. Nothing was saved.").arg(m_message);
    }
}

} // namespace gongji
