#include "model/storage/Migrations.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QStringList>

#include "model/storage/RuleSetStore.h"
#include "model/storage/SqlDialect.h"
#include "model/storage/SqlStatement.h"
#include "model/storage/StorageError.h"
#include "model/storage/Timestamp.h"
#include "model/storage/WriteTransaction.h"

namespace gongji {

namespace {

// lupdate takes the context from this declaration.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
};

// Version 1: registry, rules, filings, bindings, audit log. Portable SQL (SQLite and
// PostgreSQL): no AUTOINCREMENT, no datetime('now'), money in integer fen, times as ISO text;
// {KEY} and {REF} are the id column types of SqlDialect.
const QStringList kVersion1 = {
    QStringLiteral(R"(CREATE TABLE person (
        id {KEY},
        name TEXT NOT NULL,
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL,
        sex TEXT CHECK (sex IN ('M', 'F')),
        birth_date TEXT,
        insurance_type TEXT NOT NULL CHECK (insurance_type IN ('310', '390')),
        employment TEXT CHECK (employment IN ('working', 'retired')),
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'deceased')),
        pooling_region TEXT NOT NULL,
        balance_fen INTEGER NOT NULL DEFAULT 0,
        public_medical INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (id_type, id_number)))"),
    QStringLiteral("CREATE INDEX person_by_name ON person (name)"),
    QStringLiteral(R"(CREATE TABLE rule_set (
        id {KEY},
        region TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        title TEXT NOT NULL,
        source_note TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL CHECK (scope IN ('same_pooling_region', 'same_province', 'nationwide')),
        max_authorizers_per_target INTEGER,
        max_targets_per_authorizer INTEGER,
        allow_mutual INTEGER NOT NULL,
        exclude_public_medical INTEGER NOT NULL,
        reserve_floor_fen INTEGER NOT NULL,
        payment_order TEXT NOT NULL CHECK (payment_order IN ('by_balance_desc', 'by_binding_order')),
        cooldown_days INTEGER NOT NULL,
        created_at TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX rule_set_by_region ON rule_set (region, effective_from)"),
    QStringLiteral(R"(CREATE TABLE rule_set_relationship (
        rule_set_id {REF} NOT NULL REFERENCES rule_set (id),
        relationship TEXT NOT NULL,
        PRIMARY KEY (rule_set_id, relationship)))"),
    QStringLiteral(R"(CREATE TABLE rule_set_id_type (
        rule_set_id {REF} NOT NULL REFERENCES rule_set (id),
        id_type TEXT NOT NULL,
        PRIMARY KEY (rule_set_id, id_type)))"),
    QStringLiteral(R"(CREATE TABLE rule_set_payable (
        rule_set_id {REF} NOT NULL REFERENCES rule_set (id),
        item TEXT NOT NULL,
        PRIMARY KEY (rule_set_id, item)))"),
    QStringLiteral(R"(CREATE TABLE filing (
        id {KEY},
        filing_no TEXT NOT NULL UNIQUE,
        authorizer_id {REF} NOT NULL REFERENCES person (id),
        clerk TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('counter', 'batch')),
        filed_at TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        rule_set_id {REF} NOT NULL REFERENCES rule_set (id),
        commitment_version TEXT NOT NULL,
        commitment_at TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX filing_by_authorizer ON filing (authorizer_id)"),
    QStringLiteral(R"(CREATE TABLE binding (
        id {KEY},
        filing_id {REF} NOT NULL REFERENCES filing (id),
        authorizer_id {REF} NOT NULL REFERENCES person (id),
        target_id {REF} NOT NULL REFERENCES person (id),
        relationship TEXT NOT NULL,
        rule_set_id {REF} NOT NULL REFERENCES rule_set (id),
        status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        ended_by TEXT,
        end_requested_by TEXT CHECK (end_requested_by IN ('authorizer', 'target', 'system')),
        end_reason TEXT,
        age_warning_confirmed INTEGER NOT NULL DEFAULT 0,
        CHECK (authorizer_id <> target_id),
        CHECK ((status = 'active') = (ended_at IS NULL))))"),
    // One active binding per pair, whatever the application does (both engines support partial indexes).
    QStringLiteral(
        "CREATE UNIQUE INDEX binding_one_active_pair ON binding (authorizer_id, target_id) WHERE status = 'active'"),
    QStringLiteral("CREATE INDEX binding_by_target ON binding (target_id, status)"),
    QStringLiteral("CREATE INDEX binding_by_authorizer ON binding (authorizer_id, status)"),
    QStringLiteral("CREATE INDEX binding_by_filing ON binding (filing_id)"),
    QStringLiteral(R"(CREATE TABLE binding_proof (
        binding_id {REF} NOT NULL REFERENCES binding (id),
        proof TEXT NOT NULL,
        PRIMARY KEY (binding_id, proof)))"),
    QStringLiteral(R"(CREATE TABLE audit_log (
        id {KEY},
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'))"),
    QStringLiteral("CREATE INDEX audit_log_by_time ON audit_log (at)"),
};

