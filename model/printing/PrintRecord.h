#pragma once
#include <QDateTime>
#include <QString>

namespace gongji {

// Which print of a document this is; a summary prints it (补打 on a reprint).
struct PrintStamp
{
    int copy = 0; // 1 = the first print, 2 = the first reprint, …; 0 = not recorded
    QDateTime printedAt; // UTC
    QString clerk; // who printed

    bool isRecorded() const { return copy > 0; }
    bool isReprint() const { return copy > 1; }
};

// Writes the "print" audit entry of a summary: who printed which document, first print or
// reprint. Every print attempt is recorded, before the document is built, because the
// document itself must say whether it is a reprint.
class PrintRecord
{
public:
    enum class Document { Filing, Revocation, Kinship, QuotaChange };

    explicit PrintRecord(const QString &connection);

    // The audit subject: the filing number, "revocation:<binding id>", "kinship:<QQ… number>" or
    // "quota_change:<change id>".
    static QString subject(Document document, const QString &key);
    // How many prints of that document the audit log holds.
    qint64 printCount(Document document, const QString &key) const;
    // One transaction: count earlier prints, append the entry. `key` is the filing number, the
    // binding id or the kinship number; `output` says where it went ("pdf", "printer"). Unrecorded stamp with *error
    // set on a storage failure.
    PrintStamp record(Document document, const QString &key, const QString &clerk, const QString &output,
                      QString *error = nullptr);

private:
    QString m_connection;
};

} // namespace gongji
