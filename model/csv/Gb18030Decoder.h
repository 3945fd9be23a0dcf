#pragma once
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>
#include <optional>

namespace gongji {

// GB18030 text (which covers GBK and GB2312: what Excel on Chinese Windows writes) decoded
// strictly: a byte sequence that is not GB18030, or is cut short, is an error, never a
// replacement character. Qt's own codecs have no GB18030; Debian's Qt reaches it through ICU,
// and a Qt built without ICU falls back to glibc's iconv(3).
class Gb18030Decoder
{
public:
    enum class Backend { Automatic, Iconv };

    explicit Gb18030Decoder(Backend backend = Backend::Automatic);
    ~Gb18030Decoder();
    Gb18030Decoder(const Gb18030Decoder &) = delete;
    Gb18030Decoder &operator=(const Gb18030Decoder &) = delete;

    // False when neither ICU nor iconv knows GB18030 (then every decode() fails).
    bool isValid() const;
    // Decodes complete `bytes` into `text`; false when they are not valid GB18030.
    bool decode(QByteArrayView bytes, QString &text);
    // Where the first sequence that is not GB18030 starts in `bytes`, and its length in
    // `*length`; -1 when all of `bytes` decodes. Slow: for error messages only.
    qsizetype errorAt(QByteArrayView bytes, qsizetype *length);

private:
    bool decodeWithIconv(QByteArrayView bytes, QString &text);
    // Made afresh in place after an error: a QStringDecoder assigned by move reports no more
    // errors (Qt 6.4 with ICU).
    std::optional<QStringDecoder> m_icu;
    void *m_iconv = nullptr; // iconv_t, when ICU is not there
};

} // namespace gongji