// Version 2: kinship accounts (亲情账户), a thing of their own beside mutual aid (docs/domain.md §8),
// with their limits as data.
const QStringList kVersion2 = {
    QStringLiteral(R"(CREATE TABLE kinship_rule (
        id {KEY},
        effective_from TEXT NOT NULL,
        max_members_per_holder INTEGER NOT NULL CHECK (max_members_per_holder >= 1),
        face_verification_age INTEGER NOT NULL CHECK (face_verification_age >= 0),
        source_note TEXT NOT NULL DEFAULT ''))"),
    QStringLiteral(
        "INSERT INTO kinship_rule (effective_from, max_members_per_holder, face_verification_age, source_note) "
        "VALUES ('2000-01-01', 5, 16, 'National medical-insurance e-voucher kinship account: at most 5 members; "
        "face verification from age 16, household register below.')"),
    QStringLiteral(R"(CREATE TABLE kinship_binding (
        id {KEY},
        binding_no TEXT NOT NULL UNIQUE,
        holder_id {REF} NOT NULL REFERENCES person (id),
        member_id {REF} NOT NULL REFERENCES person (id),
        relationship TEXT NOT NULL,
        face_verified INTEGER NOT NULL DEFAULT 0,
        household_register_seen INTEGER NOT NULL DEFAULT 0,
        clerk TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('counter', 'batch')),
        status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        ended_by TEXT,
        end_requested_by TEXT CHECK (end_requested_by IN ('holder', 'member', 'system')),
        end_reason TEXT,
        CHECK (holder_id <> member_id),
        CHECK ((status = 'active') = (ended_at IS NULL))))"),
    QStringLiteral("CREATE UNIQUE INDEX kinship_one_active_pair ON kinship_binding (holder_id, member_id) WHERE status "
                   "= 'active'"),
    QStringLiteral("CREATE INDEX kinship_by_holder ON kinship_binding (holder_id, status)"),
    QStringLiteral("CREATE INDEX kinship_by_member ON kinship_binding (member_id, status)"),
};

// Version 3: clerk accounts. Passwords only as Argon2id hashes (libsodium's string
// form, which carries its own parameters); lockout state kept with the account.
const QStringList kVersion3 = {
    QStringLiteral(R"(CREATE TABLE clerk (
        id {KEY},
        login TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL))"),
};

// Version 4: the supervisor's audit viewer filters by clerk or action, newest first, over a log
// of millions of rows; without these a rare clerk's entries mean a scan of the whole log, and
// the filter lists (SELECT DISTINCT) read the index instead of the table.
const QStringList kVersion4 = {
    QStringLiteral("CREATE INDEX audit_log_by_actor ON audit_log (actor, at)"),
    QStringLiteral("CREATE INDEX audit_log_by_action ON audit_log (action, at)"),
};

// Version 5: the person table's status CHECK as comparisons instead of an IN list. SQLite
// evaluates an IN list of more than two values through a temporary b-tree that it builds on
// every INSERT (EXPLAIN shows OpenEphemeral): about half of what storing an imported registry
// row cost. Both forms accept the same values, so no stored row changes and SQLite's table text
// can be rewritten in place (sqlite.org/lang_altertable.html, the simpler procedure for CHECK
// changes that leave the stored rows as they are): no copy of a table of millions. PostgreSQL
// evaluates IN lists without that cost; there the step only counts the version.
const QString kStatusCheckBefore
    = QStringLiteral("CHECK (status IN ('active', 'suspended', 'terminated', 'deceased'))");
const QString kStatusCheckAfter = QStringLiteral(
    "CHECK (status = 'active' OR status = 'suspended' OR status = 'terminated' OR status = 'deceased')");

