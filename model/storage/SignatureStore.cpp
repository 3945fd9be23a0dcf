#include "model/storage/SignatureStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/StatementBatch.h"
#include "model/storage/Timestamp.h"

namespace gongji {

SignatureStore::SignatureStore(const QString &connection) : m_connection(connection) {}

void SignatureStore::insert(qint64 filingId, const Signature &signature)
{
    StatementBatch batch(m_connection);
    queueInsert(batch, filingId, signature);
    batch.run();
}

void SignatureStore::queueInsert(StatementBatch &batch, qint64 filingId, const Signature &signature)
{
    batch.add(QStringLiteral("INSERT INTO filing_signature (filing_id, strokes, png_base64, signed_at) "
                             "VALUES (:filing, :strokes, :png, :at)"));
    batch.bind(QStringLiteral(":filing"), filingId)
        .bind(QStringLiteral(":strokes"), signature.strokesJson())
        .bind(QStringLiteral(":png"), QString::fromLatin1(signature.png().toBase64()))
        .bind(QStringLiteral(":at"), Timestamp::toText(signature.signedAt));
}

std::optional<Signature> SignatureStore::find(qint64 filingId) const
{
    SqlStatement q(m_connection,
                   QStringLiteral("SELECT strokes, signed_at FROM filing_signature WHERE filing_id = :filing"));
    q.bind(QStringLiteral(":filing"), filingId).exec();
    if (!q.next())
        return std::nullopt;
    return Signature::fromStrokesJson(q.value(0).toString(), Timestamp::fromText(q.value(1).toString()));
}

QByteArray SignatureStore::png(qint64 filingId) const
{
    SqlStatement q(m_connection, QStringLiteral("SELECT png_base64 FROM filing_signature WHERE filing_id = :filing"));
    q.bind(QStringLiteral(":filing"), filingId).exec();
    return q.next() ? QByteArray::fromBase64(q.value(0).toString().toLatin1()) : QByteArray();
}

} // namespace gongji
