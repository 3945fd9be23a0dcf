#pragma once
#include <QString>
#include <optional>

#include "model/domain/Signature.h"

namespace gongji {

class StatementBatch;

// Every SQL statement on stored signatures (table filing_signature: one per filing at most,
// append-only: the database refuses to change or delete one, like the audit log).
class SignatureStore
{
public:
    explicit SignatureStore(const QString &connection);

    // Call inside the WriteTransaction that stores the filing.
    void insert(qint64 filingId, const Signature &signature);
    static void queueInsert(StatementBatch &batch, qint64 filingId, const Signature &signature);
    std::optional<Signature> find(qint64 filingId) const;
    // The stored PNG (the picture printed), empty when the filing was not signed on screen.
    QByteArray png(qint64 filingId) const;

private:
    QString m_connection;
};

} // namespace gongji
