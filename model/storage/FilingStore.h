#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

#include "model/domain/Filing.h"

namespace gongji {

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
    std::optional<Filing> findByNumber(const QString &number) const;
    std::optional<Filing> findById(qint64 id) const;
    qint64 count() const;

private:
    QString m_connection;
};

} // namespace gongji
