#include "model/printing/QrCode.h"

#include <QCoreApplication>
#include <algorithm>
#include <memory>

#include <qrencode.h>

namespace gongji {

QImage QrCode::image(const QString &text, int moduleSize, QString *error)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        moduleSize < 1 || utf8.isEmpty() ? nullptr : QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        if (error)
            *error = QCoreApplication::translate("QrCode", "Cannot make a QR code of \"%1\".").arg(text);
        return {};
    }
    constexpr int quietZone = 4; // modules of white around the symbol (ISO/IEC 18004)
    const int modules = code->width + 2 * quietZone;
    QImage image(modules * moduleSize, modules * moduleSize, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (!(code->data[y * code->width + x] & 1)) // bit 0: dark module
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar *line = image.scanLine((y + quietZone) * moduleSize + dy);
                std::fill_n(line + (x + quietZone) * moduleSize, moduleSize, uchar(0));
            }
        }
    }
    return image;
}

} // namespace gongji
