#include "storage/DatabaseCopy.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlRecord>
#include <QStringList>

#include "accounts/RoleCheck.h"
#include "storage/AuditLog.h"
#include "storage/SqlDialect.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration; a helper function would hide it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)
};

// Table names below are our own constants, never input.
qint64 countRows(const QString &connection, const QString &table)
{
    SqlStatement q(connection, QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

// The tables a new database fills on its own (shipped defaults) and the ones that make it "in use".
const QStringList kSeeded = {QStringLiteral("rule_set_payable"), QStringLiteral("rule_set_id_type"),
                             QStringLiteral("rule_set_relationship"), QStringLiteral("rule_set"),
                             QStringLiteral("kinship_rule")};

void copyTable(const QString &source, const QString &target, const QString &table)
{
    SqlStatement read(source, QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
    read.exec();
    const QStringList columns = read.columnNames();
    QStringList placeholders;
    for (const QString &column : columns)
        placeholders << QLatin1Char(':') + column;
    SqlStatement write(target, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(table, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            write.bind(placeholders.at(i), read.value(i));
        write.exec();
    }
}

} // namespace

QStringList DatabaseCopy::tables()
{
    return {QStringLiteral("person"), QStringLiteral("rule_set"), QStringLiteral("rule_set_relationship"),
            QStringLiteral("rule_set_id_type"), QStringLiteral("rule_set_payable"), QStringLiteral("filing"),
            QStringLiteral("binding"), QStringLiteral("binding_proof"), QStringLiteral("audit_log"),
            QStringLiteral("kinship_rule"), QStringLiteral("kinship_binding"), QStringLiteral("clerk")};
}

DatabaseCopy::Result DatabaseCopy::copy(const QString &source, const QString &target, const QString &actor)
{
    Result result;
    if (SqlDialect::schemaVersion(source) != SqlDialect::schemaVersion(target)) {
        result.failure = Result::Failure::DifferentSchema;
        result.error = Text::tr("The two databases have different schema versions; open both with this program first.");
        return result;
    }
    try {
        // The source is held still too, so that the copy is one consistent moment of it.
        WriteTransaction still(source);
        WriteTransaction transaction(target);
        // Copying everything (ID numbers of all citizens) is a supervisor's act, checked in the source.
        result.error = RoleCheck(source).refusal(actor, QStringLiteral("supervisor"));
        if (!result.error.isEmpty()) {
            result.failure = Result::Failure::NotAllowed;
            return result;
        }
        for (const QString &table : tables()) {
            if (!kSeeded.contains(table) && countRows(target, table) > 0) {
                result.failure = Result::Failure::TargetNotEmpty;
                result.error = Text::tr("The target database is not empty (table %1 has rows). Copy only into a new, "
                                  "empty database; nothing was changed.").arg(table);
                return result;
            }
        }
        // The target's shipped defaults give way to the source's own rules.
        for (const QString &table : kSeeded)
            SqlStatement::run(target, QStringLiteral("DELETE FROM %1").arg(table));
        for (const QString &table : tables())
            copyTable(source, target, table);
        for (const QString &table : tables()) {
            const qint64 expected = countRows(source, table);
            const qint64 copied = countRows(target, table);
            if (copied != expected) {
                result.failure = Result::Failure::CountMismatch;
                result.error = Text::tr("Table %1: %2 rows in the source but %3 in the copy; nothing was changed.")
                                   .arg(table).arg(expected).arg(copied);
                return result;
            }
            result.rows.insert(table, copied);
        }
        const QStringList keyed = {QStringLiteral("person"), QStringLiteral("rule_set"), QStringLiteral("filing"),
                                   QStringLiteral("binding"), QStringLiteral("audit_log"), QStringLiteral("kinship_rule"),
                                   QStringLiteral("kinship_binding"), QStringLiteral("clerk")};
        for (const QString &statement : SqlDialect::afterExplicitIds(SqlDialect::engineOf(target), keyed))
            SqlStatement::run(target, statement);
        QJsonObject detail;
        for (auto it = result.rows.cbegin(); it != result.rows.cend(); ++it)
            detail.insert(it.key(), it.value());
        AuditLog(target).append(actor, QStringLiteral("database_copy"), SqlDialect::engineOf(source) == SqlDialect::Engine::SQLite
                                                                          ? QStringLiteral("from SQLite")
                                                                          : QStringLiteral("from PostgreSQL"), detail);
        transaction.commit();
        still.rollback();
        result.ok = true;
    } catch (const StorageError &error) {
        result.failure = Result::Failure::Storage;
        result.error = error.userMessage();
        result.rows.clear();
    }
    return result;
}

} // namespace gongji
