#include "model/export/DatabaseCopy.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlRecord>
#include <QStringList>

#include "model/accounts/RoleCheck.h"
#include "model/storage/AuditLog.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/WriteTransaction.h"

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
const QStringList kSeeded
    = {QStringLiteral("rule_set_payable"), QStringLiteral("rule_set_id_type"), QStringLiteral("rule_set_relationship"),
       QStringLiteral("rule_set"),         QStringLiteral("kinship_rule"),     QStringLiteral("password_policy"),
       QStringLiteral("journal_counter")};

// Rows go over in batches, one multi-row INSERT each: to a server every statement is a round
// trip, and a million rows one at a time took 19 minutes. 100 rows of at most 20 columns stay
// far below both engines' limits on bound values (SQLite 32,766, PostgreSQL 65,535).
constexpr int kBatchRows = 100;

// "INSERT INTO t (a, b) VALUES (:r0c0, :r0c1), (:r1c0, :r1c1)" for `rows` rows.
QString batchInsert(const QString &table, const QStringList &columns, int rows)
{
    QStringList tuples;
    for (int r = 0; r < rows; ++r) {
        QStringList values;
        for (int c = 0; c < columns.size(); ++c)
            values << QStringLiteral(":r%1c%2").arg(r).arg(c);
        tuples << QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", ")));
}

void copyTable(const QString &source, const QString &target, const QString &table)
{
    SqlStatement read(source, QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
    read.exec();
    const QStringList columns = read.columnNames();
    QStringList placeholders; // of a full batch, row by row
    for (int r = 0; r < kBatchRows; ++r)
        for (int c = 0; c < columns.size(); ++c)
            placeholders << QStringLiteral(":r%1c%2").arg(r).arg(c);
    const QString fullBatch = batchInsert(table, columns, kBatchRows);
    QVariantList values;
    auto write = [&] {
        const int rows = int(values.size() / columns.size());
        SqlStatement insert(target, rows == kBatchRows ? fullBatch : batchInsert(table, columns, rows));
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bind(placeholders.at(i), values.at(i));
        insert.exec();
        values.clear();
    };
    while (read.next()) {
        for (int c = 0; c < columns.size(); ++c)
            values << read.value(c);
        if (values.size() == qsizetype(kBatchRows) * columns.size())
            write();
    }
    if (!values.isEmpty())
        write();
}

} // namespace

QStringList DatabaseCopy::tables()
{
    return {QStringLiteral("person"),
            QStringLiteral("rule_set"),
            QStringLiteral("rule_set_relationship"),
            QStringLiteral("rule_set_id_type"),
            QStringLiteral("rule_set_payable"),
            QStringLiteral("filing"),
            QStringLiteral("binding"),
            QStringLiteral("binding_proof"),
            QStringLiteral("binding_quota_change"),
            QStringLiteral("audit_log"),
            QStringLiteral("kinship_rule"),
            QStringLiteral("kinship_binding"),
            QStringLiteral("clerk"),
            QStringLiteral("password_history"),
            QStringLiteral("password_policy"),
            QStringLiteral("journal_counter"),
            QStringLiteral("journal"),
            QStringLiteral("journal_receipt"),
            QStringLiteral("refused_target"),
            QStringLiteral("refused_code")};
}

DatabaseCopy::Result DatabaseCopy::copy(const QString &source, const QString &target, const QString &actor)
{
    Result result;
    if (SqlDialect::schemaVersion(source) != SqlDialect::schemaVersion(target)) {
        result.refusal = Result::Refusal::DifferentSchema;
        result.failIf(FailureKind::Input,
                      Text::tr("The two databases have different schema versions; open both "
                               "with this program first."));
        return result;
    }
    try {
        // The source is held still too, so that the copy is one consistent moment of it.
        WriteTransaction still(source);
        WriteTransaction transaction(target);
        // Copying everything (ID numbers of all citizens) is a supervisor's act, checked in the source.
        if (result.failIf(FailureKind::NotAllowed, RoleCheck(source).refusal(actor, ClerkRole::Supervisor)))
            return result;
        for (const QString &table : tables()) {
            if (!kSeeded.contains(table) && countRows(target, table) > 0) {
                result.refusal = Result::Refusal::TargetNotEmpty;
                result.failure = FailureKind::Input;
                result.error = Text::tr("The target database is not empty (table %1 has rows). Copy only into a new, "
                                        "empty database; nothing was changed.")
                                   .arg(table);
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
                result.refusal = Result::Refusal::CountMismatch;
                result.failure = FailureKind::Storage;
                result.error = Text::tr("Table %1: %2 rows in the source but %3 in the copy; nothing was changed.")
                                   .arg(table)
                                   .arg(expected)
                                   .arg(copied);
                return result;
            }
            result.rows.insert(table, copied);
        }
        const QStringList keyed = {QStringLiteral("person"),
                                   QStringLiteral("rule_set"),
                                   QStringLiteral("filing"),
                                   QStringLiteral("binding"),
                                   QStringLiteral("audit_log"),
                                   QStringLiteral("kinship_rule"),
                                   QStringLiteral("kinship_binding"),
                                   QStringLiteral("clerk"),
                                   QStringLiteral("binding_quota_change"),
                                   QStringLiteral("password_history"),
                                   QStringLiteral("password_policy"),
                                   QStringLiteral("refused_target")};
        for (const QString &statement : SqlDialect::afterExplicitIds(SqlDialect::engineOf(target), keyed))
            SqlStatement::run(target, statement);
        QJsonObject detail;
        for (auto it = result.rows.cbegin(); it != result.rows.cend(); ++it)
            detail.insert(it.key(), it.value());
        AuditLog(target).append(actor, AuditAction::DatabaseCopy,
                                SqlDialect::engineOf(source) == SqlDialect::Engine::SQLite
                                    ? QStringLiteral("from SQLite")
                                    : QStringLiteral("from PostgreSQL"),
                                detail);
        transaction.commit();
        still.rollback();
        result.succeed();
    } catch (const StorageError &error) {
        result.failIf(FailureKind::Storage, error.userMessage());
        result.rows.clear();
    }
    return result;
}

} // namespace gongji
