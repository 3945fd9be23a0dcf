#pragma once
#include <QFont>
#include <QString>
#include <QStringList>

namespace gongji {

// The look shared by every printed summary: the one font and the style sheet.
class SummaryStyle
{
public:
    // The CJK fonts printed with, in order of preference. WenQuanYi, because Noto Sans CJK
    // through Qt's PDF writer turns some characters into Kangxi radicals on copy and search
    // (QT-NOTES.md), and a summary's text must be exact.
    static QStringList preferredFamilies();
    // The first installed family of preferredFamilies(); empty with *error set when none is
    // installed or there is no QGuiApplication (fonts need one; command-line tools can use the
    // offscreen platform). Never falls back silently: that would drop the Chinese glyphs.
    static QString fontFamily(QString *error);
    // Body font: that family, no merging of glyphs from other fonts.
    static QFont font(const QString &family, qreal pointSize);
    static QString styleSheet();
    // Plain text made safe for the HTML of a summary.
    static QString escape(const QString &text);
};

} // namespace gongji
