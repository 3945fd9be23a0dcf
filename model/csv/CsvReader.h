#pragma once
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <memory>

#include "model/csv/CsvEncoding.h"

namespace gongji {

class Gb18030Decoder;

// RFC 4180 reader for the interchange files (docs/domain.md §10): UTF-8 (a BOM is skipped) or
// GB18030, decided from the bytes; quoted fields with "" and line breaks, CRLF or LF, empty
// lines skipped. Reports errors with the line number where the record starts; bytes the file's
// encoding cannot read are named with their line.
//
// The encoding is decided once, without a second pass over the file: at the first line with a
// byte above 0x7F, from that line and the 64 KiB after it (until then the file is ASCII, which
// both encodings read alike).
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the header row; false with error() set when the file is empty or not readable text.
    bool readHeader();
    QStringList header() const { return m_header; }
    // Reads the next record; false at the end or on error (check hasError()).
    bool readRecord(QStringList &fields);
    // Line number (1-based) where the last record returned started.
    int recordLine() const { return m_recordLine; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    // The encoding read so far: UTF-8 while every byte was ASCII.
    CsvEncoding encoding() const { return m_encoding; }

    static constexpr int maxFieldLength = 4096;
    // How much of the file, from the first line with a non-ASCII byte, decides its encoding.
    static constexpr qint64 encodingSampleBytes = 64 * 1024;

private:
    bool readRaw(QStringList &fields);
    const QByteArray &readPhysicalLine();
    bool decodeLine(QByteArrayView bytes, QString &line);
    QString unreadableBytes(QByteArrayView bytes);
    Gb18030Decoder &gb18030();
    QIODevice *m_device;
    QStringList m_header;
    QByteArray m_raw; // the physical line being read
    QString m_error;
    int m_line = 0;
    int m_recordLine = 0;
    bool m_first = true;
    bool m_encodingDecided = false;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    std::unique_ptr<Gb18030Decoder> m_gb18030; // made when a file needs it
};

} // namespace gongji
