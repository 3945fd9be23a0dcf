#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

#include "model/domain/Filing.h"

namespace gongji {

class StatementBatch;

// Every SQL statement on filings.
class FilingStore
{
public:
    explicit FilingStore(const QString &connection);

    // Next free number of that day: "GJ" + yyyyMMdd + "-" + 4-digit sequence. Call inside the
    // WriteTransaction that inserts it, so two counters cannot take the same number.
    QString nextNumber(const QDate &day) const;
    // Sets filing.id. Call inside a WriteTransaction.
    void insert(Filing &filing);
    // The same among other statements sent together (StatementBatch): nextNumber's read, and the
    // INSERT of a filing whose id is reserved already (IdReservation).
    static int queueNextNumber(StatementBatch &batch, const QDate &day);
    static QString readNextNumber(const StatementBatch &batch, int index, const QDate &day);
    static void queueInsert(StatementBatch &batch, const Filing &filing);
    std::optional<Filing> findByNumber(const QString &number) const;
    std::optional<Filing> findById(qint64 id) const;
    qint64 count() const;

private:
    QString m_connection;
};

} // namespace gongji
