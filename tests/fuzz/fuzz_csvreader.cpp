// libFuzzer target: gongji::CsvReader on arbitrary bytes (UTF-8 and GB18030, BOM, quotes, CRLF,
// empty lines, huge fields). Beyond not crashing: it ends, reports every failure with a message,
// keeps line numbers and field sizes within what it promises, and never lets bytes it could not
// read through as replacement characters: the encoding it says it read is the one that read them.
#include <QBuffer>
#include <QByteArray>

#include <cstdint>
#include <cstdlib>

#include "model/csv/CsvEncoding.h"
#include "model/csv/CsvReader.h"

using namespace gongji;

namespace {

void require(bool condition)
{
    if (!condition)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    if (!reader.readHeader()) {
        require(reader.hasError() && !reader.error().isEmpty());
        return 0;
    }
    const qsizetype physicalLines = bytes.count('\n') + 1;
    int lastLine = reader.recordLine();
    // U+FFFD comes out only where the file has it written in the encoding read.
    const bool replacementWritten = bytes.contains("\xEF\xBF\xBD") || bytes.contains("\x84\x31\xA4\x37");
    auto readCleanly = [&](const QStringList &texts) {
        for (const QString &text : texts)
            require(replacementWritten || !text.contains(QChar(0xFFFD)));
    };
    readCleanly(reader.header());
    QStringList fields;
    int records = 0;
    while (reader.readRecord(fields)) {
        readCleanly(fields);
        require(++records <= physicalLines); // no record without a line of its own
        require(reader.recordLine() > lastLine); // line numbers only go forward
        require(reader.recordLine() <= physicalLines);
        lastLine = reader.recordLine();
        require(!fields.isEmpty());
        for (const QString &field : fields) // line breaks inside quotes count too
            require(field.size() <= CsvReader::maxFieldLength);
    }
    require(reader.hasError() == !reader.error().isEmpty());
    // A file read to its end without error is all text in the encoding reported.
    const CsvEncoding encoding = reader.encoding();
    require(encoding == CsvEncoding::Utf8 || encoding == CsvEncoding::Utf8WithBom || encoding == CsvEncoding::Gb18030);
    if (!reader.hasError() && encoding != CsvEncoding::Gb18030) {
        qsizetype length = 0;
        require(CsvEncodings::utf8ErrorAt(bytes, &length) < 0);
    }
    if (encoding == CsvEncoding::Utf8WithBom)
        require(bytes.startsWith("\xEF\xBB\xBF"));
    require(!reader.readRecord(fields)); // the end, or an error, is final
    return 0;
}
