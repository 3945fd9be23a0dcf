#pragma once
#include <QImage>
#include <QString>

namespace gongji {

// Thin wrapper around libqrencode.
class QrCode
{
public:
    // A black-on-white QR code of `text` (UTF-8, error correction level M) with the standard
    // quiet zone of 4 modules, each module `moduleSize` pixels square. Null image with *error
    // set when libqrencode refuses the text (too long) or moduleSize < 1.
    static QImage image(const QString &text, int moduleSize, QString *error = nullptr);
};

} // namespace gongji
