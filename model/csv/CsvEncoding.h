#pragma once
#include <QByteArrayView>
#include <QString>

namespace gongji {

class Gb18030Decoder;

// The encodings an interchange file may come in (docs/domain.md §10): what spreadsheets write
// on Chinese desktops. GB18030 covers GBK and GB2312.
enum class CsvEncoding { Utf8, Utf8WithBom, Gb18030 };

class CsvEncodings
{
public:
    // As people say it: "UTF-8", "UTF-8 with BOM", "GB18030 (GBK)".
    static QString name(CsvEncoding encoding);
    // Which encoding `sample` is in: UTF-8 when it is valid UTF-8, else GB18030 when it decodes
    // as that without error, else the one that reads further before its first error. `sample`
    // is whole lines: the start of the first line with a byte above 0x7F and what follows.
    static CsvEncoding detect(QByteArrayView sample, Gb18030Decoder &gb18030);
    // Where the first byte sequence that is not UTF-8 (overlong, surrogate, beyond U+10FFFF or
    // cut short) starts, with its length in `*length`; -1 when all of `bytes` is UTF-8.
    static qsizetype utf8ErrorAt(QByteArrayView bytes, qsizetype *length);
    static bool isAscii(QByteArrayView bytes);
};

} // namespace gongji