// Version 6: the rules of 2026. A binding may end on a date (授权期限, inclusive; NULL =
// open-ended), and a rule set may cap that period in months (NULL = unlimited). Added columns:
// every stored row keeps its values and reads as open-ended and unlimited. The partial index
// lets the expiry at start-up find the bindings past their date without a scan.
const QStringList kVersion6 = {
    QStringLiteral("ALTER TABLE binding ADD COLUMN valid_until TEXT"),
    QStringLiteral("ALTER TABLE rule_set ADD COLUMN max_period_months INTEGER "
                   "CHECK (max_period_months IS NULL OR max_period_months >= 1)"),
    QStringLiteral("CREATE INDEX binding_by_valid_until ON binding (valid_until) "
                   "WHERE status = 'active' AND valid_until IS NOT NULL"),
};

// Version 7: the cross-province quota (共济额度). A rule set says beyond which boundary a target
// needs money set aside ('none' keeps every stored set as it was); a binding carries the amount
// set aside, in fen, NULL where nothing is; each later change of it is kept. Stored rule sets are
// not switched to 'province' here: a set that bindings were checked against never changes in
// place (docs/quota.md).
const QStringList kVersion7 = {
    QStringLiteral("ALTER TABLE rule_set ADD COLUMN quota_required_beyond TEXT NOT NULL DEFAULT 'none' "
                   "CHECK (quota_required_beyond = 'none' OR quota_required_beyond = 'province')"),
    QStringLiteral("ALTER TABLE binding ADD COLUMN quota_fen INTEGER CHECK (quota_fen IS NULL OR quota_fen > 0)"),
    // Every change of a quota on an active binding (调整额度), for its printed summary and the history.
    QStringLiteral(R"(CREATE TABLE binding_quota_change (
        id {KEY},
        binding_id {REF} NOT NULL REFERENCES binding (id),
        changed_at TEXT NOT NULL,
        clerk TEXT NOT NULL,
        quota_before_fen INTEGER,
        quota_after_fen INTEGER))"),
    QStringLiteral("CREATE INDEX binding_quota_change_by_binding ON binding_quota_change (binding_id)"),
};

// Version 9: the hand-over journal (docs/journal.md). Every stored change gets a line with a
// gap-free sequence number: journal_counter holds the last number given; the writing transaction
// adds one to it, so a rolled-back change gives its number back and two counters can never take
// the same one (the UPDATE waits for the other writer's row on either engine). The line is
// stored as exported, so that exporting again writes the same bytes; the journal is append-only.
const QStringList kVersion9 = {
    QStringLiteral(R"(CREATE TABLE journal_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq {REF} NOT NULL))"),
    QStringLiteral("INSERT INTO journal_counter (id, last_seq) VALUES (1, 0)"),
    QStringLiteral(R"(CREATE TABLE journal (
        seq {REF} PRIMARY KEY CHECK (seq > 0),
        at TEXT NOT NULL,
        item TEXT NOT NULL,
        clerk TEXT NOT NULL,
        binding_id {REF} REFERENCES binding (id),
        kinship_binding_id {REF} REFERENCES kinship_binding (id),
        line TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX journal_by_binding ON journal (binding_id)"),
    QStringLiteral("CREATE INDEX journal_by_kinship ON journal (kinship_binding_id)"),
    QStringLiteral(R"(CREATE TABLE journal_receipt (
        seq {REF} PRIMARY KEY REFERENCES journal (seq),
        result TEXT NOT NULL CHECK (result IN ('accepted', 'rejected')),
        reason TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK ((result = 'rejected') = (reason <> ''))))"),
};

// Version 10: the office statistics (docs/statistics.md). Refused targets are counted without any
// ID number (who, when, where, which codes); the counted tables get indexes on their times, so a
// month is a range scan: the filing index also holds the clerk and rule set it is grouped by.
const QStringList kVersion10 = {
    QStringLiteral(R"(CREATE TABLE refused_target (
        id {KEY},
        at TEXT NOT NULL,
        clerk TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('counter', 'batch')),
        pooling_region TEXT NOT NULL DEFAULT '',
        rule_set_id {REF} REFERENCES rule_set (id)))"),
    QStringLiteral("CREATE INDEX refused_target_by_time ON refused_target (at, clerk)"),
    QStringLiteral(R"(CREATE TABLE refused_code (
        refused_target_id {REF} NOT NULL REFERENCES refused_target (id),
        code TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (refused_target_id, code)))"),
    QStringLiteral("CREATE INDEX refused_code_by_time ON refused_code (at, code)"),
    QStringLiteral("CREATE INDEX filing_by_time ON filing (filed_at, clerk, rule_set_id)"),
    QStringLiteral("CREATE INDEX binding_by_end ON binding (ended_at) WHERE ended_at IS NOT NULL"),
    QStringLiteral("CREATE INDEX kinship_by_start ON kinship_binding (started_at)"),
    QStringLiteral("CREATE INDEX kinship_by_end ON kinship_binding (ended_at) WHERE ended_at IS NOT NULL"),
};

