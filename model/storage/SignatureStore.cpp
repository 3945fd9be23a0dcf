#include "model/storage/SignatureStore.h"

#include "model/storage/SqlStatement.h"
#include "model/storage/Timestamp.h"

namespace gongji {

SignatureStore::SignatureStore(const QString &connection) : m_connection(connection) {}

void SignatureStore::insert(qint64 filingId, const Signature &signature)
{
    // The PNG as base64 text: the same column type on SQLite and PostgreSQL, and copied between
    // them like any other text.
    SqlStatement q(m_connection,
                   QStringLiteral("INSERT INTO filing_signature (filing_id, strokes, png_base64, signed_at) "
                                  "VALUES (:filing, :strokes, :png, :at)"));
    q.bind(QStringLiteral(":filing"), filingId)
        .bind(QStringLiteral(":strokes"), signature.strokesJson())
        .bind(QStringLiteral(":png"), QString::fromLatin1(signature.png().toBase64()))
        .bind(QStringLiteral(":at"), Timestamp::toText(signature.signedAt))
        .exec();
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
