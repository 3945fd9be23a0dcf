#include "model/storage/StatementBatch.h"
#include "model/storage/ClerkStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

namespace {

const char kColumns[]
    = "id, login, display_name, role, password_hash, active, failed_attempts, locked_until, password_changed_at";

ClerkAccount accountFrom(const SqlRow &row)
{
    ClerkAccount a;
    a.id = row.value(0).toLongLong();
    a.login = row.value(1).toString();
    a.displayName = row.value(2).toString();
    a.role = ClerkRoles::fromKeyword(row.value(3).toString()).value_or(ClerkRole::Clerk);
    a.passwordHash = row.value(4).toString();
    a.active = row.value(5).toInt() != 0;
    a.failedAttempts = row.value(6).toInt();
    a.lockedUntil = Timestamp::fromText(row.value(7).toString());
    a.passwordChangedAt = Timestamp::fromText(row.value(8).toString());
    return a;
}

} // namespace

ClerkStore::ClerkStore(const QString &connection) : m_connection(connection) {}

int ClerkStore::queueFindByLogin(StatementBatch &batch, const QString &login)
{
    const int index
        = batch.add(QStringLiteral("SELECT %1 FROM clerk WHERE login = :login").arg(QLatin1String(kColumns)));
    batch.bind(QStringLiteral(":login"), login);
    return index;
}

std::optional<ClerkAccount> ClerkStore::readAccount(const StatementBatch &batch, int index)
{
    StatementBatch::Rows row = batch.rows(index);
    return row.next() ? std::optional<ClerkAccount>(accountFrom(row)) : std::nullopt;
}

std::optional<ClerkAccount> ClerkStore::findByLogin(const QString &login) const
{
    StatementBatch batch(m_connection);
    const int index = queueFindByLogin(batch, login);
    batch.run();
    return readAccount(batch, index);
}

QList<ClerkAccount> ClerkStore::all() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT %1 FROM clerk ORDER BY login").arg(QLatin1String(kColumns)));
    q.exec();
    QList<ClerkAccount> accounts;
    while (q.next())
        accounts.append(accountFrom(q));
    return accounts;
}

qint64 ClerkStore::countSupervisors() const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT COUNT(*) FROM clerk WHERE role = 'supervisor' AND active = 1"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

void ClerkStore::insert(ClerkAccount &account)
{
    const QString now = Timestamp::nowText();
    SqlStatement q(
        m_connection,
        QStringLiteral("INSERT INTO clerk (login, display_name, role, password_hash, active, "
                       "failed_attempts, created_at, updated_at, password_changed_at) VALUES (:login, :name, "
                       ":role, :hash, :active, 0, :now, :now, :now) RETURNING id"));
    q.bind(QStringLiteral(":login"), account.login)
        .bind(QStringLiteral(":name"), account.displayName)
        .bind(QStringLiteral(":role"), ClerkRoles::keyword(account.role))
        .bind(QStringLiteral(":hash"), account.passwordHash)
        .bind(QStringLiteral(":active"), account.active ? 1 : 0)
        .bind(QStringLiteral(":now"), now)
        .exec();
    account.id = q.insertedId();
}

void ClerkStore::setLockState(qint64 id, int failedAttempts, const QDateTime &lockedUntil)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE clerk SET failed_attempts = :failed, locked_until = :until, "
                                  "updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":failed"), failedAttempts)
        .bind(QStringLiteral(":until"),
              lockedUntil.isValid() ? QVariant(Timestamp::toText(lockedUntil))
                                    : QVariant(QMetaType::fromType<QString>()))
        .bind(QStringLiteral(":now"), Timestamp::nowText())
        .bind(QStringLiteral(":id"), id)
        .exec();
}

void ClerkStore::setPasswordHash(qint64 id, const QString &hash)
{
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE clerk SET password_hash = :hash, updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":hash"), hash)
        .bind(QStringLiteral(":now"), Timestamp::nowText())
        .bind(QStringLiteral(":id"), id)
        .exec();
}

void ClerkStore::replacePassword(qint64 id, const QString &hash)
{
    const QString now = Timestamp::nowText();
    SqlStatement q(m_connection,
                   QStringLiteral("UPDATE clerk SET password_hash = :hash, password_changed_at = :now, "
                                  "updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":hash"), hash).bind(QStringLiteral(":now"), now).bind(QStringLiteral(":id"), id).exec();
}

void ClerkStore::rememberPassword(qint64 id, const QString &hash)
{
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO password_history (clerk_id, password_hash, set_at) "
                                  "VALUES (:id, :hash, :now)"));
    q.bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":hash"), hash)
        .bind(QStringLiteral(":now"), Timestamp::nowText())
        .exec();
}

QStringList ClerkStore::recentPasswordHashes(qint64 id, int count) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT password_hash FROM password_history WHERE clerk_id = :id "
                                  "ORDER BY id DESC LIMIT :count"));
    q.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":count"), count).exec();
    QStringList hashes;
    while (q.next())
        hashes << q.value(0).toString();
    return hashes;
}

void ClerkStore::setActive(qint64 id, bool active)
{
    SqlStatement q(m_connection, QStringLiteral("UPDATE clerk SET active = :active, updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":active"), active ? 1 : 0)
        .bind(QStringLiteral(":now"), Timestamp::nowText())
        .bind(QStringLiteral(":id"), id)
        .exec();
}

} // namespace gongji
