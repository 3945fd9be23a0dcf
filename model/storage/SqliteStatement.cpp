#include "model/storage/SqliteStatement.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <sqlite3.h>

#include "model/storage/StorageError.h"

namespace gongji {

namespace {

// QtSql's rule (QSqlResultPrivate::isVariantNull): a null string, date or array binds as NULL.
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDate:
        return static_cast<const QDate *>(value.constData())->isNull();
    case QMetaType::QTime:
        return static_cast<const QTime *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return static_cast<const QDateTime *>(value.constData())->isNull();
    case QMetaType::QChar:
        return static_cast<const QChar *>(value.constData())->isNull();
    default:
        return false;
    }
}

} // namespace

sqlite3 *SqliteStatement::handleOf(const QString &connection)
{
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql) : m_db(db), m_sql(sql)
{
    // SQLite runs RETURNING through a temporary table on every run, which costs more than the
    // INSERT itself; an "INSERT … RETURNING id" is run without it and the new row's id (the
    // rowid: every id column is INTEGER PRIMARY KEY) handed out as its one row.
    static const QLatin1String returningId(" RETURNING id");
    QString text = sql.trimmed();
    if (text.startsWith(QLatin1String("INSERT"), Qt::CaseInsensitive)
        && text.endsWith(returningId, Qt::CaseInsensitive)) {
        text.chop(returningId.size());
        m_returnsId = true;
    }
    const QByteArray utf8 = text.toUtf8();
    const int code = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()) + 1, &m_statement, nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        fail(QStringLiteral("prepare ") + sql.simplified().left(80), code);
    }
    // The names once: SQLite's own look-up by name compares every name on every bind.
    for (int i = 1; i <= sqlite3_bind_parameter_count(m_statement); ++i)
        m_placeholders << QString::fromUtf8(sqlite3_bind_parameter_name(m_statement, i));
}

int SqliteStatement::parameterIndex(const QString &placeholder)
{
    // Values usually come in the order of their placeholders: start after the last one found.
    const qsizetype count = m_placeholders.size();
    for (qsizetype step = 0; step < count; ++step) {
        const qsizetype i = (m_lastPlaceholder + 1 + step) % count;
        if (m_placeholders.at(i) == placeholder) {
            m_lastPlaceholder = i;
            return int(i + 1);
        }
    }
    return 0;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

void SqliteStatement::fail(const QString &what, int code) const
{
    const int extended = sqlite3_extended_errcode(m_db);
    const QString text = QString::fromUtf8(sqlite3_errmsg(m_db));
    // A statement that failed while running holds no lock or snapshot afterwards.
    if (m_statement)
        sqlite3_reset(m_statement);
    // As QSQLITE reports it: SQLite's message, and the (extended) result code as native code.
    const int native = (extended & 0xff) == (code & 0xff) ? extended : code;
    throw StorageError::fromSqlError(QSqlError(QString(), text, QSqlError::StatementError, QString::number(native)),
                                     what);
}

void SqliteStatement::bind(const QString &placeholder, const QVariant &value)
{
    if (m_stepped) { // SQLite binds only to a reset statement: values for the next run
        sqlite3_reset(m_statement);
        m_stepped = m_pending = m_onRow = false;
    }
    const int index = parameterIndex(placeholder);
    if (index == 0)
        return; // as QtSql: a value for a placeholder the statement does not have is ignored
    int code = SQLITE_OK;
    if (isNullValue(value)) {
        code = sqlite3_bind_null(m_statement, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::QByteArray: {
            const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
            code = sqlite3_bind_blob(m_statement, index, bytes->constData(), int(bytes->size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::Int:
        case QMetaType::Bool:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::UChar:
            code = sqlite3_bind_int(m_statement, index, value.toInt());
            break;
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
            code = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            code = sqlite3_bind_double(m_statement, index, value.toDouble());
            break;
        case QMetaType::QDateTime:
            code = bindText(index, value.toDateTime().toString(Qt::ISODateWithMs));
            break;
        case QMetaType::QTime:
            code = bindText(index, value.toTime().toString(u"hh:mm:ss.zzz"));
            break;
        case QMetaType::QString:
            code = bindText(index, *static_cast<const QString *>(value.constData()));
            break;
        default:
            code = bindText(index, value.toString());
            break;
        }
    }
    if (code != SQLITE_OK)
        fail(QStringLiteral("bind ") + placeholder, code);
}

int SqliteStatement::bindText(int index, const QString &text)
{
    // SQLite reads the text where it is, without a copy, until the placeholder gets another
    // value or the bindings are cleared; it is kept here until then, in a buffer of the
    // placeholder's own that keeps its room from run to run. ASCII (codes, numbers, dates: most
    // values) is copied as it is, anything else goes through Qt's UTF-8 encoder.
    if (m_texts.size() < size_t(index))
        m_texts.resize(index);
    QByteArray &utf8 = m_texts[index - 1];
    const char16_t *chars = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    if (std::all_of(chars, chars + size, [](char16_t c) { return c < 0x80; })) {
        utf8.resize(size);
        std::copy(chars, chars + size, utf8.data()); // each below 0x80: the same byte in UTF-8
    } else {
        utf8 = text.toUtf8();
    }
    return sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::exec()
{
    sqlite3_reset(m_statement);
    m_pending = m_onRow = false;
    m_changes = 0;
    m_stepped = true;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) {
        m_pending = true;
    } else if (code == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_db);
        if (m_returnsId && m_changes > 0) { // none when ON CONFLICT … DO NOTHING skipped the row
            m_insertedId = sqlite3_last_insert_rowid(m_db);
            m_pending = true;
        }
    } else {
        fail(m_sql.simplified().left(80), code);
    }
}

bool SqliteStatement::next()
{
    if (m_pending) {
        m_pending = false;
        m_onRow = true;
        return true;
    }
    if (!m_onRow || m_returnsId) {
        m_onRow = false;
        return false;
    }
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    m_onRow = false;
    if (code != SQLITE_DONE)
        fail(m_sql.simplified().left(80), code);
    return false;
}

QVariant SqliteStatement::value(int column) const
{
    if (m_returnsId)
        return m_onRow && column == 0 ? QVariant(qlonglong(m_insertedId)) : QVariant();
    if (!m_onRow || column < 0 || column >= sqlite3_column_count(m_statement))
        return QVariant();
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    case SQLITE_BLOB: {
        const void *data = sqlite3_column_blob(m_statement, column);
        return QVariant(QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column)));
    }
    default: {
        const char *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column)));
    }
    }
}

QStringList SqliteStatement::columnNames() const
{
    if (m_returnsId)
        return {QStringLiteral("id")};
    QStringList names;
    for (int i = 0; i < sqlite3_column_count(m_statement); ++i)
        names << QString::fromUtf8(sqlite3_column_name(m_statement, i));
    return names;
}

int SqliteStatement::columnCount() const { return m_returnsId ? 1 : sqlite3_column_count(m_statement); }

void SqliteStatement::finish()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    for (QByteArray &text : m_texts)
        text.resize(0); // no longer bound; the room is kept for the next run
    m_stepped = m_pending = m_onRow = false;
}

} // namespace gongji
