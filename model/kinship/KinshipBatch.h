#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace gongji {

// Batch intake of kinship-account bindings (亲情账户, docs/domain.md §8) from a CSV file. Rows are
// checked in file order and later rows see earlier accepted ones (PendingKinship). With commit,
// each accepted row is stored through KinshipSubmission, the same path as the counter.
class KinshipBatch
{
public:
    struct RowResult
    {
        int row = 0; // 1-based data row
        int line = 0; // line in the file
        QString verdict; // "accepted" | "refused"
        QStringList codes;
        QString bindingNumber; // QQ…, set only when committed
    };
    struct Options
    {
        bool commit = false;
        QString clerk = QStringLiteral("batch");
    };
    struct Result
    {
        bool ok = false;
        QString fileError; // unreadable file, wrong header, malformed rows, storage failure
        QString encoding; // what the file was read as (CsvEncodings::name); empty when unread
        QList<RowResult> rows; // empty when the file was refused as a whole
    };

    explicit KinshipBatch(const QString &connection);

    static QString expectedHeader();
    Result run(const QString &path, const Options &options);

private:
    QString m_connection;
};

} // namespace gongji
