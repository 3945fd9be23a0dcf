#pragma once
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace gongji {

// One counter (or batch) filing: an authorizer, a commitment, one or more bindings.
struct Filing
{
    qint64 id = 0;
    QString number;           // GJ20261122-0001
    qint64 authorizerId = 0;
    QString clerk;
    QString channel;          // "counter" / "batch"
    QDateTime filedAt;        // UTC
    QDate effectiveOn;
    qint64 ruleSetId = 0;
    QString commitmentVersion;
    QDateTime commitmentAt;   // UTC
};

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
