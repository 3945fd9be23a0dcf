#include "model/storage/StorageError.h"

#include <QCoreApplication>
#include <QSqlError>

namespace gongji {

StorageError::StorageError(Kind kind, const QString &message, const QString &nativeCode)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_message(message)
    , m_nativeCode(nativeCode)
{}

namespace {

// PostgreSQL reports five-character SQLSTATEs; SQLite's (extended) result codes have at most four digits.
StorageError::Kind kindOfSqlState(const QString &state)
{
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03")
        || state == QLatin1String("57014"))
        return StorageError::Kind::Busy; // serialization, deadlock, lock or statement timeout
    if (state.startsWith(QLatin1String("23")))
        return StorageError::Kind::Constraint;
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") || state == QLatin1String("57P02")
        || state == QLatin1String("57P03"))
        return StorageError::Kind::ConnectionLost;
    if (state == QLatin1String("25006"))
        return StorageError::Kind::ReadOnly;
    if (state == QLatin1String("42501"))
        return StorageError::Kind::NotPermitted; // insufficient_privilege: the counter role may not

    return StorageError::Kind::Other;
}

} // namespace

StorageError StorageError::fromSqlError(const QSqlError &error, const QString &what)
{
    const QString native = error.nativeErrorCode();
    if (native.size() == 5)
        return StorageError(kindOfSqlState(native), what + QStringLiteral(": ") + error.text(), native);
    // A broken connection to a server may come without a code at all.
    if (native.isEmpty() && error.type() == QSqlError::ConnectionError)
        return StorageError(Kind::ConnectionLost, what + QStringLiteral(": ") + error.text(), native);
    // SQLite result codes; the extended code carries the primary one in its low byte.
    const int code = native.toInt() & 0xff;
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
                                           "The database is busy with another counter and did not become free in time. "
                                           "Nothing was saved; please try again.");
    case Kind::Corrupt:
        return QCoreApplication::translate(
            "StorageError",
            "The database file is damaged. Nothing was saved. Stop working with it and restore the latest backup.");
    case Kind::ConnectionLost:
        return QCoreApplication::translate(
            "StorageError",
            "The office database server cannot be reached. Nothing was saved; what you entered is still on screen. "
            "Check the network and try again.");
    case Kind::NotADatabase:
        return QCoreApplication::translate("StorageError", "The file is not a Gongji Desk database.");
    case Kind::ReadOnly:
        return QCoreApplication::translate(
            "StorageError", "The database file cannot be written (read-only file or disk). Nothing was saved.");
    case Kind::NotPermitted:
        return QCoreApplication::translate("StorageError",
                                           "The office database does not allow this to the database role of this "
                                           "counter (%1). Nothing was saved; "
                                           "ask the administrator.")
            .arg(m_message);
    case Kind::Constraint:
        return QCoreApplication::translate("StorageError",
                                           "The change conflicts with data already stored (%1). Nothing was saved.")
            .arg(m_message);
    default:
        return QCoreApplication::translate("StorageError", "Database error: %1. Nothing was saved.").arg(m_message);
    }
}

} // namespace gongji
