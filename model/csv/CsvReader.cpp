#include "model/csv/CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include "model/csv/Gb18030Decoder.h"

namespace gongji {

namespace {

// A physical line longer than this cannot hold a sane record (11 fields of maxFieldLength
// characters, 4 bytes each, is about 180 KB); reading stops instead of filling memory.
constexpr qint64 maxLineBytes = 1024 * 1024;

// Where the run of characters from `from` ends: at a quote, at a comma outside quotes, or at `length`.
qsizetype runEnd(const QChar *data, qsizetype from, qsizetype length, bool quoted)
{
    qsizetype i = from;
    while (i < length && data[i] != QLatin1Char('"') && (quoted || data[i] != QLatin1Char(',')))
        ++i;
    return i;
}

} // namespace

CsvReader::CsvReader(QIODevice *device) : m_device(device) {}

CsvReader::~CsvReader() = default;

Gb18030Decoder &CsvReader::gb18030()
{
    if (!m_gb18030)
        m_gb18030 = std::make_unique<Gb18030Decoder>();
    return *m_gb18030;
}

// One physical line into text, in the file's encoding; decides that encoding at the first line
// that needs it. False with the problem in m_error's words when the bytes are not readable.
bool CsvReader::decodeLine(QByteArrayView bytes, QString &line)
{
    if (m_first && bytes.startsWith("\xEF\xBB\xBF")) {
        m_encoding = CsvEncoding::Utf8WithBom;
        m_encodingDecided = true;
        bytes = bytes.sliced(3);
    }
    if (!m_encodingDecided && !CsvEncodings::isAscii(bytes)) {
        QByteArray sample = bytes.toByteArray() + m_device->peek(encodingSampleBytes);
        if (sample.size() - bytes.size() == encodingSampleBytes) // more follows: whole lines only
            sample.truncate(sample.lastIndexOf('\n') + 1);
        m_encoding = CsvEncodings::detect(sample, gb18030());
        m_encodingDecided = true;
    }
    if (m_encoding == CsvEncoding::Gb18030)
        return gb18030().decode(bytes, line);
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    line = decoder.decode(bytes);
    return !decoder.hasError();
}

// What is wrong with a line that its file's encoding cannot read: which bytes, and whether the
// other encoding would have read them (a file put together from two sources).
QString CsvReader::unreadableBytes(QByteArrayView bytes)
{
    qsizetype length = 0;
    const bool gb = m_encoding == CsvEncoding::Gb18030;
    qsizetype at = gb ? gb18030().errorAt(bytes, &length) : CsvEncodings::utf8ErrorAt(bytes, &length);
    if (at < 0) { // cannot happen for bytes that failed to decode; name the whole line then
        at = 0;
        length = bytes.size();
    }
    // The bad sequence and the non-ASCII bytes right after it, at most 4: what a hex viewer shows.
    qsizetype shown = length;
    while (shown < 4 && at + shown < bytes.size() && uchar(bytes[at + shown]) >= 0x80)
        ++shown;
    const QString hex
        = QString::fromLatin1(bytes.sliced(at, qMin(shown, bytes.size() - at)).toByteArray().toHex(' ').toUpper());
    QString ignored;
    const bool otherReads = gb ? CsvEncodings::utf8ErrorAt(bytes, &length) < 0 : gb18030().decode(bytes, ignored);
    if (otherReads)
        return QCoreApplication::translate(
                   "CsvReader",
                   "the bytes %1 are not %2 like the lines before them: the file mixes two encodings. Save it "
                   "again in one encoding (in Excel: Save As, \"CSV UTF-8\").")
            .arg(hex, CsvEncodings::name(m_encoding));
    return QCoreApplication::translate(
               "CsvReader",
               "the bytes %1 are neither UTF-8 nor GB18030 (GBK): the file is damaged or is not a CSV file. "
               "Save it again as CSV (in Excel: Save As, \"CSV UTF-8\").")
        .arg(hex);
}

bool CsvReader::readHeader()
{
    QStringList fields;
    if (readRaw(fields)) {
        m_header = fields;
        return true;
    }
    if (!hasError())
        m_error = QCoreApplication::translate("CsvReader",
                                              "The file is empty: it has no header row. Export "
                                              "the file again with its header row.");
    return false;
}

bool CsvReader::readRecord(QStringList &fields)
{
    fields.clear();
    return readRaw(fields);
}

bool CsvReader::seekRecord(qint64 position, int line)
{
    if (!m_device || !m_device->seek(position))
        return false;
    m_error.clear();
    m_line = line - 1;
    m_first = false; // a byte-order mark can only start the file
    return true;
}

// The next line, '\n' included, into a buffer kept from line to line, cut at maxLineBytes.
// (QIODevice::readLine(maxLineBytes) would allocate the whole megabyte for every line: a
// fresh block from the system, and its page faults, a million times for a registry.)
const QByteArray &CsvReader::readPhysicalLine()
{
    constexpr qint64 chunk = 4096;
    m_raw.resize(0);
    while (m_raw.size() < maxLineBytes) {
        const qsizetype at = m_raw.size();
        const qint64 room = qMin(chunk, maxLineBytes - at);
        m_raw.resize(at + room + 1); // readLine() ends what it read with '\0'
        const qint64 got = m_device->readLine(m_raw.data() + at, room + 1);
        m_raw.resize(at + qMax(got, qint64(0)));
        if (got <= 0 || m_raw.endsWith('\n'))
            break;
    }
    return m_raw;
}

// One record, which may span several physical lines when a quoted field holds a line break.
// Lines are decoded one at a time: a '\n' byte never occurs inside a UTF-8 or GB18030
// sequence, so a line is a safe unit for both decoding and line numbers.
bool CsvReader::readRaw(QStringList &fields)
{
    if (hasError() || !m_device)
        return false;

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    QString field;
    bool inRecord = false;

    auto fail = [this](int line, const QString &message) {
        m_error = QCoreApplication::translate("CsvReader", "Line %1: %2").arg(QString::number(line), message);
        return false;
    };
    auto failTooLong = [this, &fail]() {
        return fail(m_line,
                    QCoreApplication::translate("CsvReader",
                                                "a field is longer than %1 characters; check that this "
                                                "is the right CSV file.")
                        .arg(maxFieldLength));
    };
    auto failUnclosed = [this, &fail]() {
        return fail(m_recordLine,
                    QCoreApplication::translate("CsvReader",
                                                "a quoted field is not closed before the end of "
                                                "the file; add the missing closing quote (\")."));
    };

    while (true) {
        if (m_device->atEnd()) {
            if (!inRecord)
                return false;
            // Only a quoted field keeps a record open across lines.
            return failUnclosed();
        }
        const qint64 lineStart = m_device->pos();
        const QByteArray &raw = readPhysicalLine();
        ++m_line;
        if (!raw.endsWith('\n') && !m_device->atEnd()) // cut at maxLineBytes
            return fail(m_line,
                        QCoreApplication::translate("CsvReader",
                                                    "the line is too long (over %1 bytes); check that this is "
                                                    "the right CSV file.")
                            .arg(maxLineBytes));

        QString line;
        if (!decodeLine(raw, line))
            return fail(m_line, unreadableBytes(raw));
        if (m_first) {
            m_first = false;
            if (line.startsWith(QChar(0xFEFF))) // GB18030's own byte order mark
                line.remove(0, 1);
        }
        bool hadBreak = false;
        if (line.endsWith(QLatin1Char('\n'))) {
            line.chop(1);
            hadBreak = true;
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
        }

        if (!inRecord) {
            if (line.isEmpty())
                continue; // empty lines between records carry nothing
            inRecord = true;
            m_recordLine = m_line;
            m_recordPosition = lineStart;
        } else {
            // Continuing a quoted field: the line break belongs to the field, as LF, and counts
            // towards its length (a file of empty lines inside quotes must not grow it unbounded).
            field.append(QLatin1Char('\n'));
            if (field.size() > maxFieldLength)
                return failTooLong();
        }

        // Runs of ordinary characters are appended in one piece: a registry has a million lines.
        const QChar *data = line.constData();
        const qsizetype length = line.size();
        for (qsizetype i = 0; i < length; ++i) {
            const QChar c = data[i];
            switch (state) {
            case State::FieldStart:
                if (c == QLatin1Char('"')) {
                    state = State::Quoted;
                    continue;
                }
                if (c == QLatin1Char(',')) {
                    fields.append(field);
                    field.clear();
                    continue;
                }
                state = State::Unquoted;
                Q_FALLTHROUGH();
            case State::Unquoted: {
                const qsizetype end = runEnd(data, i, length, false);
                field.append(data + i, end - i);
                if (field.size() > maxFieldLength)
                    return failTooLong();
                i = end - 1;
                if (end == length)
                    break;
                if (data[end] == QLatin1Char(',')) {
                    fields.append(field);
                    field.clear();
                    state = State::FieldStart;
                    i = end;
                    continue;
                }
                return fail(m_line,
                            QCoreApplication::translate("CsvReader",
                                                        "a quote (\") inside an unquoted field; enclose the "
                                                        "whole field in quotes and double the quote (\"\")."));
            }
            case State::Quoted: {
                const qsizetype end = runEnd(data, i, length, true);
                field.append(data + i, end - i);
                if (field.size() > maxFieldLength)
                    return failTooLong();
                i = end; // on the quote, or past the end
                if (end < length)
                    state = State::QuoteInQuoted;
                break;
            }
            case State::QuoteInQuoted:
                if (c == QLatin1Char('"')) {
                    field.append(c); // "" is one quote
                    state = State::Quoted;
                    continue;
                }
                if (c == QLatin1Char(',')) {
                    fields.append(field);
                    field.clear();
                    state = State::FieldStart;
                    continue;
                }
                return fail(m_line,
                            QCoreApplication::translate("CsvReader",
                                                        "text after the closing quote of a field; a quote inside "
                                                        "a quoted field must be doubled (\"\")."));
            }
            if (field.size() > maxFieldLength)
                return failTooLong();
        }

        if (state == State::Quoted) {
            if (!hadBreak)
                return failUnclosed();
            continue; // the record goes on on the next line
        }
        fields.append(field);
        return true;
    }
}

} // namespace gongji
