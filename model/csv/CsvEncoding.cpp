#include "model/csv/CsvEncoding.h"

#include <QCoreApplication>

#include "model/csv/Gb18030Decoder.h"

namespace gongji {

QString CsvEncodings::name(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case CsvEncoding::Utf8WithBom:
        return QCoreApplication::translate("CsvEncodings", "UTF-8 with BOM");
    case CsvEncoding::Gb18030:
        return QStringLiteral("GB18030 (GBK)");
    }
    return {};
}

CsvEncoding CsvEncodings::detect(QByteArrayView sample, Gb18030Decoder &gb18030)
{
    qsizetype length = 0;
    const qsizetype utf8Error = utf8ErrorAt(sample, &length);
    if (utf8Error < 0)
        return CsvEncoding::Utf8;
    QString ignored;
    if (gb18030.decode(sample, ignored))
        return CsvEncoding::Gb18030;
    // Neither: the reader then stops at the first line its encoding cannot read, and names it.
    return gb18030.errorAt(sample, &length) > utf8Error ? CsvEncoding::Gb18030 : CsvEncoding::Utf8;
}

qsizetype CsvEncodings::utf8ErrorAt(QByteArrayView bytes, qsizetype *length)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype at = 0;
    while (at < size) {
        const uint first = data[at];
        if (first < 0x80) {
            ++at;
            continue;
        }
        // The second byte's range depends on the first (RFC 3629): this excludes overlong
        // forms, surrogates and code points beyond U+10FFFF.
        qsizetype needed = 0;
        uint low = 0x80, high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            needed = 1;
        } else if (first >= 0xE0 && first <= 0xEF) {
            needed = 2;
            if (first == 0xE0)
                low = 0xA0;
            else if (first == 0xED)
                high = 0x9F;
        } else if (first >= 0xF0 && first <= 0xF4) {
            needed = 3;
            if (first == 0xF0)
                low = 0x90;
            else if (first == 0xF4)
                high = 0x8F;
        } else {
            *length = 1;
            return at;
        }
        qsizetype good = 1;
        while (good <= needed && at + good < size) {
            const uint next = data[at + good];
            if (next < (good == 1 ? low : 0x80u) || next > (good == 1 ? high : 0xBFu))
                break;
            ++good;
        }
        if (good <= needed) {
            *length = good; // the lead byte and the continuation bytes that were right
            return at;
        }
        at += good;
    }
    *length = 0;
    return -1;
}

bool CsvEncodings::isAscii(QByteArrayView bytes)
{
    uchar any = 0;
    for (const char c : bytes) // no early exit: the loop vectorizes
        any |= uchar(c);
    return any < 0x80;
}

} // namespace gongji
