#include "model/printing/SummaryStyle.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>

namespace gongji {

QStringList SummaryStyle::preferredFamilies()
{
    return {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("WenQuanYi Zen Hei")};
}

QString SummaryStyle::fontFamily(QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QCoreApplication::translate(
                "SummaryStyle", "Printing needs a QGuiApplication (command-line tools: QT_QPA_PLATFORM=offscreen).");
        return {};
    }
    const QStringList families = preferredFamilies();
    for (const QString &family : families) {
        if (QFontDatabase::hasFamily(family))
            return family;
    }
    if (error)
        *error = QCoreApplication::translate(
                     "SummaryStyle",
                     "No Chinese font for printing: install fonts-wqy-microhei or fonts-wqy-zenhei (looked for %1).")
                     .arg(families.join(QStringLiteral(", ")));
    return {};
}

QFont SummaryStyle::font(const QString &family, qreal pointSize)
{
    QFont font(family);
    font.setPointSizeF(pointSize);
    // Every glyph from the chosen font: a glyph merged in from another CJK font could carry a
    // wrong text mapping into the PDF.
    font.setStyleStrategy(QFont::NoFontMerging);
    return font;
}

QString SummaryStyle::styleSheet()
{
    // QTextDocument's CSS subset: tables, cell borders and padding, font sizes; no positioning.
    return QStringLiteral("body { font-size: 10pt; color: #000000; }"
                          "h1 { font-size: 17pt; font-weight: bold; margin: 0px; }"
                          "h2 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }"
                          "p { margin-top: 2px; margin-bottom: 2px; }"
                          "table.grid { border-collapse: collapse; border-color: #000000; border-style: solid; }"
                          "table.grid td, table.grid th { border: 0.5px solid #000000; padding: 3px; font-size: 9pt; }"
                          "table.grid th { background-color: #e6e6e6; font-weight: bold; }"
                          "td.key { background-color: #f2f2f2; font-weight: bold; }"
                          ".reprint { font-size: 12pt; font-weight: bold; }"
                          ".notice { font-size: 9pt; }"
                          ".small { font-size: 8pt; }"
                          ".pledge { font-size: 10.5pt; font-weight: bold; }");
}

QString SummaryStyle::escape(const QString &text) { return text.toHtmlEscaped(); }

} // namespace gongji
