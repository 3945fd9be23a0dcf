// libFuzzer target: gongji::CsvReader on arbitrary bytes (encodings, BOM, quotes, CRLF, empty
// lines, huge fields). Beyond not crashing: it ends, reports every failure with a message, and
// keeps line numbers and field sizes within what it promises.
#include <QBuffer>
#include <QByteArray>

#include <cstdint>
#include <cstdlib>

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
    QStringList fields;
    int records = 0;
    while (reader.readRecord(fields)) {
        require(++records <= physicalLines);          // no record without a line of its own
        require(reader.recordLine() > lastLine);      // line numbers only go forward
        require(reader.recordLine() <= physicalLines);
        lastLine = reader.recordLine();
        require(!fields.isEmpty());
        for (const QString &field : fields) // line breaks inside quotes count too
            require(field.size() <= CsvReader::maxFieldLength);
    }
    require(reader.hasError() == !reader.error().isEmpty());
    require(!reader.readRecord(fields)); // the end, or an error, is final
    return 0;
}
