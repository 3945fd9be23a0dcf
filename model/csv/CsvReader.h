#pragma once
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace gongji {

// RFC 4180 reader for the interchange files (docs/domain.md §10): UTF-8 (a BOM is skipped), quoted
// fields with "" and line breaks, CRLF or LF, empty lines skipped. Reports errors with the line
// number where the record starts.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);

    // Reads the header row; false with error() set when the file is empty or not UTF-8.
    bool readHeader();
    QStringList header() const { return m_header; }
    // Reads the next record; false at the end or on error (check hasError()).
    bool readRecord(QStringList &fields);
    // Line number (1-based) where the last record returned started.
    int recordLine() const { return m_recordLine; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    static constexpr int maxFieldLength = 4096;

private:
    bool readRaw(QStringList &fields);
    const QByteArray &readPhysicalLine();
    QIODevice *m_device;
    QStringList m_header;
    QByteArray m_raw; // the physical line being read
    QString m_error;
    int m_line = 0;
    int m_recordLine = 0;
    bool m_first = true;
};

} // namespace gongji