void rewriteTableText(const QString &connection, const QString &table, const QString &before, const QString &after)
{
    SqlStatement version(connection, QStringLiteral("PRAGMA schema_version"));
    version.exec();
    const int schemaVersion = version.next() ? version.value(0).toInt() : 0;
    SqlStatement::run(connection, QStringLiteral("PRAGMA writable_schema = ON"));
    const auto backToReadOnly = qScopeGuard([&] {
        try {
            SqlStatement::run(connection, QStringLiteral("PRAGMA writable_schema = OFF"));
        } catch (const StorageError &) {
            // Only a flag of this connection; Database::open closes it when the step failed.
        }
    });
    SqlStatement update(connection,
                        QStringLiteral("UPDATE sqlite_master SET sql = replace(sql, :before, :after) "
                                       "WHERE type = 'table' AND name = :table AND instr(sql, :before) > 0"));
    update.bind(QStringLiteral(":before"), before)
        .bind(QStringLiteral(":after"), after)
        .bind(QStringLiteral(":table"), table);
    update.exec();
    if (update.rowsAffected() != 1) {
        throw StorageError(StorageError::Kind::Other,
                           Text::tr("The table %1 is not as version 1 of the schema made it, so it was not "
                                    "upgraded and nothing was changed. Restore a backup or ask for support.")
                               .arg(table));
    }
    // Every connection reads the schema again when this number moves.
    SqlStatement::run(connection, QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion + 1));
}

// Version 8: the clerks' password policy as data (the supervisor sets it; the first row is the
// level-2 default), the hashes of earlier passwords (not to be used again), and when each
// account's password was set (its maximum age counts from there; existing accounts from now on).
const QStringList kVersion8 = {
    QStringLiteral(R"(CREATE TABLE password_policy (
        id {KEY},
        min_length INTEGER NOT NULL CHECK (min_length >= 8),
        min_classes INTEGER NOT NULL CHECK (min_classes BETWEEN 1 AND 4),
        max_age_days INTEGER NOT NULL CHECK (max_age_days >= 0),
        history_count INTEGER NOT NULL CHECK (history_count >= 0),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL))"),
    QStringLiteral("INSERT INTO password_policy (min_length, min_classes, max_age_days, history_count, set_by, set_at) "
                   "VALUES (8, 3, 90, 5, 'gongji-desk', '2026-01-01T00:00:00.000Z')"),
    QStringLiteral(R"(CREATE TABLE password_history (
        id {KEY},
        clerk_id {REF} NOT NULL REFERENCES clerk (id),
        password_hash TEXT NOT NULL,
        set_at TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX password_history_by_clerk ON password_history (clerk_id, id)"),
    QStringLiteral("ALTER TABLE clerk ADD COLUMN password_changed_at TEXT"),
    QStringLiteral("UPDATE clerk SET password_changed_at = {NOW}"),
};

// Version 11: how the authorizer acknowledged the commitment letter. Filings made before were
// acknowledged on paper (the clerk ticked the signed copy), which the default keeps.
const QStringList kVersion11 = {
    QStringLiteral("ALTER TABLE filing ADD COLUMN commitment_method TEXT NOT NULL DEFAULT 'paper' "
                   "CHECK (commitment_method IN ('paper', 'citizen_screen'))"),
};

