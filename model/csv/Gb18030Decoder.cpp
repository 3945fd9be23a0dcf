#include "model/csv/Gb18030Decoder.h"

#include <cerrno>
#include <iconv.h>

namespace gongji {

namespace {

const iconv_t noIconv = iconv_t(-1);

// The length of the GB18030 sequence starting at bytes[at] by its shape alone (1, 2 or 4),
// or 0 when no sequence can start that way. 0x0A, 0x0D, ',' and '"' never occur inside a
// multi-byte sequence, so lines and fields can be cut on the bytes.
qsizetype sequenceLength(QByteArrayView bytes, qsizetype at)
{
    const auto byte = [&bytes](qsizetype i) { return i < bytes.size() ? uchar(bytes[i]) : 0u; };
    const uint first = byte(at);
    if (first < 0x80)
        return 1;
    if (first == 0x80 || first == 0xFF)
        return 0;
    const uint second = byte(at + 1);
    if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE))
        return 2;
    const uint third = byte(at + 2);
    const uint fourth = byte(at + 3);
    if (second >= 0x30 && second <= 0x39 && third >= 0x81 && third <= 0xFE && fourth >= 0x30 && fourth <= 0x39)
        return 4;
    return 0;
}

} // namespace

Gb18030Decoder::Gb18030Decoder(Backend backend)
{
    if (backend == Backend::Automatic)
        m_icu.emplace("GB18030", QStringConverter::Flag::Stateless);
    if (m_icu && !m_icu->isValid())
        m_icu.reset();
    if (!m_icu) {
        const iconv_t handle = iconv_open("UTF-16LE", "GB18030");
        m_iconv = handle == noIconv ? nullptr : handle;
    }
}

Gb18030Decoder::~Gb18030Decoder()
{
    if (m_iconv)
        iconv_close(iconv_t(m_iconv));
}

bool Gb18030Decoder::isValid() const { return m_icu || m_iconv; }

bool Gb18030Decoder::decode(QByteArrayView bytes, QString &text)
{
    if (!m_icu)
        return decodeWithIconv(bytes, text);
    text = m_icu->decode(bytes);
    if (!m_icu->hasError())
        return true;
    // An error stays on the decoder; the next decode starts afresh.
    m_icu.emplace("GB18030", QStringConverter::Flag::Stateless);
    return false;
}

bool Gb18030Decoder::decodeWithIconv(QByteArrayView bytes, QString &text)
{
    text.clear();
    if (!m_iconv)
        return false;
    iconv(iconv_t(m_iconv), nullptr, nullptr, nullptr, nullptr); // a fresh state for each line
    // Every GB18030 sequence gives at most two UTF-16 units, and takes at least one byte.
    text.resize(bytes.size() * 2);
    char *in = const_cast<char *>(bytes.data());
    size_t inLeft = size_t(bytes.size());
    char *out = reinterpret_cast<char *>(text.data());
    size_t outLeft = size_t(text.size()) * sizeof(char16_t);
    const size_t result = iconv(iconv_t(m_iconv), &in, &inLeft, &out, &outLeft);
    // EILSEQ: not GB18030; EINVAL: a sequence cut short at the end.
    const bool ok = result != size_t(-1) && inLeft == 0;
    text.resize((out - reinterpret_cast<char *>(text.data())) / qsizetype(sizeof(char16_t)));
    return ok;
}

qsizetype Gb18030Decoder::errorAt(QByteArrayView bytes, qsizetype *length)
{
    QString ignored;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = sequenceLength(bytes, at);
        // A sequence of the right shape may still be one that GB18030 leaves unassigned.
        if (size == 0 || at + size > bytes.size() || (size > 1 && !decode(bytes.sliced(at, size), ignored))) {
            *length = qMax(qsizetype(1), qMin(size, bytes.size() - at));
            if (size == 0 && at + 1 < bytes.size() && uchar(bytes[at + 1]) >= 0x80)
                *length = 2; // a lead byte and the non-ASCII byte that cannot follow it
            return at;
        }
        at += size;
    }
    *length = 0;
    return -1;
}

} // namespace gongji
