#pragma once
#include <QList>
#include <QString>
#include <QStringList>

#include "model/domain/Finding.h"

namespace gongji {

// Batch intake of the filings CSV (docs/domain.md §10, 单位代办). Rows are checked in file order and
// later rows see earlier accepted ones. With commit, accepted rows sharing authorizer and
// filed_on are stored as one filing through FilingSubmission, the same path as the counter.
class FilingBatch
{
public:
    struct RowResult
    {
        int row = 0; // 1-based data row
        int line = 0; // line in the file
        QString verdict; // "accepted" | "refused" | "needs_confirmation"
        QStringList codes;
        QStringList warnings;
        Findings conflicts; // the findings that name a binding they disagree with
        QString filingNumber; // set only when committed
    };
    struct Options
    {
        bool commit = false;
        bool acceptWarnings = false;
        QString clerk = QStringLiteral("batch");
    };
    struct Result
    {
        bool ok = false;
        QString fileError; // unreadable file, wrong header, storage failure
        QString encoding; // what the file was read as (CsvEncodings::name); empty when unread
        QList<RowResult> rows;
    };

    explicit FilingBatch(const QString &connection);

    // The header of DOMAIN's filings file; the same followed by every optional column
    // (optionalColumns(), all of them or none) is accepted too.
    static QString expectedHeader();
    static QStringList optionalColumns(); // valid_until (YYYY-MM-DD or empty), quota (yuan or empty)
    static QString extendedHeader();
    Result run(const QString &path, const Options &options);

private:
    QString m_connection;
};

} // namespace gongji
