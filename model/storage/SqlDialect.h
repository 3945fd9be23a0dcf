#pragma once
#include <QString>
#include <QStringList>

namespace gongji {

// The small part of SQL that differs between the embedded SQLite file and a shared PostgreSQL
// office database. Everything else in model/storage is written once, in SQL both accept.
class SqlDialect
{
public:
    enum class Engine { SQLite, PostgreSQL };

    static Engine engineOf(const QString &connection);

    // Schema text uses {KEY} for an id primary key column and {REF} for a column referring to one.
    static QString schemaText(Engine engine, const QString &text);
    // Statements that open a write transaction holding the one writer lock: SQLite's
    // BEGIN IMMEDIATE; on PostgreSQL a transaction-scoped advisory lock, so that counters on
    // one server queue exactly like processes on one file (no serialization failures to retry).
    static QStringList beginWrite(Engine engine);
    // Triggers that make `table` append-only.
    static QStringList appendOnly(Engine engine, const QString &table);
    // Reading and writing the schema version (PRAGMA user_version on SQLite, a table on PostgreSQL).
    static int schemaVersion(const QString &connection);
    static QStringList setSchemaVersion(Engine engine, int version);
    // After rows were inserted with their own ids into these tables (each with an id key column):
    // PostgreSQL's identity sequences must move past them.
    static QStringList afterExplicitIds(Engine engine, const QStringList &tables);
    // True when the database holds tables but no Gongji Desk schema version.
    static bool holdsForeignTables(const QString &connection);
};

} // namespace gongji