// Version 12: the authorizer's electronic signature of a filing (the strokes and the PNG printed on
// the summary) and the citizens' service ratings (好差评). Both are evidence: append-only, the
// database refuses any change or deletion (SqlDialect::appendOnly, as for the audit log).
const QStringList kVersion12 = {
    QStringLiteral(R"(CREATE TABLE filing_signature (
        filing_id {REF} PRIMARY KEY REFERENCES filing (id),
        strokes TEXT NOT NULL,
        png_base64 TEXT NOT NULL CHECK (length(png_base64) <= 90000),
        signed_at TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE service_rating (
        id {KEY},
        service TEXT NOT NULL CHECK (service IN ('filing', 'revocation', 'kinship')),
        reference TEXT NOT NULL,
        clerk TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        reason TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        rated_at TEXT NOT NULL,
        CHECK (level >= 3 OR reason <> ''),
        UNIQUE (service, reference)))"),
    QStringLiteral("CREATE INDEX service_rating_by_clerk ON service_rating (clerk, rated_at)"),
    // The statistics count a period's ratings by a range scan.
    QStringLiteral("CREATE INDEX service_rating_by_time ON service_rating (rated_at, clerk, level)"),
};

// Version 13, office servers only: where a registry import's rows wait between the COPY and the
// merge (RegistryStaging, docs/registry-import.md). A table of the schema because the counter role
// may not create even a temporary one (docs/office-security.md); a transaction sees only its own
// uncommitted rows, so imports at two counters do not meet here, and each deletes its rows before
// it commits. Unlogged: the rows never outlive their transaction, a crash may empty the table.
const QStringList kVersion13Server = {
    QStringLiteral("CREATE UNLOGGED TABLE registry_staging (line INTEGER NOT NULL, name TEXT NOT NULL, "
                   "id_type TEXT NOT NULL, id_number TEXT NOT NULL, sex TEXT, birth_date TEXT, "
                   "insurance_type TEXT NOT NULL, employment TEXT, status TEXT NOT NULL, "
                   "pooling_region TEXT NOT NULL, balance_fen BIGINT NOT NULL, public_medical INTEGER NOT NULL, "
                   "person_id BIGINT, old_status TEXT, old_region TEXT)"),
};

} // namespace

int Migrations::latestVersion() { return 13; }

void Migrations::migrate(const QString &connection, int currentVersion, int targetVersion)
{
    const SqlDialect::Engine engine = SqlDialect::engineOf(connection);
    auto run = [&](const QStringList &statements) {
        for (const QString &statement : statements)
            SqlStatement::run(connection, SqlDialect::schemaText(engine, statement));
    };
    for (int version = currentVersion + 1; version <= qMin(targetVersion, latestVersion()); ++version) {
        WriteTransaction transaction(connection);
        if (version == 1) {
            run(kVersion1);
            run(SqlDialect::appendOnly(engine, QStringLiteral("audit_log"))); // enforced by the database itself
        } else if (version == 2) {
            run(kVersion2);
        } else if (version == 3) {
            run(kVersion3);
        } else if (version == 4) {
            run(kVersion4);
        } else if (version == 5 && engine == SqlDialect::Engine::SQLite) {
            rewriteTableText(connection, QStringLiteral("person"), kStatusCheckBefore, kStatusCheckAfter);
        } else if (version == 6) {
            run(kVersion6);
        } else if (version == 7) {
            run(kVersion7);
        } else if (version == 8) {
            for (const QString &statement : kVersion8)
                SqlStatement::run(connection,
                                  SqlDialect::schemaText(engine, statement)
                                      .replace(QStringLiteral("{NOW}"),
                                               QLatin1Char('\'') + Timestamp::nowText() + QLatin1Char('\'')));
        } else if (version == 9) {
            run(kVersion9);
            run(SqlDialect::appendOnly(engine, QStringLiteral("journal")));
        } else if (version == 10) {
            run(kVersion10);
        } else if (version == 11) {
            run(kVersion11);
        } else if (version == 12) {
            run(kVersion12);
            run(SqlDialect::appendOnly(engine, QStringLiteral("filing_signature")));
            run(SqlDialect::appendOnly(engine, QStringLiteral("service_rating")));
        } else if (version == 13 && engine == SqlDialect::Engine::PostgreSQL) {
            run(kVersion13Server);
        }
        // A new database gets the shipped rule sets in its last step, when rule_set has every
        // column that RuleSetStore writes (they were seeded in step 1 while it had all of them).
        if (currentVersion == 0 && version == latestVersion())
            RuleSetStore(connection).seedDefaultsIfEmpty();
        run(SqlDialect::setSchemaVersion(engine, version));
        transaction.commit();
    }
}

} // namespace gongji
