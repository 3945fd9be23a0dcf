#include "BulkLoader.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>

#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

BulkLoader::BulkLoader(const QString &connection) : m_connection(connection) {}

BulkLoader::~BulkLoader()
{
    if (m_open) {
        try {
            SqlStatement::run(m_connection, QStringLiteral("ROLLBACK"));
        } catch (const std::exception &) {
            // Already rolled back by SQLite itself; nothing left to undo.
        }
    }
}

QSqlQuery BulkLoader::prepared(const QString &sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.prepare(sql))
        throw StorageError::fromSqlError(query.lastError(), QStringLiteral("prepare ") + sql.left(60));
    return query;
}

void BulkLoader::exec(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        throw StorageError::fromSqlError(query.lastError(), QString::fromLatin1(what));
}

void BulkLoader::begin()
{
    // Positional placeholders, prepared once: binding by name costs a lookup per value.
    m_person = prepared(QStringLiteral(
        "INSERT INTO person (name, id_type, id_number, sex, birth_date, insurance_type, employment, status, "
        "pooling_region, balance_fen, public_medical, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_filing = prepared(QStringLiteral(
        "INSERT INTO filing (filing_no, authorizer_id, clerk, channel, filed_at, effective_on, rule_set_id, "
        "commitment_version, commitment_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_binding = prepared(QStringLiteral(
        "INSERT INTO binding (filing_id, authorizer_id, target_id, relationship, rule_set_id, status, started_at, "
        "ended_at, ended_by, end_requested_by, end_reason, age_warning_confirmed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_proof = prepared(QStringLiteral("INSERT INTO binding_proof (binding_id, proof) VALUES (?, ?)"));
    m_audit
        = prepared(QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)"));
    SqlStatement::run(m_connection, QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
}

void BulkLoader::addPerson(Person &p)
{
    m_person.bindValue(0, p.name);
    m_person.bindValue(1, p.idType);
    m_person.bindValue(2, p.idNumber);
    m_person.bindValue(3, textOrNull(p.sex.isNull() ? QString() : QString(p.sex)));
    m_person.bindValue(4, textOrNull(Timestamp::dateToText(p.birthDate)));
    m_person.bindValue(5, p.insuranceType);
    m_person.bindValue(6, textOrNull(p.employment));
    m_person.bindValue(7, p.status);
    m_person.bindValue(8, p.poolingRegion);
    m_person.bindValue(9, p.balanceFen);
    m_person.bindValue(10, p.publicMedical ? 1 : 0);
    m_person.bindValue(11, QStringLiteral("2026-01-01T00:00:00.000Z"));
    exec(m_person, "bulk insert person");
    p.id = m_person.lastInsertId().toLongLong();
}

void BulkLoader::addFiling(Filing &f)
{
    m_filing.bindValue(0, f.number);
    m_filing.bindValue(1, f.authorizerId);
    m_filing.bindValue(2, f.clerk);
    m_filing.bindValue(3, f.channel);
    m_filing.bindValue(4, Timestamp::toText(f.filedAt));
    m_filing.bindValue(5, Timestamp::dateToText(f.effectiveOn));
    m_filing.bindValue(6, f.ruleSetId);
    m_filing.bindValue(7, f.commitmentVersion);
    m_filing.bindValue(8, Timestamp::toText(f.commitmentAt));
    exec(m_filing, "bulk insert filing");
    f.id = m_filing.lastInsertId().toLongLong();
}

void BulkLoader::addBinding(MutualAidBinding &b)
{
    const bool ended = b.endedAt.isValid();
    m_binding.bindValue(0, b.filingId);
    m_binding.bindValue(1, b.authorizerId);
    m_binding.bindValue(2, b.targetId);
    m_binding.bindValue(3, b.relationship);
    m_binding.bindValue(4, b.ruleSetId);
    m_binding.bindValue(5, ended ? QStringLiteral("ended") : QStringLiteral("active"));
    m_binding.bindValue(6, Timestamp::toText(b.startedAt));
    m_binding.bindValue(7, textOrNull(Timestamp::toText(b.endedAt)));
    m_binding.bindValue(8, textOrNull(ended ? b.endedBy : QString()));
    m_binding.bindValue(9,
                        textOrNull(ended && b.endRequestedBy ? EndRequesters::keyword(*b.endRequestedBy) : QString()));
    m_binding.bindValue(10, textOrNull(ended ? b.endReason : QString()));
    m_binding.bindValue(11, b.ageWarningConfirmed ? 1 : 0);
    exec(m_binding, "bulk insert binding");
    b.id = m_binding.lastInsertId().toLongLong();
    for (const QString &proof : b.proofs) {
        m_proof.bindValue(0, b.id);
        m_proof.bindValue(1, proof);
        exec(m_proof, "bulk insert binding_proof");
    }
}

void BulkLoader::addAudit(const QString &at, const QString &actor, const QString &action, const QString &subject,
                          const QString &detailJson)
{
    m_audit.bindValue(0, at);
    m_audit.bindValue(1, actor);
    m_audit.bindValue(2, action);
    m_audit.bindValue(3, subject);
    m_audit.bindValue(4, detailJson);
    exec(m_audit, "bulk insert audit_log");
}

void BulkLoader::commit()
{
    if (!m_open)
        return;
    // Statements are finished first, or COMMIT could find them still running.
    m_person.finish();
    m_filing.finish();
    m_binding.finish();
    m_proof.finish();
    m_audit.finish();
    SqlStatement::run(m_connection, QStringLiteral("COMMIT"));
    m_open = false;
}

void BulkLoader::checkpoint() { SqlStatement::run(m_connection, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); }

} // namespace gongji
