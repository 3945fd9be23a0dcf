#include "BulkLoader.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>

#include "model/storage/PostgresCopy.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

// Indices into m_tables, in the order of their references.
enum TableIndex { PersonTable, FilingTable, BindingTable, ProofTable, AuditTable };

// Rows gathered before they are sent: a few hundred MB at most, and few COPY statements.
constexpr qsizetype kBatchRows = 200000;

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

BulkLoader::BulkLoader(const QString &connection) : m_connection(connection), m_engine(SqlDialect::engineOf(connection))
{
    // Moved in one by one: a QSqlQuery is not to be copied.
    const auto table = [this](const char *name, const QStringList &columns, bool givesId) {
        Table entry;
        entry.name = QString::fromLatin1(name);
        entry.columns = columns;
        entry.givesId = givesId;
        m_tables.push_back(std::move(entry));
    };
    table("person",
          {"name", "id_type", "id_number", "sex", "birth_date", "insurance_type", "employment", "status",
           "pooling_region", "balance_fen", "public_medical", "updated_at"},
          true);
    table("filing",
          {"filing_no", "authorizer_id", "clerk", "channel", "filed_at", "effective_on", "rule_set_id",
           "commitment_version", "commitment_at"},
          true);
    table("binding",
          {"filing_id", "authorizer_id", "target_id", "relationship", "rule_set_id", "status", "started_at", "ended_at",
           "ended_by", "end_requested_by", "end_reason", "age_warning_confirmed"},
          true);
    table("binding_proof", {"binding_id", "proof"}, false);
    table("audit_log", {"at", "actor", "action", "subject", "detail"}, false);
}

BulkLoader::~BulkLoader()
{
    if (m_open) {
        try {
            SqlStatement::run(m_connection, QStringLiteral("ROLLBACK"));
        } catch (const std::exception &) {
            // Already rolled back by the engine itself; nothing left to undo.
        }
    }
}

void BulkLoader::begin()
{
    if (m_engine == SqlDialect::Engine::PostgreSQL) {
        // A batch's COPY and the VACUUM ANALYZE after the load take longer than the 60 s a
        // counter's statement may (Database::open).
        SqlStatement::run(m_connection, QStringLiteral("SET statement_timeout = 0"));
    } else {
        for (Table &table : m_tables) {
            // Positional placeholders, prepared once: binding by name costs a lookup per value.
            const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (?%3)")
                                    .arg(table.name, table.columns.join(QStringLiteral(", ")),
                                         QStringLiteral(", ?").repeated(table.columns.size() - 1));
            table.insert = QSqlQuery(QSqlDatabase::database(m_connection, false));
            if (!table.insert.prepare(sql))
                throw StorageError::fromSqlError(table.insert.lastError(), QStringLiteral("prepare ") + sql.left(60));
        }
    }
    // The one writer lock, as every write of the model takes it.
    for (const QString &statement : SqlDialect::beginWrite(m_engine))
        SqlStatement::run(m_connection, statement);
    m_open = true;
    if (m_engine == SqlDialect::Engine::PostgreSQL) {
        for (Table &table : m_tables) {
            if (!table.givesId)
                continue;
            SqlStatement last(m_connection, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table.name));
            table.lastId = last.exec().next() ? last.value(0).toLongLong() : 0;
        }
    }
}

qint64 BulkLoader::add(Table &table, const QVariantList &values)
{
    if (m_engine == SqlDialect::Engine::PostgreSQL) {
        const qint64 id = table.givesId ? ++table.lastId : 0;
        table.waiting.append(values);
        if (table.givesId)
            table.waiting.last().prepend(id);
        if (++m_waitingRows >= kBatchRows)
            sendWaiting();
        return id;
    }
    for (int i = 0; i < values.size(); ++i)
        table.insert.bindValue(i, values.at(i));
    if (!table.insert.exec())
        throw StorageError::fromSqlError(table.insert.lastError(), QStringLiteral("bulk insert ") + table.name);
    return table.insert.lastInsertId().toLongLong();
}

void BulkLoader::sendWaiting()
{
    for (Table &table : m_tables) {
        if (table.waiting.isEmpty())
            continue;
        const QStringList columns = table.givesId ? QStringList{QStringLiteral("id")} + table.columns : table.columns;
        PostgresCopy copy(
            m_connection,
            QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table.name, columns.join(QStringLiteral(", "))));
        for (const QVariantList &row : std::as_const(table.waiting)) {
            for (const QVariant &value : row) {
                const int type = value.typeId();
                if (type == QMetaType::Int || type == QMetaType::LongLong)
                    copy.field(value.toLongLong());
                else
                    copy.field(value.toString()); // a null text is SQL NULL
            }
            copy.endRow();
        }
        copy.finish();
        table.waiting.clear();
    }
    m_waitingRows = 0;
}

void BulkLoader::addPerson(Person &p)
{
    p.id = add(m_tables[PersonTable],
               {p.name, p.idType, p.idNumber, textOrNull(p.sex.isNull() ? QString() : QString(p.sex)),
                textOrNull(Timestamp::dateToText(p.birthDate)), p.insuranceType, textOrNull(p.employment), p.status,
                p.poolingRegion, p.balanceFen, p.publicMedical ? 1 : 0, QStringLiteral("2026-01-01T00:00:00.000Z")});
}

void BulkLoader::addFiling(Filing &f)
{
    f.id = add(m_tables[FilingTable],
               {f.number, f.authorizerId, f.clerk, f.channel, Timestamp::toText(f.filedAt),
                Timestamp::dateToText(f.effectiveOn), f.ruleSetId, f.commitmentVersion,
                Timestamp::toText(f.commitmentAt)});
}

void BulkLoader::addBinding(MutualAidBinding &b)
{
    const bool ended = b.endedAt.isValid();
    b.id = add(m_tables[BindingTable],
               {b.filingId, b.authorizerId, b.targetId, b.relationship, b.ruleSetId,
                ended ? QStringLiteral("ended") : QStringLiteral("active"), Timestamp::toText(b.startedAt),
                textOrNull(Timestamp::toText(b.endedAt)), textOrNull(ended ? b.endedBy : QString()),
                textOrNull(ended && b.endRequestedBy ? EndRequesters::keyword(*b.endRequestedBy) : QString()),
                textOrNull(ended ? b.endReason : QString()), b.ageWarningConfirmed ? 1 : 0});
    for (const QString &proof : b.proofs)
        add(m_tables[ProofTable], {b.id, proof});
}

void BulkLoader::addAudit(const QString &at, const QString &actor, const QString &action, const QString &subject,
                          const QString &detailJson)
{
    add(m_tables[AuditTable], {at, actor, action, subject, detailJson});
}

void BulkLoader::commit()
{
    if (!m_open)
        return;
    if (m_engine == SqlDialect::Engine::PostgreSQL) {
        sendWaiting();
        // The identity sequences move past the ids given here, for the counters' next rows.
        for (const QString &statement : SqlDialect::afterExplicitIds(
                 m_engine, {m_tables[PersonTable].name, m_tables[FilingTable].name, m_tables[BindingTable].name}))
            SqlStatement::run(m_connection, statement);
    } else {
        // Statements are finished first, or COMMIT could find them still running.
        for (Table &table : m_tables)
            table.insert.finish();
    }
    SqlStatement::run(m_connection, QStringLiteral("COMMIT"));
    m_open = false;
}

void BulkLoader::settle()
{
    SqlStatement::run(m_connection,
                      m_engine == SqlDialect::Engine::PostgreSQL ? QStringLiteral("VACUUM ANALYZE")
                                                                 : QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace gongji
