#pragma once
#include <QString>

#include "model/storage/AuditEntry.h"

class QIODevice;

namespace gongji {

// The audit log (or the part a filter selects) as a CSV file for a spreadsheet: UTF-8 with a
// byte order mark (Excel), CRLF line ends, a header row
//   time_local,time_utc,clerk,action,subject,detail
// newest first; time_local is "yyyy-MM-dd HH:mm:ss" in the desk's time zone, time_utc the stored
// time, action the raw name, detail the stored JSON. Text fields go through CsvField (formula
// prefixes neutralised). Only a supervisor may export, and every export is itself audited
// ("audit_export", subject the file name, detail the filter and the row count).
class AuditCsv
{
public:
    struct Result
    {
        bool ok = false;
        qint64 rows = 0;
        QString error; // in the UI language
    };

    explicit AuditCsv(const QString &connection);

    // Writes the file at `path` (replaced only when complete), then records the export.
    Result exportTo(const QString &actor, const AuditFilter &filter, const QString &path);

    static QByteArray headerLine();
    static QByteArray line(const AuditEntry &entry);

    static constexpr int pageSize = 2000; // rows read per query while writing

private:
    // Writes every matching row; false when the device refuses a write.
    bool writeRows(const AuditFilter &filter, QIODevice *device, qint64 *rows) const;
    QString m_connection;
};

} // namespace gongji
